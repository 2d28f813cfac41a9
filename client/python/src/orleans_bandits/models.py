"""The JSON bodies the platform answers with, as typed dictionaries (API.md is the contract). They are
``total=False``: the platform may add fields, and a client should not break when it does."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict

__all__ = ["Arm", "ArmStats", "AuditEntry", "DeclaredWinner", "Experiment", "Stats", "Uplift", "Winner"]


class Arm(TypedDict, total=False):
    id: str
    metadata: Dict[str, str]


class Winner(TypedDict, total=False):
    """The winner rule, and once an arm met it, ``arm`` and ``declaredAt`` (``None`` before)."""

    probabilityBest: float
    maxExpectedLoss: float
    promote: bool
    arm: Optional[str]
    declaredAt: Optional[str]


class DeclaredWinner(TypedDict, total=False):
    """In stats: the declared winner, when, and its probability of being best and expected loss then."""

    arm: str
    at: str
    probabilityBest: float
    expectedLoss: float


class AuditEntry(TypedDict, total=False):
    """One control action: when (UTC), the acting key id (``admin``, or ``platform`` for a winner), what and how."""

    at: str
    actor: str
    action: str
    detail: str


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
    winner: Optional[Winner]


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
    expectedLoss: Optional[float]


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
    winner: Optional[DeclaredWinner]
