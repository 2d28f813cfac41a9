/**
 * A client for the Orleans.Bandits HTTP API. The types come from the platform's OpenAPI document
 * (`npm run generate` writes src/schema.ts with openapi-typescript); requests go through openapi-fetch.
 *
 * The request path (`select`) fails open: given a fallback arm it never rejects, and answers with that arm,
 * flagged, when the platform is slow, down or refuses. Feedback is retried on transient failures with the same
 * `eventId`, so the platform counts a retried event once.
 */
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths } from "./schema.js";
export type Experiment = components["schemas"]["ExperimentResponse"];
export type CreateExperiment = components["schemas"]["CreateExperimentBody"];
export type Stats = components["schemas"]["StatsResponse"];
export type AuditEntry = components["schemas"]["AuditEntryResponse"];
export type Problem = components["schemas"]["ProblemDetails"] & { errors?: Record<string, string[]> };

/** The most items `POST /v1/feedback/batch` takes; longer batches are sent in chunks. */
export const maxBatchItems = 1000;

export interface BanditsClientOptions {
    /** e.g. `http://127.0.0.1:5080`. */
    baseUrl: string;
    /** The tenant's key, sent as `X-Api-Key`; omit while the platform runs with auth off. */
    apiKey?: string;
    /** How long a `select` may take in all before the fallback is served (default 500 ms). */
    timeoutMs?: number;
    /** How long one feedback attempt, and every other call, may take (default 5 s). */
    feedbackTimeoutMs?: number;
    /** How many times a failed feedback is sent again after a timeout, a dropped connection, 429 or 5xx (default 3). */
    retries?: number;
    /** The wait before the first retry, doubled for each further one (default 100 ms); a `Retry-After` is honoured instead. */
    retryBackoffMs?: number;
    /** The longest wait between two attempts (default 5 s). */
    maxRetryWaitMs?: number;
    /** The fetch to use (default: the global one). */
    fetch?: typeof fetch;
}

export interface SelectOptions {
    /** The arm to use when the platform does not answer in time, is unreachable or refuses; with it, select never rejects. */
    fallbackArm?: string;
    context?: number[];
    exclude?: string[];
    exploration?: number;
    /** What rollout and holdout membership is sticky to (e.g. a user id). */
    unit?: string;
    /** What the experiment's targeting rules test. */
    attributes?: Record<string, string | number | boolean>;
    /** Overrides the client's `timeoutMs` for this call. */
    timeoutMs?: number;
}

/**
 * The arm to use. `fallback` is true when the platform did not choose it: then `error` says why and `token` is null.
 * `isDefault` is true when the platform served the experiment's default arm (paused, or outside its rollout, targeting or
 * schedule: `reason` says which), again with no token; `holdout` when the unit is in the holdout (the arm drawn uniformly).
 */
export interface Selection {
    arm: string;
    token: string | null;
    propensity: number | null;
    version: number | null;
    paused: boolean;
    fallback: boolean;
    isDefault: boolean;
    reason: string | null;
    holdout: boolean;
    error?: string;
}

/** Feedback the platform durably accepted, and how many attempts it took. */
export interface FeedbackReceipt {
    eventId: string;
    attempts: number;
}

/** One item of a batch; without `eventId` the client makes one, so a retried batch is counted once. */
export interface FeedbackItem {
    token: string;
    reward: number;
    eventId?: string;
    costs?: number[];
}

/** What became of a batch: accepted items, refused ones by their index in the caller's list, every item's event id. */
export interface BatchResult {
    accepted: number;
    rejected: { index: number; status: number; detail: string }[];
    eventIds: string[];
}

/** The platform refused (an RFC 9457 problem), or could not be asked (`status` undefined). */
export class BanditsError extends Error {
    constructor(
        message: string,
        readonly status?: number,
        readonly problem?: Problem,
    ) {
        super(message);
        this.name = new.target.name;
    }

    /** The stable last segment of the problem's `type` (`not-found`, `invalid-token`, `already-rewarded`, ...). */
    get slug(): string | undefined {
        return this.problem?.type?.split("/").pop();
    }
}

/** A failure worth retrying: no answer in time, no connection, 429 or 5xx (with the server's `Retry-After`). */
export class BanditsUnavailableError extends BanditsError {
    constructor(
        message: string,
        status?: number,
        problem?: Problem,
        readonly retryAfterMs?: number,
    ) {
        super(message, status, problem);
    }
}

interface Answer<T> {
    data?: T;
    error?: unknown;
    response: Response;
}

