"""The outbox: one row per local change, written in the same transaction as the change itself.

The cloud sync reads pending rows in `seq` order, pushes the CURRENT state of each entity (rows only say
what changed, not the data), then marks them done or failed. An upsert whose entity no longer exists was
superseded by a later delete and can be skipped. Deleting a session records a single `session` delete; the
sync removes everything under it. Data applied from the cloud (`apply_remote_*`) writes no outbox rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from uuid import UUID

from ..domain.records import utc_now
from .db import db_time

Entity = Literal[
    "session", "question", "answer", "report", "resume", "resume_analysis", "attempt", "practice_plan"
]
Op = Literal["upsert", "delete"]
ENTITIES: tuple[Entity, ...] = (
    "session", "question", "answer", "report", "resume", "resume_analysis", "attempt", "practice_plan"
)


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    entity: Entity
    entity_id: str
    session_id: str | None
    op: Op
    created_at: datetime
    attempts: int
    last_error: str | None


def record(
    conn: sqlite3.Connection, entity: Entity, entity_id: UUID, session_id: UUID | None, op: Op = "upsert"
) -> None:
    """Must be called inside the transaction that makes the change."""
    conn.execute(
        "INSERT INTO outbox (entity, entity_id, session_id, op, created_at) VALUES (?, ?, ?, ?, ?)",
        (entity, str(entity_id), str(session_id) if session_id else None, op, db_time(utc_now())),
    )


def _entry(row: sqlite3.Row) -> OutboxEntry:
    return OutboxEntry(
        seq=int(row["seq"]),
        entity=row["entity"],
        entity_id=row["entity_id"],
        session_id=row["session_id"],
        op=row["op"],
        created_at=datetime.fromisoformat(row["created_at"]),
        attempts=int(row["attempts"]),
        last_error=row["last_error"],
    )


def pending(conn: sqlite3.Connection, limit: int) -> list[OutboxEntry]:
    rows = conn.execute(
        "SELECT seq, entity, entity_id, session_id, op, created_at, attempts, last_error FROM outbox "
        "WHERE done_at IS NULL ORDER BY seq LIMIT ?",
        (max(0, limit),),
    ).fetchall()
    return [_entry(r) for r in rows]


def mark_done(conn: sqlite3.Connection, seqs: Sequence[int]) -> None:
    now = db_time(utc_now())
    conn.executemany(
        "UPDATE outbox SET done_at = ? WHERE seq = ? AND done_at IS NULL", [(now, int(s)) for s in seqs]
    )


def mark_failed(conn: sqlite3.Connection, seq: int, error: str) -> None:
    conn.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ? AND done_at IS NULL",
        (error[:2000], int(seq)),
    )


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """`pending`: not yet done (failed ones included); `failed`: pending rows that failed at least once."""
    row = conn.execute(
        "SELECT COUNT(*) AS pending, COALESCE(SUM(attempts > 0), 0) AS failed FROM outbox WHERE done_at IS NULL"
    ).fetchone()
    return {"pending": int(row["pending"]), "failed": int(row["failed"])}
