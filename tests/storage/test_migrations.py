"""Schema migrations against real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.errors import StoreError
from mockmate_desktop.storage.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    current_version,
    migrate,
)
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.storage import full_session

TABLES = {
    "meta",
    "sessions",
    "questions",
    "answers",
    "reports",
    "resumes",
    "resume_analyses",
    "outbox",
    "schema_version",
    "attempts",
    "practice_plans",
}


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows} - {"sqlite_sequence"}


def test_empty_database_file_migrates_to_latest(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    conn = _connect(path)
    assert current_version(conn) == 0
    assert migrate(conn) == LATEST_VERSION
    assert _tables(conn) == TABLES
    versions = conn.execute("SELECT version, description FROM schema_version ORDER BY version").fetchall()
    assert [v for v, _ in versions] == [m.version for m in MIGRATIONS]
    assert migrate(conn) == LATEST_VERSION  # a second run changes nothing
    assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    conn.close()


def test_store_creates_and_migrates_a_fresh_data_folder(paths: AppPaths) -> None:
    assert not paths.db_path.exists()
    store = SqliteStore.open(paths)
    try:
        assert store.schema_version() == LATEST_VERSION
        conn = _connect(paths.db_path)
        assert _tables(conn) == TABLES
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.close()
    finally:
        store.close()


def test_store_pragmas_are_on_for_every_connection(paths: AppPaths) -> None:
    store = SqliteStore.open(paths)
    try:
        conn = store._db.connection()
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        store.close()


def test_a_later_migration_keeps_existing_data(tmp_path: Path, paths: AppPaths) -> None:
    store = SqliteStore.open(paths)
    session = full_session(store)
    store.save_session(session)
    store.close()
    later = Migration(
        LATEST_VERSION + 1, "add a tag column", ("ALTER TABLE sessions ADD COLUMN tag TEXT NOT NULL DEFAULT ''",)
    )
    conn = _connect(paths.db_path)
    assert migrate(conn, (*MIGRATIONS, later)) == LATEST_VERSION + 1
    assert conn.execute("SELECT tag FROM sessions").fetchall() == [("",)]
    conn.close()
    # this build does not know the later schema: it must refuse the newer database rather than damage it
    with pytest.raises(StoreError, match="newer MockMate"):
        SqliteStore.open(paths)


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = _connect(path)
    migrate(conn)
    broken = Migration(
        LATEST_VERSION + 1, "half-done", ("CREATE TABLE extra (a TEXT)", "INSERT INTO missing_table VALUES (1)")
    )
    with pytest.raises(StoreError, match=f"schema {LATEST_VERSION + 1} failed"):
        migrate(conn, (*MIGRATIONS, broken))
    assert current_version(conn) == LATEST_VERSION
    assert "extra" not in _tables(conn)
    conn.close()
