// Misbehaving servers on 127.0.0.1 for the client's failure tests: one that never answers, and a proxy that
// loses the answer to the first feedback after the platform has accepted it.
import { createServer as createHttpServer, request, type IncomingMessage, type Server } from "node:http";
import { createServer as createTcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface Running {
    url: string;
    close(): Promise<void>;
}

/** Accepts connections and never says anything, like a platform that is paused or stuck. */
export async function silentServer(): Promise<Running> {
    const sockets: Socket[] = [];
    const server = createTcpServer((socket) => sockets.push(socket));
    const url = await listen(server);
    return {
        url,
        close: () => {
            sockets.forEach((s) => s.destroy());
            return closeServer(server);
        },
    };
}

/** A loopback URL nothing listens on (a platform that is down): connecting is refused at once. */
export async function closedPortUrl(): Promise<string> {
    const server = createTcpServer();
    const url = await listen(server);
    await closeServer(server);
    return url;
}

/**
 * Forwards every request to `upstream`; for the first `POST /v1/feedback` it waits for the platform's answer and
 * then destroys the client's connection without passing it on: the event was accepted, the client saw a dropped
 * connection. `feedbackForwarded` counts the feedback requests the platform received.
 */
export async function droppingProxy(upstream: string): Promise<Running & { feedbackForwarded: () => number }> {
    const target = new URL(upstream);
    let feedbackForwarded = 0;
    const server = createHttpServer(async (incoming, outgoing) => {
        const body = await readAll(incoming);
        const headers = { ...incoming.headers, host: target.host };
        const answer = await new Promise<IncomingMessage>((resolve, reject) => {
            const forwarded = request({ hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers }, resolve);
            forwarded.on("error", reject);
            forwarded.end(body);
        });
        const payload = await readAll(answer);
        if (incoming.method === "POST" && incoming.url === "/v1/feedback" && ++feedbackForwarded === 1) {
            incoming.socket.destroy();
            return;
        }
        const { "transfer-encoding": _chunked, ...answerHeaders } = answer.headers;
        outgoing.writeHead(answer.statusCode ?? 502, { ...answerHeaders, "content-length": payload.length });
        outgoing.end(payload);
    });
    const url = await listen(server);
    return { url, close: () => closeServer(server), feedbackForwarded: () => feedbackForwarded };
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
}

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<string> {
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function closeServer(server: Server | ReturnType<typeof createTcpServer>): Promise<void> {
    if ("closeAllConnections" in server) {
        server.closeAllConnections();
    }
    return new Promise((resolve) => server.close(() => resolve()));
}
