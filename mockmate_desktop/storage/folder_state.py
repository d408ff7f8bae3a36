"""States of a data folder that must not be papered over: a database that vanished while recordings stayed.

SQLite creates a missing database silently, and treats a 0-byte file as an empty one. Doing that over a
folder still holding answer recordings would orphan them without a word: the candidate's sessions would
look gone while their audio sat unreferenced. So the store refuses to open, says what it found, and offers
`mockmate sessions recover`, which moves the recordings and resumes aside (nothing is deleted) and starts
a new database.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..core.files import atomic_write_text, ensure_private_dir
from ..core.paths import AppPaths
from ..domain.records import utc_now
from .db import Database
from .errors import StoreError


@dataclass(frozen=True)
class Orphans:
    recordings: list[Path]
    resumes: list[Path]

    @property
    def sessions(self) -> int:
        return len({p.parent.name for p in self.recordings})

    def __bool__(self) -> bool:
        return bool(self.recordings or self.resumes)


class VanishedDatabaseError(StoreError):
    """The database is missing or empty but recordings are present; nothing was changed."""


def database_vanished(paths: AppPaths) -> bool:
    db = paths.db_path
    wal = db.with_name(db.name + "-wal")
    if not db.exists():
        return True
    return db.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size > 0)


def find_orphans(paths: AppPaths) -> Orphans:
    recordings = (
        sorted(p for p in paths.audio_dir.rglob("*.wav") if p.is_file()) if paths.audio_dir.is_dir() else []
    )
    resumes = (
        sorted(p for p in paths.resumes_dir.iterdir() if p.is_file()) if paths.resumes_dir.is_dir() else []
    )
    return Orphans(recordings, resumes)


def check_database_present(paths: AppPaths) -> None:
    """Raise `VanishedDatabaseError` when opening would silently start over next to existing recordings."""
    if not database_vanished(paths):
        return
    orphans = find_orphans(paths)
    if not orphans:
        return  # a first start, or a folder with nothing to lose
    state = "is missing" if not paths.db_path.exists() else "is empty (0 bytes)"
    raise VanishedDatabaseError(
        f"The database {paths.db_path.name} in {paths.home} {state}, but {len(orphans.recordings)} answer "
        f"recording(s) of {orphans.sessions} session(s) and {len(orphans.resumes)} resume file(s) are still "
        "there; nothing was changed. If you have a copy of the database, put it back; otherwise run "
        "`mockmate sessions recover` to keep the recordings aside and start a new database."
    )


def recover_orphans(paths: AppPaths) -> tuple[Path, Orphans]:
    """Move the orphaned recordings and resumes to `recovered-<time>/` (same layout) and drop the empty DB."""
    orphans = find_orphans(paths)
    if not database_vanished(paths) or not orphans:
        raise StoreError(
            "There is nothing to recover: the database is present, or no recordings are orphaned."
        )
    target = ensure_private_dir(paths.home / f"recovered-{utc_now():%Y%m%d-%H%M%S}")
    for source in (*orphans.recordings, *orphans.resumes):
        destination = target / source.relative_to(paths.home)
        ensure_private_dir(destination.parent)
        os.replace(source, destination)
    listing = "\n".join(str(p.relative_to(paths.home)) for p in (*orphans.recordings, *orphans.resumes))
    atomic_write_text(
        target / "README.txt",
        "MockMate found these files after its database had gone missing. Recordings are 16 kHz WAV files, one\n"
        "per answer, in audio/<session id>/<question id>-<random>.wav; play them with any audio player.\n\n"
        + listing
        + "\n",
    )
    if paths.db_path.exists() and paths.db_path.stat().st_size == 0:
        paths.db_path.unlink()
    return target, orphans


def open_read_only(paths: AppPaths) -> Database:
    """The database of a read-only data folder, for reading: list, show, report and export."""
    from .migrations import LATEST_VERSION, current_version

    if not paths.db_path.is_file():
        raise StoreError(
            f"The data folder {paths.home} is read-only and holds no database yet, so there is nothing to show. "
            "Make it writable, or set MOCKMATE_HOME to another folder."
        )
    db = Database(paths.db_path, read_only=True)
    try:
        version = current_version(db.connection())
    except sqlite3.Error as exc:
        db.close()
        raise StoreError(f"The database {paths.db_path} cannot be read ({exc}).") from exc
    if version != LATEST_VERSION:
        db.close()
        raise StoreError(
            f"The database in the read-only data folder {paths.home} needs an upgrade (schema {version}, this "
            f"app uses {LATEST_VERSION}), which needs write access. Make the folder writable and try again."
        )
    return db
