"""Upgrading a schema-1 data folder (the first release's) to schema 2 keeps every record."""

from __future__ import annotations

import sqlite3

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage import tree
from mockmate_desktop.storage.migrations import MIGRATIONS, current_version, migrate
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.ui_sessions import complete_session

_COUNTED = ("sessions", "questions", "answers", "reports", "outbox")


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in _COUNTED}


def test_v1_database_with_data_upgrades_and_keeps_every_record() -> None:
    paths = AppPaths.from_environment()
    paths.ensure()
    v1 = MIGRATIONS[:1]
    conn = sqlite3.connect(paths.db_path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    assert migrate(conn, v1) == 1
    sessions = [complete_session(job_title=f"Role {i}") for i in range(5)]
    conn.execute("BEGIN")
    for session in sessions:
        tree.write_tree(conn, session, record=True, only_newer=False)
    conn.execute("COMMIT")
    before = _counts(conn)
    before_rows = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in _COUNTED}
    conn.close()

    store = SqliteStore.open(paths)  # migrates to the latest schema
    try:
        assert store.schema_version() == MIGRATIONS[-1].version
        for session in sessions:
            assert store.get_session(session.id) == session
        check = sqlite3.connect(paths.db_path)
        assert current_version(check) == MIGRATIONS[-1].version
        assert _counts(check) == before
        for table, rows in before_rows.items():
            assert [tuple(r) for r in rows] == check.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        check.close()
        assert store.list_attempts(sessions[0].id) == [] and store.get_plan(sessions[0].id) is None
    finally:
        store.close()

