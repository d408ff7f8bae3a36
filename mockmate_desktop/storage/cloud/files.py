"""Cloud Storage adapter confined to one user's folder. Objects are private: nothing here makes a public
URL, and documents store the object path, never a link."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...core.files import atomic_write_bytes
from .scope import require_in_scope, user_path

UPLOAD_TIMEOUT_S = 120.0


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class UserFiles:
    def __init__(self, bucket: Any, uid: str) -> None:
        self._bucket = bucket
        self.uid = uid
        user_path(uid)

    def object_name(self, *parts: str) -> str:
        return require_in_scope(self.uid, user_path(self.uid, *parts))

    def upload(self, parts: Sequence[str], source: Path, content_type: str) -> tuple[str, bool]:
        """Upload unless the same bytes are already there (sha256 in the object's metadata): idempotent.

        Returns the object name and whether bytes were sent."""
        name = self.object_name(*parts)
        digest = sha256_of(source)
        existing = self._bucket.get_blob(name, timeout=UPLOAD_TIMEOUT_S)
        if existing is not None and (existing.metadata or {}).get("sha256") == digest:
            return name, False
        blob = self._bucket.blob(name)
        blob.metadata = {"sha256": digest}
        blob.upload_from_filename(str(source), content_type=content_type, timeout=UPLOAD_TIMEOUT_S)
        return name, True

    def exists(self, name: str) -> bool:
        return self._bucket.get_blob(require_in_scope(self.uid, name), timeout=UPLOAD_TIMEOUT_S) is not None

    def download(self, name: str, dest: Path, sha256: str | None = None) -> None:
        """Download a private object into the data folder atomically; refuse bytes that fail the checksum."""
        blob = self._bucket.blob(require_in_scope(self.uid, name))
        data = blob.download_as_bytes(timeout=UPLOAD_TIMEOUT_S)
        if sha256 and hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"{name} does not match its recorded checksum; not saved.")
        atomic_write_bytes(dest, data)

    def delete_prefix(self, *parts: str) -> int:
        prefix = self.object_name(*parts) + "/"  # the folder only: a sibling sharing the prefix is kept
        count = 0
        for blob in self._bucket.list_blobs(prefix=prefix, timeout=UPLOAD_TIMEOUT_S):
            require_in_scope(self.uid, blob.name)
            blob.delete(timeout=UPLOAD_TIMEOUT_S)
            count += 1
        return count

    def list_names(self, *parts: str) -> list[str]:
        prefix = self.object_name(*parts) if parts else user_path(self.uid) + "/"
        return [b.name for b in self._bucket.list_blobs(prefix=prefix, timeout=UPLOAD_TIMEOUT_S)]

    def content_type(self, name: str) -> str | None:
        blob = self._bucket.get_blob(require_in_scope(self.uid, name), timeout=UPLOAD_TIMEOUT_S)
        return None if blob is None else blob.content_type

    def delete_object(self, name: str) -> None:
        blob = self._bucket.get_blob(require_in_scope(self.uid, name), timeout=UPLOAD_TIMEOUT_S)
        if blob is not None:
            blob.delete(timeout=UPLOAD_TIMEOUT_S)
