"""The shipped demo session: a complete interview made by the project's own pipeline, labelled as a demo.

It travels as a session archive (`assets/demo/demo-session.zip`, see storage/archive.py) and is installed
into the local store once; installing again is a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.assets import AssetsMissingError, assets_dir
from ..domain.interview import InterviewSession
from ..storage.sqlite_store import SqliteStore

DEMO_ARCHIVE = "demo-session.zip"


class DemoUnavailableError(Exception):
    """The demo archive is missing or damaged; the message says what to do."""


@dataclass(frozen=True)
class DemoInstall:
    session: InterviewSession
    installed_now: bool


def demo_archive_path() -> Path:
    try:
        path = assets_dir() / "demo" / DEMO_ARCHIVE
    except AssetsMissingError as exc:
        raise DemoUnavailableError(str(exc)) from exc
    if not path.is_file():
        raise DemoUnavailableError(f"The demo session {path} is missing; reinstall MockMate.")
    return path


def demo_session_id(archive: Path) -> str:
    import json
    import zipfile

    from ..storage.archive_format import SESSION

    try:
        with zipfile.ZipFile(archive) as zf:
            return str(json.loads(zf.read(SESSION))["id"])
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DemoUnavailableError(
            f"The demo session {archive} is damaged ({exc}); reinstall MockMate."
        ) from exc


def install_demo(store: SqliteStore, archive: Path | None = None) -> DemoInstall:
    """The demo session in the store, imported from the archive if it is not there yet."""
    from uuid import UUID

    from ..storage.archive import ArchiveError, import_session

    path = archive or demo_archive_path()
    session_id = UUID(demo_session_id(path))
    if store.has_session(session_id):
        return DemoInstall(store.get_session(session_id), installed_now=False)
    try:
        session = import_session(store, path)
    except ArchiveError as exc:
        raise DemoUnavailableError(f"The demo session could not be installed: {exc}") from exc
    if not session.is_demo:
        # The archive is ours; a demo must never pass for a real interview, whatever the file says.
        session.is_demo = True
        store.save_session(session)
    return DemoInstall(session, installed_now=True)
