"""A synchronous client for the Orleans.Bandits HTTP API, on the standard library only.

The request path (``select``) fails open: given a fallback arm it never raises, and answers with that arm,
flagged, when the platform is slow, down or refuses. Feedback is retried on transient failures with the same
``eventId``, so the platform counts a retried event once.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar, Union
from urllib.parse import quote, urlsplit

from .models import AuditEntry, Experiment, Stats

__all__ = [
    "BanditsClient",
    "BanditsError",
    "BanditsUnavailableError",
    "BatchResult",
    "Feedback",
    "FeedbackReceipt",
    "RejectedFeedback",
    "Selection",
]

MAX_BATCH_ITEMS = 1000
"""The most items ``POST /v1/feedback/batch`` takes; longer batches are sent in chunks."""

_T = TypeVar("_T")


class BanditsError(Exception):
    """The platform refused a request (an RFC 9457 problem response), or could not be asked.

    ``status`` is the HTTP status (None when no answer came), ``slug`` the end of the problem's ``type``
    (``not-found``, ``invalid-token``, ``already-rewarded``, ...), ``problem`` the whole problem body.
    """

    def __init__(self, message: str, status: Optional[int] = None, problem: Optional[Dict[str, Any]] = None) -> None:
        super().__init__(message)
        self.status = status
        self.problem: Dict[str, Any] = problem or {}

    @property
    def slug(self) -> Optional[str]:
        """The stable last segment of the problem's ``type``, which callers can match on."""
        problem_type = self.problem.get("type")
        return problem_type.rsplit("/", 1)[-1] if isinstance(problem_type, str) else None


