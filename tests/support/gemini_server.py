"""A local Gemini-compatible HTTP server for tests and `mockmate bench reports` run from a source checkout (not part of the installed app).

The real google-genai SDK talks to it via `HttpOptions(base_url=server.base_url)`. It speaks the
`generateContent` wire format (v1 and v1beta), records every request for assertions, answers with
plausible schema-valid content (gemini_server_answers) and injects faults on demand:

    with FakeGeminiServer() as server:
        server.push(Fault.RATE_LIMIT, Fault.OK)   # next request 429, the one after it succeeds
        ... settings.gemini_base_url = server.base_url; settings.gemini_api_key = server.api_key
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .gemini_server_answers import answer_for
from .gemini_server_content import Request

_PATH = re.compile(r"^/(?P<version>v1|v1beta)/models/(?P<model>[\w.\-]+)(?::(?P<method>\w+))?$")


class Fault(StrEnum):
    OK = "ok"
    RATE_LIMIT = "429"
    REQUEST_TIMEOUT = "408"
    SERVER_ERROR = "500"
    UNAVAILABLE = "503"
    SLOW = "slow"  # answers correctly after `slow_s`, meant to exceed the client's timeout
    HANG = "hang"  # never answers until the server stops (or `hang_max_s` passes)
    MALFORMED = "malformed"  # HTTP 200 with an HTML body
    SCHEMA_MISS = "schema_miss"  # valid JSON that misses the schema
    FENCED = "fenced"  # the right JSON wrapped in prose and a ```json fence (repairable)
    BLOCKED = "blocked"  # promptFeedback.blockReason, no candidates
    SAFETY_FINISH = "safety_finish"  # a candidate with finishReason SAFETY and no content
    EMPTY = "empty"  # HTTP 200 with an empty candidate list (the SDK's response.text is None)
    BAD_REQUEST = "400"  # 400 INVALID_ARGUMENT about the request itself, not the key
    INVALID_KEY = "invalid_key"  # 400 INVALID_ARGUMENT, reason API_KEY_INVALID
    PERMISSION_DENIED = "permission_denied"  # 403
    MISQUOTE = "misquote"  # correct shape, but evidence quotes that nobody said, and top scores


@dataclass
class RecordedRequest:
    method: str
    path: str
    version: str
    model: str
    api_key: str
    body: dict[str, Any]
    fault: Fault
    system: str = ""
    texts: list[str] = field(default_factory=list)
    inline: list[tuple[str, int]] = field(default_factory=list)  # (mime type, decoded size)
    response_schema: dict[str, Any] | None = None

    @property
    def parsed(self) -> Request:
        return Request.parse(self.system, self.texts)


def _error(
    code: int, status: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"error": {"code": code, "message": message, "status": status}}
    if details:
        body["error"]["details"] = details
    return body


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a client closing its kept-alive connection is normal
        super().handle_error(request, client_address)


class FakeGeminiServer:
    def __init__(
        self,
        *,
        latency_s: float = 0.0,
        api_key: str = "fake-gemini-key-0001",
        slow_s: float = 5.0,
        hang_max_s: float = 60.0,
        retry_delay_s: int = 0,
    ) -> None:
        self.latency_s = latency_s
        self.api_key = api_key
        self.slow_s = slow_s
        self.hang_max_s = hang_max_s
        self.retry_delay_s = retry_delay_s
        self.pdf_text = ""  # what "reading" an attached PDF yields; tests set it
        self.always: Fault | None = None
        self.requests: list[RecordedRequest] = []
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._httpd: _QuietServer | None = None
        self._thread: threading.Thread | None = None
        self.in_flight = 0
        self.max_in_flight = 0

    # --- lifecycle -------------------------------------------------------------------------------
    def start(self) -> FakeGeminiServer:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-gemini", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # releases hanging and slow handlers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._httpd = None

    def __enter__(self) -> FakeGeminiServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    # --- control ---------------------------------------------------------------------------------
    def push(self, *faults: Fault) -> None:
        with self._lock:
            self._faults.extend(faults)

    def next_fault(self) -> Fault:
        with self._lock:
            if self._faults:
                return self._faults.popleft()
        return self.always or Fault.OK

    def generate_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.method == "POST"]

    def record(self, request: RecordedRequest) -> None:
        with self._arrived:
            self.requests.append(request)
            self._arrived.notify_all()

    def wait_for_requests(self, count: int, timeout_s: float = 10.0) -> bool:
        """Blocks until `count` requests have arrived (True) or the timeout passes (False)."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.requests) >= count, timeout=timeout_s)

    def track(self, delta: int) -> None:
        with self._lock:
            self.in_flight += delta
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def wait(self, seconds: float) -> None:
        """Server-side delay that ends early when the server stops."""
        if seconds > 0:
            self._stopping.wait(seconds)

    # --- answers ---------------------------------------------------------------------------------
    def respond(self, rec: RecordedRequest) -> tuple[int, bytes, str]:
        """(HTTP status, body, content type) for one generateContent request."""
        fault = rec.fault
        if rec.api_key != self.api_key or fault == Fault.INVALID_KEY:
            return _json(
                400,
                _error(
                    400,
                    "INVALID_ARGUMENT",
                    "API key not valid. Please pass a valid API key.",
                    [
                        {
                            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                            "reason": "API_KEY_INVALID",
                            "domain": "googleapis.com",
                            "metadata": {"service": "generativelanguage.googleapis.com"},
                        }
                    ],
                ),
            )
        if fault == Fault.BAD_REQUEST:
            return _json(400, _error(400, "INVALID_ARGUMENT", "Request contains an invalid argument."))
        if fault == Fault.EMPTY:
            return _json(200, {"candidates": [], "usageMetadata": {"promptTokenCount": 10}})
        if fault == Fault.PERMISSION_DENIED:
            return _json(403, _error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers."))
        if fault == Fault.RATE_LIMIT:
            return _json(
                429,
                _error(
                    429,
                    "RESOURCE_EXHAUSTED",
                    "Resource has been exhausted (e.g. check quota).",
                    [
                        {
                            "@type": "type.googleapis.com/google.rpc.RetryInfo",
                            "retryDelay": f"{self.retry_delay_s}s",
                        }
                    ],
                ),
            )
        if fault == Fault.REQUEST_TIMEOUT:
            return _json(408, _error(408, "DEADLINE_EXCEEDED", "The request timed out at the server."))
        if fault == Fault.SERVER_ERROR:
            return _json(500, _error(500, "INTERNAL", "An internal error has occurred."))
        if fault == Fault.UNAVAILABLE:
            return _json(503, _error(503, "UNAVAILABLE", "The model is overloaded. Please try again later."))
        if fault == Fault.MALFORMED:
            return 200, b"<html><body>502 Bad Gateway</body></html>", "text/html"
        if fault == Fault.BLOCKED:
            return _json(
                200, {"promptFeedback": {"blockReason": "SAFETY"}, "usageMetadata": {"promptTokenCount": 10}}
            )
        if fault == Fault.SAFETY_FINISH:
            return _json(200, {"candidates": [{"finishReason": "SAFETY", "index": 0}], "usageMetadata": {}})
        if fault == Fault.HANG:
            self._stopping.wait(self.hang_max_s)
        if fault == Fault.SLOW:
            self.wait(self.slow_s)
        request = rec.parsed
        value = answer_for(request, rec.response_schema, self.pdf_text)
        if fault == Fault.SCHEMA_MISS:
            value = {"answer": "I think the candidate did well.", "notes": []}
        if fault == Fault.MISQUOTE:
            value = _misquote(value)
        text = json.dumps(value, ensure_ascii=False)
        if fault == Fault.FENCED:
            text = f"Here is the JSON you asked for:\n```json\n{text}\n```\nLet me know if you need more."
        prompt_chars = len(rec.system) + sum(len(t) for t in rec.texts)
        return _json(
            200,
            {
                "candidates": [
                    {
                        "content": {"parts": [{"text": text}], "role": "model"},
                        "finishReason": "STOP",
                        "index": 0,
                    }
                ],
                "usageMetadata": {
                    "promptTokenCount": prompt_chars // 4,
                    "candidatesTokenCount": len(text) // 4,
                    "totalTokenCount": (prompt_chars + len(text)) // 4,
                },
                "modelVersion": rec.model,
                "responseId": f"fake-{len(self.requests)}",
            },
        )


def _misquote(value: Any) -> Any:
    """Invents evidence and inflates scores, as a careless model might."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "evidence":
                out[key] = (
                    ["I single-handedly saved the company a billion dollars"]
                    if isinstance(item, list)
                    else ("I single-handedly saved the company a billion dollars")
                )
            elif key in ("score",) and isinstance(item, int | float):
                out[key] = 10
            elif key in ("overall_score", "selection_probability"):
                out[key] = 100
            else:
                out[key] = _misquote(item)
        return out
    if isinstance(value, list):
        return [_misquote(v) for v in value]
    return value


def _json(status: int, body: dict[str, Any]) -> tuple[int, bytes, str]:
    return status, json.dumps(body).encode("utf-8"), "application/json; charset=UTF-8"


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGeminiServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # the tests' output stays readable
        return

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): nothing to answer

    def do_GET(self) -> None:
        match = _PATH.match(self.path.split("?")[0])
        if not match or match.group("method"):
            self._send(*_json(404, _error(404, "NOT_FOUND", "Not found")))
            return
        key = self.headers.get("x-goog-api-key", "")
        self.fake.record(
            RecordedRequest("GET", self.path, match["version"], match["model"], key, {}, Fault.OK)
        )
        if key != self.fake.api_key:
            self._send(
                *self.fake.respond(RecordedRequest("GET", self.path, "", "", key, {}, Fault.INVALID_KEY))
            )
            return
        self._send(
            *_json(
                200,
                {
                    "name": f"models/{match['model']}",
                    "displayName": match["model"],
                    "supportedGenerationMethods": ["generateContent"],
                },
            )
        )

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        match = _PATH.match(self.path.split("?")[0])
        if not match or match.group("method") != "generateContent":
            self._send(*_json(404, _error(404, "NOT_FOUND", f"Unknown path {self.path}")))
            return
        try:
            body = json.loads(raw)
        except ValueError:
            self._send(*_json(400, _error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.")))
            return
        rec = RecordedRequest(
            "POST",
            self.path,
            match["version"],
            match["model"],
            self.headers.get("x-goog-api-key", ""),
            body,
            self.fake.next_fault(),
        )
        rec.system = "\n".join(
            p.get("text", "") for p in (body.get("systemInstruction") or {}).get("parts", [])
        )
        for content in body.get("contents", []):
            for part in content.get("parts", []):
                if "text" in part:
                    rec.texts.append(part["text"])
                elif "inlineData" in part:
                    data = part["inlineData"]
                    rec.inline.append(
                        (
                            data.get("mime_type") or data.get("mimeType", ""),
                            len(base64.urlsafe_b64decode(data["data"] + "=" * (-len(data["data"]) % 4))),
                        )
                    )
        rec.response_schema = (body.get("generationConfig") or {}).get("responseSchema")
        self.fake.record(rec)
        self.fake.track(+1)
        try:
            self.fake.wait(self.fake.latency_s)
            self._send(*self.fake.respond(rec))
        finally:
            self.fake.track(-1)


def main() -> None:
    """`python -m tests.support.gemini_server`: serve until Ctrl+C, e.g. to try the GUI offline."""
    import argparse

    parser = argparse.ArgumentParser(description="Local Gemini-compatible server for development.")
    parser.add_argument("--latency-ms", type=int, default=0)
    args = parser.parse_args()
    with FakeGeminiServer(latency_s=args.latency_ms / 1000) as server:
        print(f"MOCKMATE_GEMINI_BASE_URL={server.base_url}")
        print(f"GEMINI_API_KEY={server.api_key}")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
