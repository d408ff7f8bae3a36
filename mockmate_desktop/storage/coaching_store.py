"""Practice attempts, practice plans and the progress query in the local store."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from ..domain.attempts import PracticeAttempt
from ..domain.enums import InterviewType, SessionStatus
from ..domain.practice_plan import PracticePlan
from ..domain.progress import CATEGORY_NAMES, DELIVERY_METRICS, ProgressPoint, competency_means
from . import outbox, rows
from .base import StoreBase
from .db import db_time
from .protocols import StoreError


class CoachingStoreMixin(StoreBase):
    def save_attempt(self, attempt: PracticeAttempt) -> None:
        """Commit one attempt with its outbox row; its question must belong to its session."""
        self._secure_file(attempt.audio_path)
        with self._db.transaction() as conn:
            belongs = conn.execute(
                "SELECT 1 FROM questions WHERE id = ? AND session_id = ?",
                (str(attempt.question_id), str(attempt.session_id)),
            ).fetchone()
            if belongs is None:
                raise StoreError(f"Question {attempt.question_id} is not part of session {attempt.session_id}.")
            write_practice(conn, attempt.session_id, [attempt], None, record=True)

    def list_attempts(self, session_id: UUID, question_id: UUID | None = None) -> list[PracticeAttempt]:
        """Oldest first."""
        sql = "SELECT id, data FROM attempts WHERE session_id = ?"
        args: list[str] = [str(session_id)]
        if question_id is not None:
            sql += " AND question_id = ?"
            args.append(str(question_id))
        cursor = self._db.connection().execute(sql + " ORDER BY created_at, id", args)
        return [rows.parse(PracticeAttempt, r["data"], f"attempt {r['id']}") for r in cursor]

    def save_plan(self, plan: PracticePlan) -> None:
        with self._db.transaction() as conn:
            if not conn.execute("SELECT 1 FROM sessions WHERE id = ?", (str(plan.session_id),)).fetchone():
                raise StoreError(f"No session with id {plan.session_id}.")
            write_practice(conn, plan.session_id, (), plan, record=True)

    def get_plan(self, session_id: UUID) -> PracticePlan | None:
        row = (
            self._db.connection()
            .execute("SELECT data FROM practice_plans WHERE session_id = ?", (str(session_id),))
            .fetchone()
        )
        return None if row is None else rows.parse(PracticePlan, row["data"], f"plan of session {session_id}")

    def practice_of(self, session_id: UUID) -> tuple[list[PracticeAttempt], PracticePlan | None]:
        """What the cloud copy of a session carries besides the session itself."""
        return self.list_attempts(session_id), self.get_plan(session_id)

    def apply_remote_practice(
        self, session_id: UUID, attempts: Sequence[PracticeAttempt], plan: PracticePlan | None
    ) -> bool:
        """Attempts and the plan from the cloud: newer records only, no outbox rows, nothing deleted.
        The session (and each attempt's question) must be here already: it is applied first."""
        with self._db.transaction() as conn:
            return write_practice(conn, session_id, attempts, plan, record=False)

    def progress_points(self, *, include_demo: bool = False) -> list[ProgressPoint]:
        """One point per completed, reported session, oldest first, from two indexed queries.

        JSON is read with `json.loads` and only the figures the page needs are taken: validating every
        report as a model would cost most of the Progress page's time budget at a few hundred sessions.
        """
        return _progress(self._db.connection(), include_demo=include_demo)


_PROGRESS_SQL = """
SELECT s.id, s.created_at, s.job_title, s.is_demo, s.data AS session,
       sm.data AS summary, pf.data AS performance, dl.data AS delivery, qs.data AS questions
FROM sessions s
JOIN reports sm ON sm.session_id = s.id AND sm.kind = 'summary'
LEFT JOIN reports pf ON pf.session_id = s.id AND pf.kind = 'performance'
LEFT JOIN reports dl ON dl.session_id = s.id AND dl.kind = 'delivery'
LEFT JOIN reports qs ON qs.session_id = s.id AND qs.kind = 'questions'
WHERE s.status = ? {demo}
ORDER BY s.created_at, s.id
"""


def _progress(conn: sqlite3.Connection, *, include_demo: bool) -> list[ProgressPoint]:
    sql = _PROGRESS_SQL.format(demo="" if include_demo else "AND s.is_demo = 0")
    found = conn.execute(sql, (SessionStatus.COMPLETED.value,)).fetchall()
    competencies = _competencies(conn, [r["id"] for r in found])
    points: list[ProgressPoint] = []
    for row in found:
        session = json.loads(row["session"])
        summary = json.loads(row["summary"])
        categories: dict[str, float] = {}
        if row["performance"]:
            scores = json.loads(row["performance"]).get("category_scores", {})
            categories = {n: float(scores[n]["score"]) for n in CATEGORY_NAMES if n in scores}
        delivery: dict[str, float] = {}
        if row["delivery"]:
            overall = json.loads(row["delivery"]).get("overall", {})
            delivery = {m: float(overall[m]) for m in DELIVERY_METRICS if overall.get(m) is not None}
        scores_by_question: dict[str, float] = {}
        if row["questions"]:
            for item in json.loads(row["questions"]).get("items", []):
                scores_by_question[item["question_id"]] = float(item["score"])
        per_question = competencies.get(row["id"], {})
        points.append(
            ProgressPoint(
                session_id=UUID(row["id"]),
                when=datetime.fromisoformat(row["created_at"]),
                job_title=row["job_title"],
                interview_type=InterviewType(session["config"]["interview_type"]),
                is_demo=bool(row["is_demo"]),
                overall=int(summary["overall_score"]),
                categories=categories,
                competencies=competency_means(
                    (per_question.get(qid, ""), score) for qid, score in scores_by_question.items()
                ),
                delivery=delivery,
            )
        )
    return points


def _competencies(conn: sqlite3.Connection, session_ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """session id -> question id -> competency, through the questions_by_session index."""
    out: dict[str, dict[str, str]] = {}
    for start in range(0, len(session_ids), 500):  # SQLite's bound-parameter limit
        chunk = session_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for r in conn.execute(f"SELECT session_id, id, data FROM questions WHERE session_id IN ({marks})", chunk):
            out.setdefault(r["session_id"], {})[r["id"]] = json.loads(r["data"]).get("competency", "")
    return out


def write_practice(
    conn: sqlite3.Connection,
    session_id: UUID,
    attempts: Sequence[PracticeAttempt],
    plan: PracticePlan | None,
    *,
    record: bool,
) -> bool:
    """Upsert attempts and a plan of one session where newer than what is stored, inside the caller's
    transaction. `record`: an import writes outbox rows (the records are new here and must sync); applying
    the cloud's copy does not."""
    changed = False
    for attempt in attempts:
        if attempt.session_id != session_id:
            raise StoreError(f"Attempt {attempt.id} belongs to another session.")
        stored = rows.stored_updated_at(conn, "attempts", "id = ?", (str(attempt.id),))
        if not rows.newer(attempt.updated_at, stored):
            continue
        columns: dict[str, object] = {
            "session_id": str(session_id),
            "question_id": str(attempt.question_id),
            "audio_path": attempt.audio_path,
            "created_at": db_time(attempt.created_at),
            "updated_at": db_time(attempt.updated_at),
        }
        if rows.upsert(conn, "attempts", {"id": str(attempt.id)}, columns, attempt.model_dump_json()):
            changed = True
            if record:
                outbox.record(conn, "attempt", attempt.id, session_id)
    if plan is not None:
        if plan.session_id != session_id:
            raise StoreError(f"Practice plan {plan.id} belongs to another session.")
        stored = rows.stored_updated_at(conn, "practice_plans", "session_id = ?", (str(session_id),))
        if rows.newer(plan.updated_at, stored):
            plan_columns: dict[str, object] = {"id": str(plan.id), "updated_at": db_time(plan.updated_at)}
            key: dict[str, object] = {"session_id": str(session_id)}
            if rows.upsert(conn, "practice_plans", key, plan_columns, plan.model_dump_json()):
                changed = True
                if record:
                    outbox.record(conn, "practice_plan", plan.id, session_id)
    return changed
