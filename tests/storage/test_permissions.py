"""Everything the app writes is readable by the user only: files 0600, folders 0700."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from mockmate_desktop.app import AppContext
from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.archive import export_session
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.storage import full_session, make_analysis


def _modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            path = Path(folder) / name
            found[str(path.relative_to(root))] = stat.S_IMODE(path.stat().st_mode)
    return found


def test_data_folder_is_private_under_a_permissive_umask(paths: AppPaths, tmp_path: Path) -> None:
    previous = os.umask(0o022)  # the usual default: new files 0644, folders 0755
    try:
        ctx = AppContext.create(paths)
        ctx.settings.gemini_model = "gemini-2.5-flash"
        ctx.save_settings()
        store: SqliteStore = ctx.store
        session = full_session(store, with_resume=True)  # WAVs and resume written with plain open()
        store.save_session(session)
        resume = store.get_resume(session.config.resume_id)  # type: ignore[arg-type]
        store.save_resume_analysis(make_analysis(resume))
        export = export_session(store, session.id, tmp_path / "exports" / "session.zip")
        modes = _modes(paths.home)
        store.close()
    finally:
        os.umask(previous)

    assert {"mockmate.sqlite3", "mockmate.sqlite3-wal", "mockmate.sqlite3-shm", "settings.json"} <= set(modes)
    assert any(name.endswith(".wav") for name in modes) and any(name.startswith("resumes/") for name in modes)
    exposed = {}
    for name, mode in modes.items():
        expected = 0o700 if (paths.home / name).is_dir() else 0o600
        if mode != expected:
            exposed[name] = oct(mode)
    assert exposed == {}
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
