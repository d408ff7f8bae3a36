"""A local stand-in for the Firebase Storage REST API (v0), because the real Firebase Storage emulator cannot
start on this machine (firebase-tools wants Java 21 and downloads a rules runtime; see ../shared/STACK.md).

It follows the real API at the protocol level, as the Firebase SDKs use it:
- `POST /v0/b/{bucket}/o?name=N` with `X-Goog-Upload-Protocol: multipart` and a `multipart/related` body
  (JSON metadata part, then the bytes), or a raw body (`uploadType=media`) typed by its Content-Type;
- `GET /v0/b/{bucket}/o/{url-encoded name}` (metadata JSON), `...?alt=media` (bytes), `DELETE` (204);
- `GET /v0/b/{bucket}/o?prefix=P&delimiter=/&maxResults=N&pageToken=T` -> `{prefixes, items, nextPageToken}`;
- `Authorization: Firebase <ID token>`; errors as `{"error": {"code", "message"}}`: 401 for a missing or
  unreadable token, 403 "Permission denied." when the access rule refuses, 404 for a missing object.

It is NOT a storage.rules evaluator: access is decided by `allow(uid, method, name, size, content_type)`,
by default "only your own users/{uid}/ folder". storage.rules itself is checked on a staging project with
`mockmate cloud check` (docs/cloud-security.md). The ID token's signature is not verified, as in the emulators.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

Allow = Callable[[str, str, str, int, str], bool]
RUNNING: dict[str, FirebaseStorageV0] = {}  # by host, so observers in tests can read what was stored


def own_folder_only(uid: str, method: str, name: str, size: int, content_type: str) -> bool:
    return name.startswith(f"users/{uid}/")


@dataclass
class StoredObject:
    data: bytes
    content_type: str
    custom: dict[str, str]
    created: str
    generation: int
    token: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def md5_hash(self) -> str:
        return base64.b64encode(hashlib.md5(self.data).digest()).decode()


def _uid_of(header: str | None) -> str | None:
    if not header or not header.startswith("Firebase "):
        return None
    try:
        payload = header.split(" ", 1)[1].split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return None
    uid = claims.get("user_id") or claims.get("sub")
    return str(uid) if uid else None


class FirebaseStorageV0:
    def __init__(self, bucket: str, allow: Allow = own_folder_only) -> None:
        self.bucket = bucket
        self.allow = allow
        self.objects: dict[str, StoredObject] = {}
        self.requests: list[tuple[str, str]] = []  # (method, path) seen, for protocol assertions
        # ID tokens answered once with 401, as a token that expired in flight is (the Auth emulator can hand
        # back the same token string on a refresh within the same second).
        self.reject_once: set[str] = set()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FirebaseStorageV0:
        self._thread.start()
        RUNNING[self.host] = self
        return self

    def stop(self) -> None:
        RUNNING.pop(self.host, None)
        self._server.shutdown()
        self._server.server_close()

    def metadata(self, name: str, obj: StoredObject) -> dict[str, Any]:
        return {
            "name": name,
            "bucket": self.bucket,
            "generation": str(obj.generation),
            "metageneration": "1",
            "contentType": obj.content_type,
            "timeCreated": obj.created,
            "updated": obj.created,
            "storageClass": "STANDARD",
            "size": str(len(obj.data)),
            "md5Hash": obj.md5_hash,
            "contentEncoding": "identity",
            "contentDisposition": f"inline; filename*=utf-8''{quote(name.rsplit('/', 1)[-1])}",
            "etag": base64.b64encode(hashlib.sha1(obj.data).digest()).decode(),
            "downloadTokens": obj.token,
            "customMetadata": dict(obj.custom),
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                return

            def _reply(self, status: int, body: Any = None, raw: bytes | None = None, ctype: str = "") -> None:
                data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
                self.send_response(status)
                self.send_header("Content-Type", ctype or "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _error(self, status: int, message: str) -> None:
                self._reply(status, {"error": {"code": status, "message": message}})

            def _route(self, method: str) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                server.requests.append((method, parts.path))
                prefix = f"/v0/b/{server.bucket}/o"
                # Read the body before any refusal, so a kept-alive connection stays in step.
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if not parts.path.startswith(prefix):
                    self._error(404, "Not Found.")
                    return
                authorization = self.headers.get("Authorization") or ""
                uid = _uid_of(authorization)
                presented = authorization.split(" ", 1)[-1]
                if uid is None or presented in server.reject_once:
                    server.reject_once.discard(presented)
                    self._error(401, "Invalid HTTP method/URL pair.")  # what v0 says without a usable token
                    return
                rest = parts.path[len(prefix) :]
                with server._lock:
                    if rest in ("", "/"):
                        if method == "POST":
                            self._upload(uid, query, body)
                        elif method == "GET":
                            self._list(uid, query)
                        else:
                            self._error(405, "Method not allowed.")
                    else:
                        self._object(uid, method, unquote(rest.lstrip("/")), query)

            def _upload(self, uid: str, query: dict[str, str], body: bytes) -> None:
                ctype = self.headers.get("Content-Type", "application/octet-stream")
                meta: dict[str, Any] = {}
                if self.headers.get("X-Goog-Upload-Protocol") == "multipart":
                    message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + body)
                    parts = list(message.iter_parts()) if message.is_multipart() else []
                    if len(parts) != 2:
                        self._error(400, "Multipart body does not contain 2 parts.")
                        return
                    meta = json.loads(parts[0].get_payload(decode=True) or b"{}")
                    data = parts[1].get_payload(decode=True) or b""
                    ctype = meta.get("contentType") or parts[1].get_content_type()
                else:
                    data = body
                name = query.get("name") or meta.get("name")
                if not name:
                    self._error(400, "Missing name.")
                    return
                if not server.allow(uid, "write", name, len(data), ctype):
                    self._error(403, "Permission denied.")
                    return
                previous = server.objects.get(name)
                obj = StoredObject(
                    data,
                    ctype,
                    {str(k): str(v) for k, v in (meta.get("customMetadata") or {}).items()},
                    datetime.now(UTC).isoformat().replace("+00:00", "Z"),
                    (previous.generation + 1) if previous else 1,
                )
                server.objects[name] = obj
                self._reply(200, server.metadata(name, obj))

            def _list(self, uid: str, query: dict[str, str]) -> None:
                prefix, delimiter = query.get("prefix", ""), query.get("delimiter", "")
                if not server.allow(uid, "list", prefix, 0, ""):
                    self._error(403, "Permission denied.")
                    return
                items: list[str] = []
                prefixes: set[str] = set()
                for name in sorted(server.objects):
                    if not name.startswith(prefix):
                        continue
                    tail = name[len(prefix) :]
                    if delimiter and delimiter in tail:
                        prefixes.add(prefix + tail.split(delimiter, 1)[0] + delimiter)
                    else:
                        items.append(name)
                start = int(query.get("pageToken") or 0)
                size = int(query.get("maxResults") or 1000)
                page = items[start : start + size]
                reply: dict[str, Any] = {
                    "prefixes": sorted(prefixes) if start == 0 else [],
                    "items": [{"name": n, "bucket": server.bucket} for n in page],
                }
                if start + size < len(items):
                    reply["nextPageToken"] = str(start + size)
                self._reply(200, reply)

            def _object(self, uid: str, method: str, name: str, query: dict[str, str]) -> None:
                op = {"GET": "read", "DELETE": "delete"}.get(method)
                if op is None:
                    self._error(405, "Method not allowed.")
                    return
                if not server.allow(uid, op, name, 0, ""):
                    self._error(403, "Permission denied.")
                    return
                obj = server.objects.get(name)
                if obj is None:
                    self._error(404, "Not Found.")
                elif method == "DELETE":
                    del server.objects[name]
                    self._reply(204, raw=b"")
                elif query.get("alt") == "media":
                    self._reply(200, raw=obj.data, ctype=obj.content_type)
                else:
                    self._reply(200, server.metadata(name, obj))

            def do_GET(self) -> None:
                self._route("GET")

            def do_POST(self) -> None:
                self._route("POST")

            def do_DELETE(self) -> None:
                self._route("DELETE")

        return Handler
