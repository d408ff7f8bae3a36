"""Cloud Storage through the Firebase Storage REST API (v0) with the user's ID token
(`Authorization: Firebase <token>`), confined to one user's folder. It is the Storage API that applies the
project's storage.rules to the user; the GCS JSON API (google-cloud-storage) does not accept ID tokens.

Objects are private: nothing here makes a download URL, and documents store the object path, never a link.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

from ...core.files import atomic_write_bytes
from .auth import UserToken
from .errors import http_error
from .scope import require_in_scope, user_path

UPLOAD_TIMEOUT_S = 120.0
LIST_PAGE = 1000


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def multipart_body(metadata: dict[str, Any], content: bytes, content_type: str) -> tuple[bytes, str]:
    """The `multipart/related` upload body the Firebase SDKs send: JSON metadata, then the bytes."""
    boundary = uuid.uuid4().hex
    head = (
        f"--{boundary}\r\nContent-Type: application/json; charset=utf-8\r\n\r\n{json.dumps(metadata)}\r\n"
        f"--{boundary}\r\nContent-Type: {content_type}\r\n\r\n"
    ).encode()
    return head + content + f"\r\n--{boundary}--".encode(), f"multipart/related; boundary={boundary}"


class UserFiles:
    def __init__(self, root: str, token: UserToken, http: requests.Session | None = None) -> None:
        self._root = root.rstrip("/")
        self._token = token
        self._http = http or requests.Session()
        self.uid = token.uid
        user_path(self.uid)

    def _call(self, method: str, url: str, *, ok_missing: bool = False, **kwargs: Any) -> requests.Response | None:
        token = self._token.get()
        for attempt in range(2):
            headers = {"Authorization": f"Firebase {token}", **kwargs.pop("headers", {})}
            response = self._http.request(method, url, headers=headers, timeout=UPLOAD_TIMEOUT_S, **kwargs)
            if response.status_code == 401 and attempt == 0:
                token = self._token.refresh(token)
                continue
            if response.status_code == 404 and ok_missing:
                return None
            if response.status_code >= 400:
                raise http_error(response)
            return response
        raise AssertionError("unreachable")

    def _object_url(self, name: str) -> str:
        return f"{self._root}/{quote(require_in_scope(self.uid, name), safe='')}"

    def object_name(self, *parts: str) -> str:
        return require_in_scope(self.uid, user_path(self.uid, *parts))

    def metadata(self, name: str) -> dict[str, Any] | None:
        response = self._call("GET", self._object_url(name), ok_missing=True)
        return None if response is None else dict(response.json())

    def upload(self, parts: Sequence[str], source: Path, content_type: str) -> tuple[str, bool]:
        """Upload unless the same bytes are already there (sha256 in the object's metadata): idempotent.

        Returns the object name and whether bytes were sent."""
        name = self.object_name(*parts)
        digest = sha256_of(source)
        existing = self.metadata(name)
        if existing is not None and (existing.get("customMetadata") or {}).get("sha256") == digest:
            return name, False
        meta = {"name": name, "contentType": content_type, "customMetadata": {"sha256": digest}}
        body, multipart_type = multipart_body(meta, source.read_bytes(), content_type)
        self._call(
            "POST",
            self._root,
            params={"name": name},
            data=body,
            headers={"X-Goog-Upload-Protocol": "multipart", "Content-Type": multipart_type},
        )
        return name, True

    def exists(self, name: str) -> bool:
        return self.metadata(name) is not None

    def download(self, name: str, dest: Path, sha256: str | None = None) -> None:
        """Download a private object into the data folder atomically; refuse bytes that fail the checksum."""
        response = self._call("GET", self._object_url(name), params={"alt": "media"})
        assert response is not None
        data = response.content
        if sha256 and hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"{name} does not match its recorded checksum; not saved.")
        atomic_write_bytes(dest, data)

    def _list(self, prefix: str) -> list[str]:
        names: list[str] = []
        params: dict[str, Any] = {"prefix": prefix, "delimiter": "/", "maxResults": LIST_PAGE}
        while True:
            response = self._call("GET", self._root, params=params)
            assert response is not None
            page = response.json()
            names += [str(item["name"]) for item in page.get("items") or []]
            # The v0 API lists one level; sub-folders come back as prefixes.
            for sub in page.get("prefixes") or []:
                names += self._list(str(sub).rstrip("/") + "/")
            if not page.get("nextPageToken"):
                return [require_in_scope(self.uid, n) for n in names]
            params["pageToken"] = page["nextPageToken"]

    def delete_prefix(self, *parts: str) -> int:
        prefix = self.object_name(*parts) + "/"  # the folder only: a sibling sharing the prefix is kept
        names = self._list(prefix)
        for name in names:
            self.delete_object(name)
        return len(names)

    def list_names(self, *parts: str) -> list[str]:
        prefix = self.object_name(*parts) + "/" if parts else user_path(self.uid) + "/"
        return self._list(prefix)

    def content_type(self, name: str) -> str | None:
        meta = self.metadata(name)
        return None if meta is None else meta.get("contentType")

    def delete_object(self, name: str) -> None:
        self._call("DELETE", self._object_url(name), ok_missing=True)

    def close(self) -> None:
        self._http.close()