class BanditsUnavailableError(BanditsError):
    """A failure worth retrying: no answer in time, no connection, 429 or 5xx (then ``retry_after`` in seconds)."""

    def __init__(
        self,
        message: str,
        status: Optional[int] = None,
        problem: Optional[Dict[str, Any]] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(message, status, problem)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Selection:
    """The arm to use. ``fallback`` is True when the platform did not choose it: then ``error`` says why and
    ``token`` is None (there is nothing to give feedback for). ``is_default`` is True when the platform served the
    experiment's default arm (paused, or outside its rollout, targeting or schedule: ``reason`` says which), again with
    no token; ``holdout`` is True when the unit is in the holdout (the arm drawn uniformly)."""

    arm: str
    token: Optional[str]
    propensity: Optional[float] = None
    version: Optional[int] = None
    paused: bool = False
    fallback: bool = False
    error: Optional[str] = None
    is_default: bool = False
    reason: Optional[str] = None
    holdout: bool = False


@dataclass(frozen=True)
class FeedbackReceipt:
    """Feedback the platform durably accepted: its ``event_id`` and how many attempts it took."""

    event_id: str
    attempts: int


@dataclass(frozen=True)
class Feedback:
    """One item of :meth:`BanditsClient.feedback_batch`. Without ``event_id`` the client makes one, so a retried
    batch is counted once."""

    token: str
    reward: float
    event_id: Optional[str] = None
    costs: Optional[Sequence[float]] = None


@dataclass(frozen=True)
class RejectedFeedback:
    """An item of a batch the platform refused: its position in the caller's list, the status and why."""

    index: int
    status: int
    detail: str


@dataclass(frozen=True)
class BatchResult:
    """What became of a batch: how many items were accepted, which were refused, and every item's event id."""

    accepted: int
    rejected: List[RejectedFeedback] = field(default_factory=list)
    event_ids: List[str] = field(default_factory=list)


class BanditsClient:
    """The HTTP API v1 of an Orleans.Bandits host (a silo or a gateway).

    :param base_url: e.g. ``http://127.0.0.1:5080``.
    :param api_key: the tenant's key, sent as ``X-Api-Key``; None while the platform runs with auth off.
    :param timeout: seconds a ``select`` may take in all, connecting included, before the fallback is served.
    :param feedback_timeout: seconds one feedback attempt (and every other call) may take.
    :param retries: how many times a failed feedback is sent again (after a timeout, a dropped connection,
        429 or 5xx); each retry carries the same ``eventId``.
    :param retry_backoff: seconds before the first retry, doubled for each further one; a ``Retry-After`` the
        platform sends is honoured instead, up to ``max_retry_wait``.
    :param max_retry_wait: the longest the client waits between two attempts.
    """

    def __init__(
        self,
        base_url: str,
        api_key: Optional[str] = None,
        *,
        timeout: float = 0.5,
        feedback_timeout: float = 5.0,
        retries: int = 3,
        retry_backoff: float = 0.1,
        max_retry_wait: float = 5.0,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must be an http or https URL, got {base_url!r}")
        if timeout <= 0 or feedback_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if retries < 0:
            raise ValueError("retries must be zero or more")
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port or (443 if self._https else 80)
        self._prefix = parts.path.rstrip("/")
        self._api_key = api_key
        self.timeout = timeout
        self.feedback_timeout = feedback_timeout
        self.retries = retries
        self.retry_backoff = retry_backoff
        self.max_retry_wait = max_retry_wait

    # The request path.

    def select(
        self,
        experiment: str,
        *,
        fallback_arm: Optional[str] = None,
        context: Optional[Sequence[float]] = None,
        exclude: Optional[Sequence[str]] = None,
        exploration: Optional[float] = None,
        unit: Optional[str] = None,
        attributes: Optional[Dict[str, Union[str, float, bool]]] = None,
        timeout: Optional[float] = None,
    ) -> Selection:
        """Asks which arm of ``experiment`` to use now.

        With ``fallback_arm`` this never raises: when no answer comes within ``timeout`` (default: the client's),
        the platform is unreachable or it refuses, the result is ``fallback_arm`` with ``fallback=True``. Without
        it, those failures raise :class:`BanditsError`. ``unit`` (e.g. a user id) is what rollout and holdout
        membership is sticky to, ``attributes`` what the experiment's targeting rules test.
        """
        body: Dict[str, Any] = {}
        if context is not None:
            body["context"] = list(context)
        if exclude is not None:
            body["exclude"] = list(exclude)
        if exploration is not None:
            body["exploration"] = exploration
        if unit is not None:
            body["unit"] = unit
        if attributes is not None:
            body["attributes"] = dict(attributes)
        try:
            answer = self._call("POST", f"/v1/experiments/{_segment(experiment)}/select", body, timeout or self.timeout)
        except BanditsError as error:
            if fallback_arm is None:
                raise
            return Selection(arm=fallback_arm, token=None, fallback=True, error=str(error))
        return Selection(
            arm=answer["arm"],
            token=answer.get("token"),
            propensity=answer.get("propensity"),
            version=answer.get("version"),
            paused=bool(answer.get("paused", False)),
            is_default=bool(answer.get("isDefault", False)),
            reason=answer.get("reason"),
            holdout=bool(answer.get("holdout", False)),
        )

    def feedback(
        self,
        token: str,
        reward: float,
        *,
        event_id: Optional[str] = None,
        costs: Optional[Sequence[float]] = None,
    ) -> FeedbackReceipt:
        """Reports the reward for a selection's ``token``; returns once the platform durably accepted it.

        The ``eventId`` (``event_id``, or one the client makes) goes with every attempt, so a retry after a lost
        answer is counted once. Raises :class:`BanditsError` when the platform refuses (no retry: the token is
        invalid, expired or already rewarded) or every attempt failed.
        """
        body: Dict[str, Any] = {"token": token, "reward": reward, "eventId": event_id or uuid.uuid4().hex}
        if costs is not None:
            body["costs"] = list(costs)
        return self._send_feedback(body)

    def report_unavailable(
        self,
        token: str,
        retry_after_ms: int,
        *,
        backoff: bool = False,
        event_id: Optional[str] = None,
    ) -> FeedbackReceipt:
        """Reports the selected arm as unavailable (e.g. it answered 429): no arm is learned, and the platform
        stops choosing it for ``retry_after_ms`` (doubling on consecutive reports with ``backoff``)."""
        body = {
            "token": token,
            "unavailable": {"retryAfterMs": retry_after_ms, "backoff": backoff},
            "eventId": event_id or uuid.uuid4().hex,
        }
        return self._send_feedback(body)

    def feedback_batch(self, items: Sequence[Feedback]) -> BatchResult:
        """Reports many rewards at once, in chunks of at most 1000.

        A chunk that fails transiently is sent again, and so is an item the platform rejected with 503 (a
        dependency was down), always with the same event ids. Items refused for good are listed in
        ``rejected`` with their index in ``items``.
        """
        event_ids = [item.event_id or uuid.uuid4().hex for item in items]
        bodies = [_feedback_body(item, event_id) for item, event_id in zip(items, event_ids)]
        accepted = 0
        rejected: List[RejectedFeedback] = []
        for start in range(0, len(bodies), MAX_BATCH_ITEMS):
            indexes = list(range(start, min(start + MAX_BATCH_ITEMS, len(bodies))))
            for attempt in range(self.retries + 1):
                answer, _ = self._with_retries(
                    lambda: self._call("POST", "/v1/feedback/batch", {"items": [bodies[i] for i in indexes]}, self.feedback_timeout)
                )
                accepted += answer["accepted"]
                retry: List[int] = []
                for refusal in answer.get("rejected", []):
                    index = indexes[refusal["index"]]
                    if refusal["status"] == 503 and attempt < self.retries:
                        retry.append(index)
                    else:
                        rejected.append(RejectedFeedback(index, refusal["status"], refusal.get("detail", "")))
                if not retry:
                    break
                indexes = retry
                time.sleep(self._backoff(attempt, None))
        rejected.sort(key=lambda r: r.index)
        return BatchResult(accepted=accepted, rejected=rejected, event_ids=event_ids)

    # Observing and managing.

    def stats(self, experiment: str) -> Stats:
        """What ``experiment`` has learned: per arm count, mean, 95 % interval, probability of being best."""
        return self._call("GET", f"/v1/experiments/{_segment(experiment)}/stats", None, self.feedback_timeout)

    def create_experiment(
        self,
        experiment: str,
        arms: Sequence[str],
        *,
        policy: Optional[str] = None,
        policy_params: Optional[Dict[str, Any]] = None,
        context_dimension: Optional[int] = None,
        feedback_window_seconds: Optional[int] = None,
        reward_aggregation: Optional[str] = None,
    ) -> Experiment:
        """Creates an experiment with these arms (``policy`` defaults to thompson-beta); raises
        :class:`BanditsError` with status 409 when the id is taken."""
        body: Dict[str, Any] = {"id": experiment, "arms": [{"id": arm} for arm in arms]}
        if policy is not None or policy_params is not None:
            body["policy"] = {"name": policy, "params": policy_params or {}}
        if context_dimension is not None:
            body["contextDimension"] = context_dimension
        if feedback_window_seconds is not None:
            body["feedbackWindowSeconds"] = feedback_window_seconds
        if reward_aggregation is not None:
            body["rewardAggregation"] = reward_aggregation
        return self._call("POST", "/v1/experiments", body, self.feedback_timeout)

    def get_experiment(self, experiment: str) -> Experiment:
        """The experiment as the platform has it now (arms, policy, status, version)."""
        return self._call("GET", f"/v1/experiments/{_segment(experiment)}", None, self.feedback_timeout)

    def reset_experiment(self, experiment: str) -> Experiment:
        """Forgets what ``experiment`` learned, keeping its arms and settings: a new incarnation, whose earlier
        tokens are refused (410 ``experiment-replaced``)."""
        return self._call("POST", f"/v1/experiments/{_segment(experiment)}/reset", None, self.feedback_timeout)

    def audit(self, experiment: str) -> List[AuditEntry]:
        """The control actions on ``experiment``'s id, oldest first, also after it was deleted."""
        return self._call("GET", f"/v1/experiments/{_segment(experiment)}/audit", None, self.feedback_timeout)["items"]

    def delete_experiment(self, experiment: str) -> None:
        """Deletes the experiment; its outstanding tokens are refused from then on."""
        self._call("DELETE", f"/v1/experiments/{_segment(experiment)}", None, self.feedback_timeout)

    # The wire.

    def _send_feedback(self, body: Dict[str, Any]) -> FeedbackReceipt:
        answer, attempts = self._with_retries(lambda: self._call("POST", "/v1/feedback", body, self.feedback_timeout))
        return FeedbackReceipt(event_id=answer.get("eventId", body["eventId"]), attempts=attempts)

    def _with_retries(self, send: Callable[[], _T]) -> Tuple[_T, int]:
        attempts = 0
        while True:
            attempts += 1
            try:
                return send(), attempts
            except BanditsUnavailableError as error:
                if attempts > self.retries:
                    raise
                time.sleep(self._backoff(attempts - 1, error.retry_after))

    def _backoff(self, attempt: int, retry_after: Optional[float]) -> float:
        wait = retry_after if retry_after is not None else self.retry_backoff * (2**attempt)
        return min(wait, self.max_retry_wait)

    def _call(self, method: str, path: str, body: Optional[Dict[str, Any]], timeout: float) -> Any:
        """One request on a fresh connection, all of it (connecting, sending, waiting, reading) within ``timeout``."""
        deadline = time.monotonic() + timeout
        headers = {"Accept": "application/json", "Connection": "close"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if self._api_key:
            headers["X-Api-Key"] = self._api_key
        connection_type = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        connection = connection_type(self._host, self._port, timeout=timeout)
        try:
            connection.request(method, self._prefix + path, body=data, headers=headers)
            _limit_to(connection, deadline)
            response = connection.getresponse()
            _limit_to(connection, deadline)
            payload = response.read()
        except (OSError, http.client.HTTPException) as error:
            reason = "no answer within the timeout" if isinstance(error, socket.timeout) else f"{type(error).__name__}: {error}"
            raise BanditsUnavailableError(f"{method} {path}: {reason}") from error
        finally:
            connection.close()
        return _read_answer(method, path, response.status, response.getheader("Retry-After"), payload)


def _limit_to(connection: http.client.HTTPConnection, deadline: float) -> None:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise socket.timeout("the deadline passed")
    if connection.sock is not None:
        connection.sock.settimeout(remaining)


def _read_answer(method: str, path: str, status: int, retry_after: Optional[str], payload: bytes) -> Any:
    try:
        document = json.loads(payload) if payload else None
    except ValueError as error:
        raise BanditsUnavailableError(f"{method} {path}: answered {status} with a body that is not JSON", status) from error
    if status < 400:
        return document
    problem = document if isinstance(document, dict) else {}
    message = f"{method} {path}: {status} {problem.get('detail') or problem.get('title') or ''}".rstrip()
    if status == 429 or status >= 500:
        raise BanditsUnavailableError(message, status, problem, _seconds(retry_after))
    raise BanditsError(message, status, problem)


def _seconds(retry_after: Optional[str]) -> Optional[float]:
    try:
        return float(retry_after) if retry_after is not None else None
    except ValueError:
        return None


def _segment(value: str) -> str:
    return quote(value, safe="")


def _feedback_body(item: Feedback, event_id: str) -> Dict[str, Any]:
    body: Dict[str, Any] = {"token": item.token, "reward": item.reward, "eventId": event_id}
    if item.costs is not None:
        body["costs"] = list(item.costs)
    return body
