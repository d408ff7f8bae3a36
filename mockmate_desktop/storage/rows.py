"""Reading and writing records as rows: pydantic JSON in `data`, plus the columns queries need.

Functions here take an open connection and never commit: the store decides the transaction boundaries.
Upserts use `ON CONFLICT DO UPDATE`, never `INSERT OR REPLACE`, which would delete the row first and
cascade the delete to the session's questions and answers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Literal, TypeVar
from uuid import UUID

from pydantic import BaseModel, ValidationError

from ..domain.interview import Answer, InterviewSession, Question
from ..domain.reports import DeliveryReport, PerformanceReport, QuestionsReport, ReportSet, SummaryReport
from ..domain.resume import ResumeAnalysis, ResumeProfile
from .db import db_time
from .errors import StoreError
from .protocols import AnyReport

ReportKind = Literal["summary", "performance", "questions", "delivery"]
REPORT_TYPES: dict[ReportKind, type[AnyReport]] = {
    "summary": SummaryReport,
    "performance": PerformanceReport,
    "questions": QuestionsReport,
    "delivery": DeliveryReport,
}
_SESSION_CHILDREN = {"questions", "answers", "reports"}
M = TypeVar("M", bound=BaseModel)


def report_kind(report: AnyReport) -> ReportKind:
    for kind, cls in REPORT_TYPES.items():
        if isinstance(report, cls):
            return kind
    raise StoreError(f"internal error: {type(report).__name__} is not a report type")


def parse(cls: type[M], data: str, what: str) -> M:
    try:
        return cls.model_validate_json(data)
    except ValidationError as exc:
        raise StoreError(
            f"The stored {what} is damaged and cannot be read ({exc.error_count()} errors)."
        ) from exc


def stored_updated_at(conn: sqlite3.Connection, table: str, where: str, args: Sequence[object]) -> str | None:
    row = conn.execute(f"SELECT updated_at FROM {table} WHERE {where}", tuple(args)).fetchone()
    return None if row is None else str(row[0])


def newer(remote: datetime, local: str | None) -> bool:
    return local is None or db_time(remote) > local


def session_header(conn: sqlite3.Connection, session_id: UUID) -> InterviewSession | None:
    row = conn.execute("SELECT data FROM sessions WHERE id = ?", (str(session_id),)).fetchone()
    return None if row is None else parse(InterviewSession, row["data"], f"session {session_id}")


def upsert(
    conn: sqlite3.Connection, table: str, key: dict[str, object], columns: dict[str, object], data: str
) -> bool:
    """Insert or update one row; False (and no write) when the stored `data` is already identical.

    Table and column names come from this module's own calls, never from input.
    """
    where = " AND ".join(f"{name} = ?" for name in key)
    old = conn.execute(f"SELECT data FROM {table} WHERE {where}", tuple(key.values())).fetchone()
    if old is not None and old["data"] == data:
        return False
    names = [*key, *columns, "data"]
    updates = ", ".join(f"{name} = excluded.{name}" for name in [*columns, "data"])
    conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}",
        (*key.values(), *columns.values(), data),
    )
    return True


def write_session_header(conn: sqlite3.Connection, session: InterviewSession) -> bool:
    """Upsert the session row (children excluded); False when the stored row is already identical."""
    columns: dict[str, object] = {
        "status": session.status.value,
        "is_demo": int(session.is_demo),
        "job_title": session.config.job_title,
        "owner_uid": session.owner_uid,
        "created_at": db_time(session.created_at),
        "updated_at": db_time(session.updated_at),
    }
    data = session.model_dump_json(exclude=_SESSION_CHILDREN)
    return upsert(conn, "sessions", {"id": str(session.id)}, columns, data)


def write_question(conn: sqlite3.Connection, question: Question) -> bool:
    columns: dict[str, object] = {
        "session_id": str(question.session_id),
        "position": question.position,
        "updated_at": db_time(question.updated_at),
    }
    return upsert(conn, "questions", {"id": str(question.id)}, columns, question.model_dump_json())


def write_answer(conn: sqlite3.Connection, answer: Answer) -> bool:
    columns: dict[str, object] = {
        "session_id": str(answer.session_id),
        "question_id": str(answer.question_id),
        "audio_path": answer.audio_path,
        "updated_at": db_time(answer.updated_at),
    }
    return upsert(conn, "answers", {"id": str(answer.id)}, columns, answer.model_dump_json())


def write_report(conn: sqlite3.Connection, session_id: UUID, report: AnyReport) -> bool:
    key: dict[str, object] = {"session_id": str(session_id), "kind": report_kind(report)}
    columns: dict[str, object] = {
        "id": str(report.id),
        "source": report.source.value,
        "updated_at": db_time(report.updated_at),
    }
    return upsert(conn, "reports", key, columns, report.model_dump_json())


def load_sessions(conn: sqlite3.Connection, session_ids: Iterable[str]) -> list[InterviewSession]:
    """Assemble whole sessions (questions by position, answers, reports) in four queries, in the given order."""
    ids = list(session_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    headers = {
        r["id"]: r["data"] for r in conn.execute(f"SELECT id, data FROM sessions WHERE id IN ({marks})", ids)
    }
    questions: dict[str, list[Question]] = {i: [] for i in ids}
    for r in conn.execute(
        f"SELECT session_id, id, data FROM questions WHERE session_id IN ({marks}) "
        "ORDER BY session_id, position, rowid",
        ids,
    ):
        questions[r["session_id"]].append(parse(Question, r["data"], f"question {r['id']}"))
    answers: dict[str, list[Answer]] = {i: [] for i in ids}
    for r in conn.execute(
        f"SELECT session_id, id, data FROM answers WHERE session_id IN ({marks}) ORDER BY rowid", ids
    ):
        answers[r["session_id"]].append(parse(Answer, r["data"], f"answer {r['id']}"))
    reports: dict[str, dict[str, AnyReport]] = {i: {} for i in ids}
    for r in conn.execute(f"SELECT session_id, kind, data FROM reports WHERE session_id IN ({marks})", ids):
        cls = REPORT_TYPES.get(r["kind"])
        if cls is not None:
            reports[r["session_id"]][r["kind"]] = parse(cls, r["data"], f"{r['kind']} report")
    sessions: list[InterviewSession] = []
    for sid in ids:
        if sid not in headers:
            continue
        header = parse(InterviewSession, headers[sid], f"session {sid}")
        sessions.append(
            header.model_copy(
                update={
                    "questions": questions[sid],
                    "answers": answers[sid],
                    "reports": ReportSet.model_validate(reports[sid]),
                }
            )
        )
    return sessions


def write_resume(conn: sqlite3.Connection, profile: ResumeProfile) -> bool:
    columns: dict[str, object] = {
        "file_sha256": profile.file_sha256,
        "stored_path": profile.stored_path,
        "updated_at": db_time(profile.updated_at),
    }
    return upsert(conn, "resumes", {"id": str(profile.id)}, columns, profile.model_dump_json())


def write_analysis(conn: sqlite3.Connection, analysis: ResumeAnalysis) -> bool:
    columns: dict[str, object] = {
        "resume_id": str(analysis.resume_id) if analysis.resume_id else None,
        "updated_at": db_time(analysis.updated_at),
    }
    return upsert(conn, "resume_analyses", {"id": str(analysis.id)}, columns, analysis.model_dump_json())
