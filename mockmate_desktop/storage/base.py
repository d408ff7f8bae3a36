"""What every part of the store shares: the database handle and the data folder's file references.

Records never hold absolute paths: `audio_path` and `stored_path` are relative to the data folder, so a
session exported from one machine and imported on another keeps the same references.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path, PurePosixPath
from uuid import UUID, uuid4

from ..core.files import ensure_private_dir, make_private
from ..core.paths import AppPaths
from .db import Database
from .errors import StoreError

log = logging.getLogger(__name__)
_SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")


class StoreBase:
    def __init__(self, paths: AppPaths, db: Database) -> None:
        self.paths = paths
        self._db = db

    @property
    def home(self) -> Path:
        return self.paths.home

    def new_audio_path(self, session_id: UUID, question_id: UUID) -> Path:
        """A fresh path for one answer recording: `<home>/audio/<session>/<question>-<uuid>.wav`.

        Only the (private) folder is created: no file exists until the recorder writes one, so a typed or
        skipped answer leaves nothing behind. The recorder should create it 0600; `save_answer` makes it
        0600 and durable in any case before the answer commits.
        """
        folder = ensure_private_dir(self.paths.audio_dir / str(session_id))
        return folder / f"{question_id}-{uuid4().hex}.wav"

    def resolve(self, relative: str) -> Path:
        """The absolute path of a file reference stored in a record (always relative to the data folder)."""
        pure = PurePosixPath(relative)
        if not relative or pure.is_absolute() or ".." in pure.parts or "\\" in relative or ":" in relative:
            raise StoreError(f"{relative!r} is not a file reference inside the data folder.")
        return self.home.joinpath(*pure.parts)

    def relative_path(self, path: Path) -> str:
        """What to store in `audio_path` / `stored_path` for a file inside the data folder."""
        try:
            return path.resolve().relative_to(self.home).as_posix()
        except ValueError as exc:
            raise StoreError(f"{path} is not inside the data folder {self.home}.") from exc

    def _secure_file(self, relative: str | None) -> None:
        """Make a referenced file private and durable before the row that points at it commits."""
        if not relative:
            return
        path = self.resolve(relative)
        if not path.is_file():
            log.warning("a record refers to %s, which does not exist", relative)
            return
        make_private(path)
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def new_resume_path(self, original_name: str) -> Path:
        """A generated path for an uploaded resume file; the original name is kept for display only."""
        suffix = PurePosixPath(original_name.replace("\\", "/")).suffix.lower()
        folder = ensure_private_dir(self.paths.resumes_dir)
        return folder / f"{uuid4().hex}{suffix if _SAFE_SUFFIX.match(suffix) else '.bin'}"