export class BanditsClient {
    /** The typed openapi-fetch client, for any route this layer does not wrap. */
    readonly api: Client<paths>;
    private readonly timeoutMs: number;
    private readonly feedbackTimeoutMs: number;
    private readonly retries: number;
    private readonly retryBackoffMs: number;
    private readonly maxRetryWaitMs: number;

    constructor(options: BanditsClientOptions) {
        this.timeoutMs = positive(options.timeoutMs ?? 500, "timeoutMs");
        this.feedbackTimeoutMs = positive(options.feedbackTimeoutMs ?? 5000, "feedbackTimeoutMs");
        this.retries = Math.max(0, options.retries ?? 3);
        this.retryBackoffMs = options.retryBackoffMs ?? 100;
        this.maxRetryWaitMs = options.maxRetryWaitMs ?? 5000;
        this.api = createClient<paths>({
            baseUrl: options.baseUrl.replace(/\/+$/, ""),
            headers: options.apiKey ? { "X-Api-Key": options.apiKey } : {},
            fetch: options.fetch,
        });
    }

    /**
     * Which arm of `experiment` to use now. With `fallbackArm` this never rejects: when no answer comes within the
     * timeout, the platform is unreachable or it refuses, the result is the fallback arm with `fallback: true`.
     */
    async select(experiment: string, options: SelectOptions = {}): Promise<Selection> {
        const { fallbackArm, context, exclude, exploration, unit, attributes } = options;
        try {
            const answer = await this.call("POST /v1/experiments/{id}/select", options.timeoutMs ?? this.timeoutMs, (signal) =>
                this.api.POST("/v1/experiments/{id}/select", {
                    params: { path: { id: experiment } },
                    body: { context, exclude, exploration, unit, attributes },
                    signal,
                }),
            );
            return {
                arm: answer.arm,
                token: answer.token,
                propensity: answer.propensity,
                version: answer.version,
                paused: answer.paused ?? false,
                fallback: false,
                isDefault: answer.isDefault ?? false,
                reason: answer.reason ?? null,
                holdout: answer.holdout ?? false,
            };
        } catch (error) {
            if (fallbackArm === undefined) {
                throw error;
            }
            return {
                arm: fallbackArm,
                token: null,
                propensity: null,
                version: null,
                paused: false,
                fallback: true,
                isDefault: false,
                reason: null,
                holdout: false,
                error: String(error),
            };
        }
    }

    /**
     * Reports the reward for a selection's token; resolves once the platform durably accepted it. Every attempt
     * carries the same `eventId`, so a retry after a lost answer is counted once. Rejects with {@link BanditsError}
     * when the platform refuses (not retried) or every attempt failed.
     */
    feedback(token: string, reward: number, options: { eventId?: string; costs?: number[] } = {}): Promise<FeedbackReceipt> {
        return this.sendFeedback({ token, reward, eventId: options.eventId ?? newEventId(), costs: options.costs });
    }

    /** Reports the selected arm as unavailable (e.g. it answered 429): nothing is learned, and the arm is not chosen for `retryAfterMs`. */
    reportUnavailable(token: string, retryAfterMs: number, options: { backoff?: boolean; eventId?: string } = {}): Promise<FeedbackReceipt> {
        return this.sendFeedback({ token, unavailable: { retryAfterMs, backoff: options.backoff ?? false }, eventId: options.eventId ?? newEventId() });
    }

    /**
     * Reports many rewards, in chunks of at most 1000. A chunk that fails transiently is sent again, and so is an
     * item refused with 503 (a dependency was down), always with the same event ids.
     */
    async feedbackBatch(items: FeedbackItem[]): Promise<BatchResult> {
        const eventIds = items.map((item) => item.eventId ?? newEventId());
        const bodies = items.map((item, i) => ({ token: item.token, reward: item.reward, costs: item.costs, eventId: eventIds[i] }));
        let accepted = 0;
        const rejected: BatchResult["rejected"] = [];
        for (let start = 0; start < bodies.length; start += maxBatchItems) {
            let indexes = bodies.slice(start, start + maxBatchItems).map((_, i) => start + i);
            for (let attempt = 0; indexes.length > 0; attempt++) {
                const sent = indexes;
                const { value: answer } = await this.withRetries(() =>
                    this.call("POST /v1/feedback/batch", this.feedbackTimeoutMs, (signal) =>
                        this.api.POST("/v1/feedback/batch", { body: { items: sent.map((i) => bodies[i]) }, signal }),
                    ),
                );
                accepted += answer.accepted;
                indexes = [];
                for (const refusal of answer.rejected) {
                    const index = sent[refusal.index];
                    if (refusal.status === 503 && attempt < this.retries) {
                        indexes.push(index);
                    } else {
                        rejected.push({ index, status: refusal.status, detail: refusal.detail });
                    }
                }
                if (indexes.length > 0) {
                    await sleep(this.backoff(attempt));
                }
            }
        }
        rejected.sort((a, b) => a.index - b.index);
        return { accepted, rejected, eventIds };
    }

