"""Writing a whole session (header, questions, answers, reports) in the caller's transaction."""

from __future__ import annotations

import sqlite3
from typing import TypeVar
from uuid import UUID

from ..domain.interview import Answer, InterviewSession, Question
from . import outbox, rows
from .errors import StoreError

QA = TypeVar("QA", Question, Answer)


def write_tree(
    conn: sqlite3.Connection, session: InterviewSession, *, record: bool, only_newer: bool
) -> bool:
    """Upsert a session and all it carries; `only_newer` applies last-writer-wins per record."""
    sid = session.id
    changed = False
    header = session.model_copy()
    stored = rows.stored_updated_at(conn, "sessions", "id = ?", [str(sid)])
    if only_newer:
        write_header = rows.newer(session.updated_at, stored)
    else:
        write_header = True
        stored_header = rows.session_header(conn, sid) if stored else None
        if stored_header and stored_header.updated_at > header.updated_at:
            header.updated_at = stored_header.updated_at  # children written meanwhile moved it forward
    if write_header and rows.write_session_header(conn, header):
        changed = True
        if record:
            outbox.record(conn, "session", sid, sid)
    for question in session.questions:
        q = owned(question, sid)
        if _wanted(conn, "questions", q, only_newer) and rows.write_question(conn, q):
            changed = True
            if record:
                outbox.record(conn, "question", q.id, sid)
    for answer in session.answers:
        a = owned(answer, sid)
        if _wanted(conn, "answers", a, only_newer) and rows.write_answer(conn, a):
            changed = True
            if record:
                outbox.record(conn, "answer", a.id, sid)
    reports = session.reports
    for report in (reports.summary, reports.performance, reports.questions, reports.delivery):
        if report is None:
            continue
        kind = rows.report_kind(report)
        local = rows.stored_updated_at(conn, "reports", "session_id = ? AND kind = ?", [str(sid), kind])
        if (not only_newer or rows.newer(report.updated_at, local)) and rows.write_report(conn, sid, report):
            changed = True
            if record:
                outbox.record(conn, "report", report.id, sid)
    return changed


def owned(record: QA, session_id: UUID) -> QA:
    if record.session_id not in (None, session_id):
        raise StoreError(f"{type(record).__name__} {record.id} belongs to session {record.session_id}.")
    return record.model_copy(update={"session_id": session_id})


def _wanted(conn: sqlite3.Connection, table: str, record: Question | Answer, only_newer: bool) -> bool:
    if not only_newer:
        return True
    return rows.newer(record.updated_at, rows.stored_updated_at(conn, table, "id = ?", [str(record.id)]))
