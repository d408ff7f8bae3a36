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
from .protocols import AnyReport, StoreError

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


def write_session_header(conn: sqlite3.Connection, session: InterviewSession) -> bool:
    """Upsert the session row (children excluded); False when the stored row is already identical."""
    data = session.model_dump_json(exclude=_SESSION_CHILDREN)
    old = conn.execute("SELECT data FROM sessions WHERE id = ?", (str(session.id),)).fetchone()
    if old is not None and old["data"] == data:
        return False
    conn.execute(
        "INSERT INTO sessions (id, status, is_demo, job_title, owner_uid, created_at, updated_at, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
        "is_demo = excluded.is_demo, job_title = excluded.job_title, owner_uid = excluded.owner_uid, "
        "created_at = excluded.created_at, updated_at = excluded.updated_at, data = excluded.data",
        (
            str(session.id),
            session.status.value,
            int(session.is_demo),
            session.config.job_title,
            session.owner_uid,
            db_time(session.created_at),
            db_time(session.updated_at),
            data,
        ),
    )
    return True


def write_question(conn: sqlite3.Connection, question: Question) -> bool:
    data = question.model_dump_json()
    old = conn.execute("SELECT data FROM questions WHERE id = ?", (str(question.id),)).fetchone()
    if old is not None and old["data"] == data:
        return False
    conn.execute(
        "INSERT INTO questions (id, session_id, position, updated_at, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET session_id = excluded.session_id, position = excluded.position, "
        "updated_at = excluded.updated_at, data = excluded.data",
        (str(question.id), str(question.session_id), question.position, db_time(question.updated_at), data),
    )
    return True


def write_answer(conn: sqlite3.Connection, answer: Answer) -> bool:
    data = answer.model_dump_json()
    old = conn.execute("SELECT data FROM answers WHERE id = ?", (str(answer.id),)).fetchone()
    if old is not None and old["data"] == data:
        return False
    conn.execute(
        "INSERT INTO answers (id, session_id, question_id, audio_path, updated_at, data) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET session_id = excluded.session_id, "
        "question_id = excluded.question_id, audio_path = excluded.audio_path, "
        "updated_at = excluded.updated_at, data = excluded.data",
        (
            str(answer.id),
            str(answer.session_id),
            str(answer.question_id),
            answer.audio_path,
            db_time(answer.updated_at),
            data,
        ),
    )
    return True


def write_report(conn: sqlite3.Connection, session_id: UUID, report: AnyReport) -> bool:
    data = report.model_dump_json()
    kind = report_kind(report)
    old = conn.execute(
        "SELECT data FROM reports WHERE session_id = ? AND kind = ?", (str(session_id), kind)
    ).fetchone()
    if old is not None and old["data"] == data:
        return False
    conn.execute(
        "INSERT INTO reports (session_id, kind, id, source, updated_at, data) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (session_id, kind) DO UPDATE SET id = excluded.id, source = excluded.source, "
        "updated_at = excluded.updated_at, data = excluded.data",
        (str(session_id), kind, str(report.id), report.source.value, db_time(report.updated_at), data),
    )
    return True


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
    data = profile.model_dump_json()
    old = conn.execute("SELECT data FROM resumes WHERE id = ?", (str(profile.id),)).fetchone()
    if old is not None and old["data"] == data:
        return False
    conn.execute(
        "INSERT INTO resumes (id, file_sha256, stored_path, updated_at, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET file_sha256 = excluded.file_sha256, "
        "stored_path = excluded.stored_path, updated_at = excluded.updated_at, data = excluded.data",
        (str(profile.id), profile.file_sha256, profile.stored_path, db_time(profile.updated_at), data),
    )
    return True


def write_analysis(conn: sqlite3.Connection, analysis: ResumeAnalysis) -> bool:
    data = analysis.model_dump_json()
    old = conn.execute("SELECT data FROM resume_analyses WHERE id = ?", (str(analysis.id),)).fetchone()
    if old is not None and old["data"] == data:
        return False
    conn.execute(
        "INSERT INTO resume_analyses (id, resume_id, updated_at, data) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET resume_id = excluded.resume_id, updated_at = excluded.updated_at, "
        "data = excluded.data",
        (
            str(analysis.id),
            str(analysis.resume_id) if analysis.resume_id else None,
            db_time(analysis.updated_at),
            data,
        ),
    )
    return True
