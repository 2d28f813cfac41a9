// The client against a live platform: BANDITS_URL (e.g. http://127.0.0.1:5080) and, with auth on,
// BANDITS_API_KEY (a tenant's key). The Orleans.Bandits.Clients.Tests project starts a silo and runs this suite.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { describe, test } from "node:test";
import { BanditsClient, BanditsError, type Stats } from "../src/index.js";
import { closedPortUrl, droppingProxy, silentServer } from "./servers.js";

const url = process.env.BANDITS_URL;
if (!url) {
    throw new Error("Set BANDITS_URL to a running platform (e.g. http://127.0.0.1:5080).");
}
const apiKey = process.env.BANDITS_API_KEY || undefined;
const client = new BanditsClient({ baseUrl: url, apiKey, timeoutMs: 5000 });

function unique(name: string): string {
    return `${name}-${randomUUID().slice(0, 8)}`;
}

/** Polls the stats until `done` holds; fails after `limitMs`. */
async function waitForStats(experiment: string, done: (stats: Stats) => boolean, limitMs = 15_000): Promise<Stats> {
    const deadline = Date.now() + limitMs;
    for (;;) {
        const stats = await client.stats(experiment);
        if (done(stats)) {
            return stats;
        }
        assert.ok(Date.now() < deadline, `stats of ${experiment} never got there in ${limitMs} ms; last: ${JSON.stringify(stats)}`);
        await delay(100);
    }
}

describe("round trip", () => {
    test("select, feedback and stats", async () => {
        const experiment = unique("ts-round-trip");
        const created = await client.createExperiment({ id: experiment, arms: [{ id: "red" }, { id: "blue" }] });
        assert.deepEqual(created.arms.map((a) => a.id), ["red", "blue"]);

        const choice = await client.select(experiment, { fallbackArm: "red" });
        assert.equal(choice.fallback, false, choice.error);
        assert.ok(["red", "blue"].includes(choice.arm));
        assert.ok(choice.token);

        const receipt = await client.feedback(choice.token, 1);
        assert.equal(receipt.attempts, 1);
        assert.ok(receipt.eventId);

        const stats = await waitForStats(experiment, (s) => s.trainedEvents === 1);
        assert.equal(stats.arms.find((a) => a.id === choice.arm)?.count, 1);
    });

    test("outside the targeting the default arm is served, flagged with the reason and without a token", async () => {
        const experiment = unique("ts-targeting");
        await client.createExperiment({
            id: experiment,
            arms: [{ id: "red" }, { id: "blue" }],
            targeting: [{ attribute: "country", op: "in", value: ["DE", "AT"] }],
            defaultArm: "blue",
        });

        const outside = await client.select(experiment, { unit: "user-1", attributes: { country: "FR" } });
        assert.deepEqual([outside.arm, outside.token, outside.isDefault, outside.reason], ["blue", null, true, "targeting"]);

        const inside = await client.select(experiment, { unit: "user-1", attributes: { country: "DE" } });
        assert.ok(inside.token);
        assert.equal(inside.isDefault, false);
        assert.equal(inside.holdout, false);
    });

    test("reset refuses the old tokens and the audit lists it", async () => {
        const experiment = unique("ts-reset");
        await client.createExperiment({ id: experiment, arms: [{ id: "a" }, { id: "b" }] });
        const old = (await client.select(experiment)).token!;

        const reset = await client.resetExperiment(experiment);

        assert.deepEqual(reset.arms.map((a) => a.id), ["a", "b"]);
        assert.deepEqual((await client.audit(experiment)).map((e) => e.action), ["create", "reset"]);
        await assert.rejects(client.feedback(old, 1), (error: unknown) =>
            error instanceof BanditsError && error.status === 410 && error.slug === "experiment-replaced");
    });

    test("batch feedback accepts the good items and reports the bad one by index", async () => {
        const experiment = unique("ts-batch");
        await client.createExperiment({ id: experiment, arms: [{ id: "a" }, { id: "b" }] });
        const tokens = [(await client.select(experiment)).token!, (await client.select(experiment)).token!];

        const result = await client.feedbackBatch([
            { token: tokens[0], reward: 1 },
            { token: "not-a-token", reward: 1 },
            { token: tokens[1], reward: 0 },
        ]);

        assert.equal(result.accepted, 2);
        assert.deepEqual(result.rejected.map((r) => [r.index, r.status]), [[1, 400]]);
        assert.equal(new Set(result.eventIds).size, 3);
        await waitForStats(experiment, (s) => s.trainedEvents === 2);
    });

    test("a refusal rejects with its status and slug", async () => {
        const refused = await client.feedback("not-a-token", 1).then(
            () => assert.fail("an invalid token must be refused"),
            (error: unknown) => error,
        );
        assert.ok(refused instanceof BanditsError);
        assert.equal(refused.status, 400);
        assert.equal(refused.slug, "invalid-token");

        const unknown = await client.select(unique("ts-missing")).then(
            () => assert.fail("an unknown experiment must be refused"),
            (error: unknown) => error,
        );
        assert.ok(unknown instanceof BanditsError);
        assert.equal(unknown.status, 404);
        assert.equal(unknown.slug, "not-found");
    });
});

