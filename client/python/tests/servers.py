"""Misbehaving servers on 127.0.0.1 for the client's failure tests: one that never answers, and a proxy that
loses the answer to the first feedback after the platform has accepted it."""

from __future__ import annotations

import http.client
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Optional, Tuple
from urllib.parse import urlsplit


class SilentServer:
    """Listens and never accepts: connections complete in the kernel's backlog and then nothing is ever said,
    like a platform that is paused or stuck."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"

    def close(self) -> None:
        self._socket.close()


def closed_port_url() -> str:
    """A loopback URL nothing listens on (a platform that is down): connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class DroppingProxy:
    """Forwards every request to ``upstream``; for the first ``POST /v1/feedback`` it waits for the platform's
    answer and then closes the client's connection without passing it on: the event was accepted, the client
    saw a dropped connection. ``feedback_forwarded`` counts the feedback requests the platform received."""

    def __init__(self, upstream: str) -> None:
        target = urlsplit(upstream)
        self._upstream: Tuple[str, int] = (target.hostname or "127.0.0.1", target.port or 80)
        self._lock = threading.Lock()
        self.feedback_forwarded = 0
        self.dropped = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                proxy._forward(self)

            def do_POST(self) -> None:
                proxy._forward(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _forward(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        body: Optional[bytes] = request.rfile.read(length) if length else None
        headers: Dict[str, str] = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "connection")}
        upstream = http.client.HTTPConnection(*self._upstream, timeout=10)
        try:
            upstream.request(request.command, request.path, body=body, headers=headers)
            answer = upstream.getresponse()
            payload = answer.read()
        finally:
            upstream.close()

        drop = False
        if request.command == "POST" and request.path == "/v1/feedback":
            with self._lock:
                self.feedback_forwarded += 1
                drop = self.dropped == 0
                if drop:
                    self.dropped += 1
        if drop:
            request.close_connection = True
            request.connection.shutdown(socket.SHUT_RDWR)
            return

        request.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                request.send_header(name, value)
        request.send_header("Content-Length", str(len(payload)))
        request.send_header("Connection", "close")
        request.end_headers()
        request.wfile.write(payload)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
