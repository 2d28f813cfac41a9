"""The client against a live platform: BANDITS_URL (e.g. http://127.0.0.1:5080) and, with auth on,
BANDITS_API_KEY (a tenant's key). The Orleans.Bandits.Clients.Tests project starts a silo and runs this suite."""

from __future__ import annotations

import os
import time
import unittest
import uuid
from typing import Callable

from orleans_bandits import BanditsClient, BanditsError, Feedback, Stats

from servers import DroppingProxy, SilentServer, closed_port_url

URL = os.environ.get("BANDITS_URL", "")
KEY = os.environ.get("BANDITS_API_KEY") or None


def unique(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}"


def wait_for_stats(client: BanditsClient, experiment: str, done: Callable[[Stats], bool], limit: float = 15.0) -> Stats:
    """Polls the stats until ``done`` holds; fails the test after ``limit`` seconds."""
    deadline = time.monotonic() + limit
    while True:
        stats = client.stats(experiment)
        if done(stats):
            return stats
        if time.monotonic() > deadline:
            raise AssertionError(f"stats of {experiment} never got there in {limit} s; last: {stats}")
        time.sleep(0.1)


class LiveSiloTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        if not URL:
            raise RuntimeError("Set BANDITS_URL to a running platform (e.g. http://127.0.0.1:5080).")
        cls.client = BanditsClient(URL, api_key=KEY, timeout=5.0)


class RoundTripTests(LiveSiloTest):
    def test_select_feedback_and_stats_round_trip(self) -> None:
        experiment = unique("py-round-trip")
        created = self.client.create_experiment(experiment, ["red", "blue"])
        self.assertEqual(["red", "blue"], [arm["id"] for arm in created["arms"]])

        choice = self.client.select(experiment, fallback_arm="red")
        self.assertFalse(choice.fallback, choice.error)
        self.assertIn(choice.arm, ("red", "blue"))
        self.assertIsNotNone(choice.token)

        receipt = self.client.feedback(choice.token or "", 1.0)
        self.assertEqual(1, receipt.attempts)
        self.assertTrue(receipt.event_id)

        stats = wait_for_stats(self.client, experiment, lambda s: s["trainedEvents"] == 1)
        learned = {arm["id"]: arm["count"] for arm in stats["arms"]}
        self.assertEqual(1, learned[choice.arm])

    def test_batch_feedback_accepts_good_items_and_reports_the_bad_one_by_index(self) -> None:
        experiment = unique("py-batch")
        self.client.create_experiment(experiment, ["a", "b"])
        tokens = [self.client.select(experiment).token or "" for _ in range(2)]

        result = self.client.feedback_batch([Feedback(tokens[0], 1.0), Feedback("not-a-token", 1.0), Feedback(tokens[1], 0.0)])

        self.assertEqual(2, result.accepted)
        self.assertEqual([(1, 400)], [(r.index, r.status) for r in result.rejected])
        self.assertEqual(3, len(set(result.event_ids)))
        wait_for_stats(self.client, experiment, lambda s: s["trainedEvents"] == 2)

    def test_reset_refuses_the_old_tokens_and_the_audit_lists_it(self) -> None:
        experiment = unique("py-reset")
        self.client.create_experiment(experiment, ["a", "b"])
        old = self.client.select(experiment).token or ""

        reset = self.client.reset_experiment(experiment)

        self.assertEqual(["a", "b"], [arm["id"] for arm in reset["arms"]])
        self.assertEqual(["create", "reset"], [entry["action"] for entry in self.client.audit(experiment)])
        with self.assertRaises(BanditsError) as replaced:
            self.client.feedback(old, 1.0)
        self.assertEqual(410, replaced.exception.status)
        self.assertEqual("experiment-replaced", replaced.exception.slug)

    def test_a_refusal_raises_with_its_status_and_slug_and_is_not_retried(self) -> None:
        with self.assertRaises(BanditsError) as refused:
            self.client.feedback("not-a-token", 1.0)
        self.assertEqual(400, refused.exception.status)
        self.assertEqual("invalid-token", refused.exception.slug)

        with self.assertRaises(BanditsError) as unknown:
            self.client.select(unique("py-missing"))
        self.assertEqual(404, unknown.exception.status)
        self.assertEqual("not-found", unknown.exception.slug)


class FailOpenTests(LiveSiloTest):
    def test_a_platform_that_never_answers_gets_the_fallback_arm_within_the_timeout(self) -> None:
        silent = SilentServer()
        try:
            client = BanditsClient(silent.url, api_key=KEY, timeout=0.3)
            started = time.monotonic()
            choice = client.select("homepage-hero", fallback_arm="red")
            elapsed = time.monotonic() - started
        finally:
            silent.close()

        self.assertEqual("red", choice.arm)
        self.assertTrue(choice.fallback)
        self.assertIsNone(choice.token)
        self.assertIn("timeout", choice.error or "")
        self.assertLess(elapsed, 0.3 + 0.2, "the fallback must come within the timeout")

    def test_a_platform_that_is_down_gets_the_fallback_arm_at_once(self) -> None:
        client = BanditsClient(closed_port_url(), api_key=KEY, timeout=2.0)
        started = time.monotonic()
        choice = client.select("homepage-hero", fallback_arm="blue")
        self.assertEqual("blue", choice.arm)
        self.assertTrue(choice.fallback)
        self.assertLess(time.monotonic() - started, 1.0)

    def test_a_refused_select_falls_back_too_and_says_why(self) -> None:
        choice = self.client.select(unique("py-missing"), fallback_arm="red")
        self.assertTrue(choice.fallback)
        self.assertIn("404", choice.error or "")


class RetryTests(LiveSiloTest):
    def test_feedback_retried_after_a_dropped_connection_is_counted_once(self) -> None:
        # With rewardAggregation "sum" every distinct eventId adds a reward: only the retry's reuse of the
        # eventId keeps the lost first attempt and the retry from counting twice.
        experiment = unique("py-retry")
        self.client.create_experiment(experiment, ["a"], reward_aggregation="sum")
        token = self.client.select(experiment).token or ""
        proxy = DroppingProxy(URL)
        try:
            through_proxy = BanditsClient(proxy.url, api_key=KEY, timeout=5.0, retries=3, retry_backoff=0.05)
            receipt = through_proxy.feedback(token, 1.0)
        finally:
            proxy.close()

        self.assertEqual(2, receipt.attempts)
        self.assertEqual(2, proxy.feedback_forwarded, "the platform must have received both attempts")
        stats = wait_for_stats(self.client, experiment, lambda s: s["trainedEvents"] >= 1)
        time.sleep(2 * stats["refreshIntervalMs"] / 1000)
        self.assertEqual(1, self.client.stats(experiment)["trainedEvents"])

        # The same token with another eventId does count again, so the check above can tell once from twice.
        self.client.feedback(token, 1.0)
        wait_for_stats(self.client, experiment, lambda s: s["trainedEvents"] == 2)


if __name__ == "__main__":
    unittest.main()