describe("fail-open select", () => {
    test("a platform that never answers gets the fallback arm within the timeout", async () => {
        const silent = await silentServer();
        try {
            const stuck = new BanditsClient({ baseUrl: silent.url, apiKey, timeoutMs: 300 });
            const started = performance.now();
            const choice = await stuck.select("homepage-hero", { fallbackArm: "red" });
            const elapsed = performance.now() - started;

            assert.equal(choice.arm, "red");
            assert.equal(choice.fallback, true);
            assert.equal(choice.token, null);
            assert.match(choice.error ?? "", /no answer within 300 ms/);
            assert.ok(elapsed < 300 + 200, `the fallback took ${elapsed} ms`);
        } finally {
            await silent.close();
        }
    });

    test("a platform that is down gets the fallback arm at once", async () => {
        const down = new BanditsClient({ baseUrl: await closedPortUrl(), apiKey, timeoutMs: 2000 });
        const started = performance.now();
        const choice = await down.select("homepage-hero", { fallbackArm: "blue" });
        assert.equal(choice.arm, "blue");
        assert.equal(choice.fallback, true);
        assert.ok(performance.now() - started < 1000);
    });

    test("a refused select falls back too and says why", async () => {
        const choice = await client.select(unique("ts-missing"), { fallbackArm: "red" });
        assert.equal(choice.fallback, true);
        assert.match(choice.error ?? "", /404/);
    });
});

describe("feedback retries", () => {
    test("a feedback retried after a dropped connection is counted once", async () => {
        // With rewardAggregation "sum" every distinct eventId adds a reward: only the retry's reuse of the eventId
        // keeps the lost first attempt and the retry from counting twice.
        const experiment = unique("ts-retry");
        await client.createExperiment({ id: experiment, arms: [{ id: "a" }], rewardAggregation: "sum" });
        const token = (await client.select(experiment)).token!;
        const proxy = await droppingProxy(url);
        try {
            const throughProxy = new BanditsClient({ baseUrl: proxy.url, apiKey, retries: 3, retryBackoffMs: 50 });
            const receipt = await throughProxy.feedback(token, 1);
            assert.equal(receipt.attempts, 2);
            assert.equal(proxy.feedbackForwarded(), 2, "the platform must have received both attempts");
        } finally {
            await proxy.close();
        }

        const stats = await waitForStats(experiment, (s) => s.trainedEvents >= 1);
        await delay(2 * stats.refreshIntervalMs);
        assert.equal((await client.stats(experiment)).trainedEvents, 1);

        // The same token with another eventId does count again, so the check above can tell once from twice.
        await client.feedback(token, 1);
        await waitForStats(experiment, (s) => s.trainedEvents === 2);
    });
});
