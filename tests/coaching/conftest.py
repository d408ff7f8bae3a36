"""A real store, and a real interview run by the offline engine with typed answers, reported and stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, Difficulty, InterviewType, SessionStatus
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.domain.reports import ReportSet
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.coaching import CoachingService
from mockmate_desktop.storage.sqlite_store import SqliteStore

WEAK = "I am not sure, I would probably just try something and see."


@pytest.fixture(scope="session")
def engine() -> OfflineEngine:
    return OfflineEngine()


@pytest.fixture
def store() -> Iterator[SqliteStore]:
    opened = SqliteStore.open(AppPaths.from_environment())
    yield opened
    opened.close()


@pytest.fixture
def coaching(store: SqliteStore, engine: OfflineEngine) -> CoachingService:
    return CoachingService(store, engine.bank)


def reported_session(
    engine: OfflineEngine, *, job_title: str = "Backend Engineer", answers: dict[int, str] | None = None,
    interview_type: InterviewType = InterviewType.TECHNICAL,
) -> InterviewSession:  # fmt: skip
    """Five planned questions answered by typing (weakly unless `answers` gives text by index), reported."""
    config = InterviewConfig(
        job_title=job_title,
        job_description="We need Python, PostgreSQL, REST APIs and Redis caching.",  # plans follow the JD order
        question_count=5,
        interview_type=interview_type,
        difficulty=Difficulty.INTERMEDIATE,
    )
    session = InterviewSession(config=config, status=SessionStatus.IN_PROGRESS)
    for position, question in enumerate(engine.plan_questions(config, None)):
        question.session_id = session.id
        question.position = position * 10
        session.questions.append(question)
        text = (answers or {}).get(position, WEAK)
        session.answers.append(
            Answer(session_id=session.id, question_id=question.id, mode=AnswerMode.TYPED, transcript=text)
        )
    session.reports = ReportSet(
        summary=engine.summary_report(session),
        performance=engine.performance_report(session),
        questions=engine.questions_report(session),
    )
    session.status = SessionStatus.COMPLETED
    return session
