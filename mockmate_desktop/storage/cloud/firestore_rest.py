"""Firestore through its REST API with the user's ID token (`Authorization: Bearer`), confined to one user's
folder. Each request reads the current token, so a refresh needs no rebuilt client; a 401 refreshes once
and retries. Library-free on purpose: plain HTTP with explicit timeouts (the measurement that chose this
over gRPC is in docs/cloud-security.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import requests

from .auth import UserToken
from .errors import http_error
from .firestore_values import decode_fields, encode_fields
from .scope import require_in_scope, user_path

OP_TIMEOUT_S = 15.0
MAX_BATCH_WRITES = 400  # Firestore allows 500 writes per commit; headroom for tombstones written alongside
PAGE_SIZE = 300
UNDECODABLE = "__undecodable__"  # key of the stand-in for a document this client could not decode


class RestDocuments:
    """Reads and writes documents under `users/{uid}` only. Writes are whole-document sets (an update
    without a mask replaces the document), so replaying a write is harmless."""

    def __init__(self, root: str, token: UserToken, http: requests.Session | None = None) -> None:
        self._root = root.rstrip("/")
        self._token = token
        self._http = http or requests.Session()
        self.uid = token.uid
        self._database = self._root.split("/v1/", 1)[1]  # projects/P/databases/(default)/documents
        user_path(self.uid)

    def _name(self, parts: Sequence[str]) -> str:
        return f"{self._database}/{require_in_scope(self.uid, user_path(self.uid, *parts))}"

    def _call(self, method: str, url: str, **kwargs: Any) -> Any:
        token = self._token.get()
        for attempt in range(2):
            response = self._http.request(
                method, url, headers={"Authorization": f"Bearer {token}"}, timeout=OP_TIMEOUT_S, **kwargs
            )
            if response.status_code == 401 and attempt == 0:
                token = self._token.refresh(token)  # expired between our check and the server's
                continue
            if response.status_code >= 400:
                raise http_error(response)
            return response.json() if response.content else {}
        raise AssertionError("unreachable")

    def _decode(self, document: dict[str, Any]) -> dict[str, Any]:
        try:
            return decode_fields(document.get("fields") or {})
        except (ValueError, TypeError) as exc:
            return {UNDECODABLE: str(exc)}

    def get(self, *parts: str) -> dict[str, Any] | None:
        return self.get_many([parts])[parts[-1]]

    def get_many(self, paths: Sequence[Sequence[str]]) -> dict[str, dict[str, Any] | None]:
        """Documents by their last path segment (the local UUID); None where missing."""
        names = [self._name(p) for p in paths]
        found: dict[str, dict[str, Any] | None] = {n.rsplit("/", 1)[-1]: None for n in names}
        if not names:
            return found
        url = f"{self._root}:batchGet"
        for item in self._call("POST", url, json={"documents": names}):
            document = item.get("found")
            if document:
                found[str(document["name"]).rsplit("/", 1)[-1]] = self._decode(document)
        return found

    def list(self, *collection: str) -> list[tuple[str, dict[str, Any]]]:
        url = f"{self._root}/{require_in_scope(self.uid, user_path(self.uid, *collection))}"
        found: list[tuple[str, dict[str, Any]]] = []
        params: dict[str, Any] = {"pageSize": PAGE_SIZE}
        while True:
            page = self._call("GET", url, params=params)
            for document in page.get("documents") or []:
                found.append((str(document["name"]).rsplit("/", 1)[-1], self._decode(document)))
            token = page.get("nextPageToken")
            if not token:
                return found
            params["pageToken"] = token

    def set_many(self, writes: Sequence[tuple[Sequence[str], dict[str, Any]]]) -> None:
        """Commit whole documents in atomic batches."""
        for start in range(0, len(writes), MAX_BATCH_WRITES):
            body = {
                "writes": [
                    {"update": {"name": self._name(parts), "fields": encode_fields(data)}}
                    for parts, data in writes[start : start + MAX_BATCH_WRITES]
                ]
            }
            self._call("POST", f"{self._root}:commit", json=body)

    def set(self, parts: Sequence[str], data: dict[str, Any]) -> None:
        self.set_many([(parts, data)])

    def path_of(self, *parts: str) -> str:
        return self._name(parts).split("/documents/", 1)[1]

    def close(self) -> None:
        self._http.close()
