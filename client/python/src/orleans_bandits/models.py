"""The JSON bodies the platform answers with, as typed dictionaries (API.md is the contract). They are
``total=False``: the platform may add fields, and a client should not break when it does."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict

__all__ = ["Arm", "ArmStats", "Experiment", "Stats", "Uplift"]


class Arm(TypedDict, total=False):
    id: str


class Experiment(TypedDict, total=False):
    """``GET /v1/experiments/{id}``: the arms that can be selected, the policy, ``status`` and ``version``."""

    id: str
    arms: List[Arm]
    retiredArms: List[Arm]
    policy: Dict[str, Any]
    contextDimension: int
    feedbackWindowSeconds: int
    status: str
    version: int
    createdAt: str
    trainedEvents: int
    rewardAggregation: str
    rollout: Optional[Dict[str, float]]
    targeting: List[Dict[str, Any]]
    schedule: Optional[Dict[str, Any]]
    defaultArm: Optional[str]
    holdout: Optional[Dict[str, float]]
    explorationFloor: float


class ArmStats(TypedDict, total=False):
    """One arm's statistics: ``count`` learned events, ``mean`` reward with its 95 % interval ``ci95``."""

    id: str
    count: int
    rewardSum: Optional[float]
    mean: Optional[float]
    ci95: Optional[List[float]]
    probabilityBest: Optional[float]
    blockedUntil: Optional[str]
    retired: bool


class Uplift(TypedDict, total=False):
    """Bandit-served minus holdout-served mean reward (``value``) with its 95 % interval ``ci95`` and each group's mean and events."""

    value: float
    ci95: Optional[List[float]]
    banditMean: float
    holdoutMean: float
    banditCount: int
    holdoutCount: int


class Stats(TypedDict, total=False):
    """``GET /v1/experiments/{id}/stats``: what the experiment has learned, at ``version``."""

    version: int
    trainedEvents: int
    duplicatesDropped: int
    arms: List[ArmStats]
    updatedAt: str
    refreshIntervalMs: float
    uplift: Optional[Uplift]
