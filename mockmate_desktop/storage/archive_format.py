"""The session archive format and the checks an untrusted archive must pass before anything is written.

An archive is a zip holding `manifest.json`, `session.json`, optionally `resume.json`, and the files the
records refer to under `files/<relative path in the data folder>`. The manifest lists every other member
with its size and sha256; a member not listed, a listed member missing, or a digest mismatch rejects the
archive. Each file member also names, in the manifest, the reference the records use for it. Member names
are checked although nothing is ever extracted by name: files are written to paths
the store generates.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import IO, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from .errors import StoreError

FORMAT = "mockmate-session"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SESSION = "session.json"
RESUME = "resume.json"
FILES_PREFIX = "files/"
MAX_MEMBERS = 2_000
MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
_NAME_CHARS = re.compile(r"^[A-Za-z0-9._/-]{1,255}$")
_CHUNK = 1024 * 1024


class ArchiveError(StoreError):
    """The archive cannot be exported or imported; the message says why."""


class SessionExistsError(ArchiveError):
    def __init__(self, session_id: UUID) -> None:
        super().__init__(
            f"Session {session_id} is already in this data folder (imported before?). Delete it first "
            f"(`mockmate sessions delete {session_id}`) or import with replace."
        )
        self.session_id = session_id


class ManifestFile(BaseModel):
    name: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    ref: str | None = Field(default=None, description="for files/: the reference the records use for it")


class Manifest(BaseModel):
    format: Literal["mockmate-session"]
    format_version: int = Field(ge=1)
    app_version: str
    exported_at: datetime
    session_id: UUID
    files: list[ManifestFile]
    missing_files: list[str] = Field(
        default_factory=list, description="files the records refer to that were not on the exporting disk"
    )


def check_member_name(name: str) -> None:
    """Reject names that could escape a folder or mean different things on different systems."""
    pure = PurePosixPath(name)
    if (
        not _NAME_CHARS.match(name)
        or name.startswith("/")
        or name.endswith("/")
        or "//" in name
        or any(part in ("", ".", "..") for part in name.split("/"))
        or pure.is_absolute()
    ):
        raise ArchiveError(f"The archive contains an unsafe file name {name!r}; it was not imported.")


def check_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ArchiveError(f"The archive holds {len(infos)} files; a session archive holds far fewer.")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        check_member_name(info.filename)
        if info.filename in members:
            raise ArchiveError(f"The archive contains {info.filename!r} twice; it was not imported.")
        if info.flag_bits & 0x1:
            raise ArchiveError("The archive is encrypted; MockMate archives never are.")
        kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the zip tool stored no Unix file type
        if info.is_dir() or kind not in (0, stat.S_IFREG):
            raise ArchiveError(
                f"{info.filename!r} in the archive is not a regular file; it was not imported."
            )
        total += info.file_size
        members[info.filename] = info
    if total > MAX_TOTAL_BYTES:
        raise ArchiveError("The archive would unpack to more than 4 GiB; it was not imported.")
    return members


def read_json_member(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as handle:
        data = handle.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        raise ArchiveError(f"{name} in the archive is too large.")
    return data


def copy_verified(source: IO[bytes], target: IO[bytes], expected: ManifestFile) -> None:
    """Copy a member while hashing it; stops as soon as it grows past its declared size."""
    digest = hashlib.sha256()
    size = 0
    limit = min(expected.size, MAX_FILE_BYTES)
    for chunk in _chunks(source):
        size += len(chunk)
        if size > limit:
            raise ArchiveError(f"{expected.name} in the archive is larger than its manifest says.")
        digest.update(chunk)
        target.write(chunk)
    if size != expected.size or digest.hexdigest() != expected.sha256:
        raise ArchiveError(f"{expected.name} in the archive is damaged (its checksum does not match).")


def verify_bytes(name: str, data: bytes, expected: ManifestFile) -> None:
    if len(data) != expected.size or hashlib.sha256(data).hexdigest() != expected.sha256:
        raise ArchiveError(f"{name} in the archive is damaged (its checksum does not match).")


def _chunks(source: IO[bytes]) -> Iterator[bytes]:
    while chunk := source.read(_CHUNK):
        yield chunk


def sha256_file(path: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        for chunk in _chunks(handle):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
