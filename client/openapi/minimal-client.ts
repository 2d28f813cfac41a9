// The smallest client a user would write with openapi-fetch, typed by types openapi-typescript generates from
// the live document (generated/schema.d.ts, written by the test). It compiles only if the documented minimal
// bodies are valid: {} for select and {token, reward} for feedback.
import createClient from "openapi-fetch";
import type { paths } from "./generated/schema.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:5080", headers: { "X-Api-Key": "key" } });

export async function selectThenReward(): Promise<string | undefined> {
    const selected = await client.POST("/v1/experiments/{id}/select", { params: { path: { id: "homepage-hero" } }, body: {} });
    const token = selected.data?.token;
    if (token) {
        const accepted = await client.POST("/v1/feedback", { body: { token, reward: 1 } });
        return accepted.data?.eventId;
    }
    return selected.error?.detail ?? undefined;
}

export async function typesAreNotAny(): Promise<void> {
    // @ts-expect-error feedback needs the token select returned.
    await client.POST("/v1/feedback", { body: { reward: 1 } });
    // @ts-expect-error select has no such path without an experiment id.
    await client.POST("/v1/experiments/{id}/select", { body: {} });
}
