"""Firestore adapter confined to one user's folder: every path comes from `scope.user_path`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .scope import require_in_scope, user_path

OP_TIMEOUT_S = 15.0
MAX_BATCH_WRITES = 400  # Firestore allows 500 per batch; headroom for tombstones written alongside


class UserDocuments:
    """Reads and writes documents under `users/{uid}` only. Writes are whole-document `set`s, so replaying
    the same write is harmless. Library retries are off (`retry=None`): the sync engine owns retrying."""

    def __init__(self, client: Any, uid: str) -> None:
        self._client = client
        self.uid = uid
        user_path(uid)  # validates the uid once, early

    def _doc(self, parts: Sequence[str]) -> Any:
        path = user_path(self.uid, *parts)
        ref = self._client.document(path)
        require_in_scope(self.uid, ref.path)
        return ref

    def _collection(self, parts: Sequence[str]) -> Any:
        path = user_path(self.uid, *parts)
        ref = self._client.collection(path)
        require_in_scope(self.uid, "/".join(ref._path))
        return ref

    def get(self, *parts: str) -> dict[str, Any] | None:
        snap = self._doc(parts).get(retry=None, timeout=OP_TIMEOUT_S)
        return snap.to_dict() if snap.exists else None

    def get_many(self, paths: Sequence[Sequence[str]]) -> dict[str, dict[str, Any] | None]:
        """Documents by their last path segment (the local UUID); None where missing."""
        refs = [self._doc(p) for p in paths]
        found: dict[str, dict[str, Any] | None] = {ref.id: None for ref in refs}
        if refs:
            for snap in self._client.get_all(refs, retry=None, timeout=OP_TIMEOUT_S):
                found[snap.id] = snap.to_dict() if snap.exists else None
        return found

    def list(self, *collection: str) -> list[tuple[str, dict[str, Any]]]:
        docs = self._collection(collection).stream(retry=None, timeout=OP_TIMEOUT_S)
        return [(snap.id, snap.to_dict() or {}) for snap in docs]

    def set_many(self, writes: Sequence[tuple[Sequence[str], dict[str, Any]]]) -> None:
        """Commit whole documents in atomic batches."""
        for start in range(0, len(writes), MAX_BATCH_WRITES):
            batch = self._client.batch()
            for parts, data in writes[start : start + MAX_BATCH_WRITES]:
                batch.set(self._doc(parts), data)
            batch.commit(retry=None, timeout=OP_TIMEOUT_S)

    def set(self, parts: Sequence[str], data: dict[str, Any]) -> None:
        self.set_many([(parts, data)])

    def path_of(self, *parts: str) -> str:
        return str(self._doc(parts).path)
