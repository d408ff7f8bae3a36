"""The shipped demo session: imported into the store on first use, then opened like any other session."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

if TYPE_CHECKING:
    from ..storage.sqlite_store import SqliteStore

DEMO_ARCHIVE = Path("demo") / "demo-session.zip"


def demo_archive() -> Path:
    from ..core.assets import assets_dir

    path = assets_dir() / DEMO_ARCHIVE
    if not path.is_file():
        from ..core.assets import AssetsMissingError

        raise AssetsMissingError(f"The demo session ({path}) is missing; reinstall MockMate.")
    return path


def ensure_demo_session(store: SqliteStore) -> UUID:
    from ..storage.archive import import_session
    from ..storage.archive_format import MANIFEST

    archive = demo_archive()
    with zipfile.ZipFile(archive) as handle:
        session_id = UUID(json.loads(handle.read(MANIFEST))["session_id"])
    if not store.has_session(session_id):
        session_id = import_session(store, archive).id
    return session_id
