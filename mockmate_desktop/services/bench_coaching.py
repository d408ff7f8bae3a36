"""`mockmate bench coaching`: migration time, progress query time and re-scoring time, on a throw-away folder.

A history of N finished interviews is made with the offline engine (typed answers of mixed quality, dates a
day apart) and written at schema 1, as the first release left it; opening the store then migrates it.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..core.paths import AppPaths
from ..domain.config import InterviewConfig
from ..domain.enums import AnswerMode, InterviewType, SessionStatus
from ..domain.interview import Answer, InterviewSession
from ..domain.reports import ReportSet
from ..engine.offline.engine import OfflineEngine
from ..storage import tree
from ..storage.migrations import MIGRATIONS, migrate
from ..storage.sqlite_store import SqliteStore
from .coaching import CoachingService, NewAttempt

_ANSWERS = (
    "I am not sure, I would probably try something and see what happens.",
    "I would measure first, find the bottleneck, and fix the slowest query with an index.",
    "At my last job I profiled the service, found an N plus one query, added an index and a Redis cache, "
    "and cut p95 from 8 seconds to 400 milliseconds for two million requests a day.",
)


@dataclass(frozen=True)
class CoachingFigures:
    sessions: int
    seed_s: float
    migration_s: float
    progress_query_ms: float
    rescore_ms_median: float
    rescore_ms_max: float


def history(engine: OfflineEngine, count: int) -> list[InterviewSession]:
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    sessions: list[InterviewSession] = []
    for index in range(count):
        kind = (InterviewType.TECHNICAL, InterviewType.BEHAVIOURAL)[index % 2]
        config = InterviewConfig(
            job_title=("Backend Engineer", "Data Analyst")[index % 2], interview_type=kind, question_count=5
        )
        session = InterviewSession(config=config, status=SessionStatus.COMPLETED)
        session.created_at = start + timedelta(days=index)
        for position, question in enumerate(engine.plan_questions(config, None)):
            question.session_id, question.position = session.id, position * 10
            session.questions.append(question)
            text = _ANSWERS[(index + position) % len(_ANSWERS)]
            session.answers.append(
                Answer(session_id=session.id, question_id=question.id, mode=AnswerMode.TYPED, transcript=text)
            )
        session.reports = ReportSet(
            summary=engine.summary_report(session),
            performance=engine.performance_report(session),
            questions=engine.questions_report(session),
        )
        sessions.append(session)
    return sessions


def run_bench(count: int = 200, rescores: int = 20) -> CoachingFigures:
    engine = OfflineEngine()
    with tempfile.TemporaryDirectory(prefix="mockmate-bench-") as folder:
        paths = AppPaths(home=Path(folder) / "home", model_cache=Path(folder) / "models").ensure()
        started = time.perf_counter()
        sessions = history(engine, count)
        conn = sqlite3.connect(paths.db_path, isolation_level=None)
        conn.row_factory = sqlite3.Row
        migrate(conn, MIGRATIONS[:1])
        conn.execute("BEGIN")
        for session in sessions:
            tree.write_tree(conn, session, record=True, only_newer=False)
        conn.execute("COMMIT")
        conn.close()
        seed_s = time.perf_counter() - started

        started = time.perf_counter()
        store = SqliteStore.open(paths)
        migration_s = time.perf_counter() - started
        try:
            service = CoachingService(store, engine.bank)
            started = time.perf_counter()
            points = service.progress()
            query_ms = (time.perf_counter() - started) * 1000
            assert len(points) == count, (len(points), count)
            timings: list[float] = []
            for index in range(rescores):
                session = sessions[index % count]
                question = session.questions[index % len(session.questions)]
                new = NewAttempt(mode=AnswerMode.TYPED, transcript=_ANSWERS[2])
                timings.append(service.practise(session.id, question.id, new).seconds * 1000)
        finally:
            store.close()
    return CoachingFigures(
        sessions=count,
        seed_s=round(seed_s, 2),
        migration_s=round(migration_s, 3),
        progress_query_ms=round(query_ms, 1),
        rescore_ms_median=round(statistics.median(timings), 1),
        rescore_ms_max=round(max(timings), 1),
    )