    /** What `experiment` has learned: per arm count, mean, 95 % interval, probability of being best. */
    stats(experiment: string): Promise<Stats> {
        return this.call("GET /v1/experiments/{id}/stats", this.feedbackTimeoutMs, (signal) =>
            this.api.GET("/v1/experiments/{id}/stats", { params: { path: { id: experiment } }, signal }),
        );
    }

    /** Creates an experiment (`policy` defaults to thompson-beta); rejects with status 409 when the id is taken. */
    createExperiment(body: CreateExperiment): Promise<Experiment> {
        return this.call("POST /v1/experiments", this.feedbackTimeoutMs, (signal) => this.api.POST("/v1/experiments", { body, signal }));
    }

    /** Forgets what `experiment` learned, keeping its arms and settings: a new incarnation, whose earlier tokens are refused (410 `experiment-replaced`). */
    resetExperiment(experiment: string): Promise<Experiment> {
        return this.call("POST /v1/experiments/{id}/reset", this.feedbackTimeoutMs, (signal) =>
            this.api.POST("/v1/experiments/{id}/reset", { params: { path: { id: experiment } }, signal }),
        );
    }

    /** The control actions on `experiment`'s id, oldest first, also after it was deleted. */
    async audit(experiment: string): Promise<AuditEntry[]> {
        const log = await this.call("GET /v1/experiments/{id}/audit", this.feedbackTimeoutMs, (signal) =>
            this.api.GET("/v1/experiments/{id}/audit", { params: { path: { id: experiment } }, signal }),
        );
        return log.items;
    }

    /** Deletes the experiment; its outstanding tokens are refused from then on. */
    async deleteExperiment(experiment: string): Promise<void> {
        await this.call("DELETE /v1/experiments/{id}", this.feedbackTimeoutMs, (signal) =>
            this.api.DELETE("/v1/experiments/{id}", { params: { path: { id: experiment } }, signal }),
        );
    }

    private async sendFeedback(body: components["schemas"]["FeedbackBody"] & { eventId: string }): Promise<FeedbackReceipt> {
        const { value, attempts } = await this.withRetries(() =>
            this.call("POST /v1/feedback", this.feedbackTimeoutMs, (signal) => this.api.POST("/v1/feedback", { body, signal })),
        );
        return { eventId: value.eventId, attempts };
    }

    private async withRetries<T>(send: () => Promise<T>): Promise<{ value: T; attempts: number }> {
        for (let attempts = 1; ; attempts++) {
            try {
                return { value: await send(), attempts };
            } catch (error) {
                if (!(error instanceof BanditsUnavailableError) || attempts > this.retries) {
                    throw error;
                }
                await sleep(this.backoff(attempts - 1, error.retryAfterMs));
            }
        }
    }

    private backoff(attempt: number, retryAfterMs?: number): number {
        return Math.min(retryAfterMs ?? this.retryBackoffMs * 2 ** attempt, this.maxRetryWaitMs);
    }

    /** One request, all of it (connecting, waiting, reading the body) within `timeoutMs`; every failure becomes a {@link BanditsError}. */
    private async call<T>(what: string, timeoutMs: number, send: (signal: AbortSignal) => Promise<Answer<T>>): Promise<T> {
        let answer: Answer<T>;
        try {
            answer = await send(AbortSignal.timeout(timeoutMs));
        } catch (error) {
            const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : describe(error);
            throw new BanditsUnavailableError(`${what}: ${reason}`);
        }
        const { response } = answer;
        if (response.ok) {
            return answer.data as T;
        }
        const problem = typeof answer.error === "object" && answer.error !== null ? (answer.error as Problem) : undefined;
        const message = `${what}: ${response.status} ${problem?.detail ?? problem?.title ?? ""}`.trimEnd();
        if (response.status === 429 || response.status >= 500) {
            const retryAfter = Number(response.headers.get("Retry-After"));
            throw new BanditsUnavailableError(message, response.status, problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
        }
        throw new BanditsError(message, response.status, problem);
    }
}

function newEventId(): string {
    return globalThis.crypto.randomUUID();
}

function positive(value: number, name: string): number {
    if (!(value > 0)) {
        throw new RangeError(`${name} must be positive`);
    }
    return value;
}

function describe(error: unknown): string {
    if (error instanceof Error) {
        const cause = (error as Error & { cause?: unknown }).cause;
        return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
    }
    return String(error);
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
