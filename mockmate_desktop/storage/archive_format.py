"""The session archive format and the checks an untrusted archive must pass before anything is written.

An archive is a zip holding `manifest.json`, `session.json`, optionally `resume.json`, and the files the
records refer to under `files/<relative path in the data folder>`. The manifest lists every other member
with its size and sha256; a member not listed, a listed member missing, or a digest mismatch rejects the
archive. Each file member also names, in the manifest, the reference the records use for it. Member names
are checked although nothing is ever extracted by name: files are written to paths
the store generates.

Budgets, all checked on the zip's directory before anything is written, and again while copying (a member
that inflates past its declared size is cut off at that size):
- 1 GB uncompressed in total: a 15-question interview with follow-ups and 5-minute answers records about
  0.3 GB of 16 kHz mono audio; 1 GB leaves room for unusually long sessions.
- 64 MiB per file: the longest answer MockMate records (30 minutes at 16 kHz, 16-bit mono) is 58 MB; a
  resume is at most 10 MB; session.json and resume.json at most 20 MiB.
- 100x compression per file above 1 MiB: exported recordings deflate 1.1-1.4x and JSON about 6x (measured
  on the bundled demo archive); a zip bomb deflates about 1000x.
- Only "stored" and "deflate" members (what `export_session` writes); other methods are refused by name.
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import zipfile
import zlib
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
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 1_000_000_000
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024  # smaller members cannot hurt, whatever their ratio
ALLOWED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
# What zipfile, zlib and the file system raise on a damaged or hostile zip; each becomes an ArchiveError.
ZIP_FAILURES: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    OverflowError,
    RuntimeError,
    MemoryError,
)
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
        if info.compress_type not in ALLOWED_METHODS:
            raise ArchiveError(
                f"{info.filename!r} in the archive uses compression method {info.compress_type}; MockMate "
                "archives use only deflate or none. It was not imported."
            )
        kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the zip tool stored no Unix file type
        if info.is_dir() or kind not in (0, stat.S_IFREG):
            raise ArchiveError(
                f"{info.filename!r} in the archive is not a regular file; it was not imported."
            )
        check_member_budget(info)
        total += info.file_size
        members[info.filename] = info
    check_total_budget(total)
    return members


def check_member_budget(info: zipfile.ZipInfo) -> None:
    """One member's declared size and compression ratio against the budgets above."""
    cap = MAX_JSON_BYTES if info.filename in (MANIFEST, SESSION, RESUME) else MAX_FILE_BYTES
    if info.file_size > cap:
        raise ArchiveError(
            f"{info.filename} in the archive would unpack to {_mb(info.file_size)}; the limit for one file is "
            f"{_mb(cap)}. It was not imported."
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
        raise ArchiveError(
            f"{info.filename} in the archive would expand {ratio:.0f} times (from {_mb(info.compress_size)} to "
            f"{_mb(info.file_size)}); the limit is {MAX_RATIO} times, so it looks like a zip bomb. "
            "It was not imported."
        )


def check_total_budget(total: int) -> None:
    if total > MAX_TOTAL_BYTES:
        raise ArchiveError(
            f"The archive would unpack to {_mb(total)}; the limit for a session archive is "
            f"{_mb(MAX_TOTAL_BYTES)}. It was not imported."
        )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB" if size >= 100_000 else f"{size:,} bytes"


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
    limit = min(expected.size, MAX_FILE_BYTES)  # never more than declared, never more than the budget
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
