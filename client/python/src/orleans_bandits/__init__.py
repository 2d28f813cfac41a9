"""Orleans.Bandits: a client for the platform's HTTP API (standard library only).

Usage::

    from orleans_bandits import BanditsClient

    bandits = BanditsClient("http://127.0.0.1:5080", api_key=None, timeout=0.2)
    choice = bandits.select("homepage-hero", fallback_arm="red")  # never raises: falls back when slow or down
    if choice.token:
        bandits.feedback(choice.token, reward=1.0)  # retried with the same eventId, counted once
"""

from .client import (
    BanditsClient,
    BanditsError,
    BanditsUnavailableError,
    BatchResult,
    Feedback,
    FeedbackReceipt,
    RejectedFeedback,
    Selection,
)
from .models import Arm, ArmStats, AuditEntry, DeclaredWinner, Experiment, Stats, Uplift, Winner

__all__ = [
    "Arm",
    "ArmStats",
    "AuditEntry",
    "BanditsClient",
    "BanditsError",
    "BanditsUnavailableError",
    "BatchResult",
    "DeclaredWinner",
    "Experiment",
    "Feedback",
    "FeedbackReceipt",
    "RejectedFeedback",
    "Selection",
    "Stats",
    "Uplift",
    "Winner",
]
