"""Schema migrations of the local store, applied in order and recorded in `schema_version`.

Each migration is a tuple of statements run in ONE transaction with its version row, so a crash or error
mid-migration leaves the database at the previous version. Never edit a released migration: append one.
Records are stored as pydantic JSON in `data`; the other columns exist only to be queried or joined on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = Migration(
    1,
    "sessions, questions, answers, reports, resumes, analyses, outbox, meta",
    (
        """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            is_demo INTEGER NOT NULL DEFAULT 0,
            job_title TEXT NOT NULL,
            owner_uid TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX sessions_by_status ON sessions (status, updated_at)",
        """CREATE TABLE questions (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (session_id, id)
        )""",
        "CREATE INDEX questions_by_session ON questions (session_id, position)",
        # The composite key makes SQLite refuse an answer to a question of another session.
        """CREATE TABLE answers (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            audio_path TEXT,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL,
            FOREIGN KEY (session_id, question_id) REFERENCES questions (session_id, id) ON DELETE CASCADE
        )""",
        "CREATE INDEX answers_by_session ON answers (session_id, question_id)",
        """CREATE TABLE reports (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            source TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (session_id, kind)
        )""",
        """CREATE TABLE resumes (
            id TEXT PRIMARY KEY,
            file_sha256 TEXT NOT NULL DEFAULT '',
            stored_path TEXT,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX resumes_by_sha256 ON resumes (file_sha256)",
        # No foreign key to resumes: an analysis may arrive from the cloud before its resume does.
        """CREATE TABLE resume_analyses (
            id TEXT PRIMARY KEY,
            resume_id TEXT,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX analyses_by_resume ON resume_analyses (resume_id, updated_at)",
        """CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            session_id TEXT NULL,
            op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL,
            done_at TEXT NULL
        )""",
        "CREATE INDEX outbox_pending ON outbox (done_at, seq)",
    ),
)

_V2 = Migration(
    2,
    "practice attempts and practice plans; sessions by date for progress queries",
    (
        # An attempt belongs to a question of a session, like an answer, but never replaces it.
        """CREATE TABLE attempts (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            audio_path TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL,
            FOREIGN KEY (session_id, question_id) REFERENCES questions (session_id, id) ON DELETE CASCADE
        )""",
        "CREATE INDEX attempts_by_question ON attempts (session_id, question_id, created_at)",
        # One plan per session: rebuilding it replaces the drills, ticks come from attempts.
        """CREATE TABLE practice_plans (
            session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            id TEXT NOT NULL UNIQUE,
            updated_at TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX sessions_by_created ON sessions (status, created_at)",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2)
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database up to the last migration; returns the version reached.

    `conn` must be in autocommit mode (isolation_level=None): each migration manages its own transaction.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    known = max((m.version for m in migrations), default=0)
    version = current_version(conn)
    if version > known:
        raise StoreError(
            f"This data folder was written by a newer MockMate (database schema {version}, this app knows "
            f"{known}); update MockMate to open it."
        )
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-check inside the write lock: another process may have migrated meanwhile.
            if current_version(conn) >= migration.version:
                conn.execute("ROLLBACK")
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) "
                "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                (migration.version, migration.description),
            )
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"Upgrading the database to schema {migration.version} failed ({exc}); "
                    "the data is unchanged."
                ) from exc
            raise
        version = migration.version
    return version
