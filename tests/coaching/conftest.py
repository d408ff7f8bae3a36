"""A real store, and a real interview run by the offline engine with typed answers, reported and stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, Difficulty, InterviewType, Language, SessionStatus
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.domain.reports import ReportSet
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.coaching import CoachingService
from mockmate_desktop.storage.sqlite_store import SqliteStore

WEAK = "I am not sure, I would probably just try something and see."
# The same weak answer in the interview's own language.
WEAK_IN = {
    Language.EN: WEAK,
    Language.FR: "Je ne suis pas sûr, j'essaierais sans doute quelque chose pour voir.",
    Language.HI: "मुझे पक्का नहीं पता, शायद मैं कुछ आज़माकर देख लूँगा।",
}


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
    interview_type: InterviewType = InterviewType.TECHNICAL, language: Language = Language.EN,
    follow_up_to: int | None = None,
) -> InterviewSession:  # fmt: skip
    """Five planned questions answered by typing (weakly unless `answers` gives text by index), reported.
    With `follow_up_to`, the engine's follow-up to that question (by index) is asked and answered weakly too."""
    config = InterviewConfig(
        job_title=job_title,
        job_description="We need Python, PostgreSQL, REST APIs and Redis caching.",  # plans follow the JD order
        question_count=5,
        interview_type=interview_type,
        difficulty=Difficulty.INTERMEDIATE,
        language=language,
    )
    session = InterviewSession(config=config, status=SessionStatus.IN_PROGRESS)
    for position, question in enumerate(engine.plan_questions(config, None)):
        question.session_id = session.id
        question.position = position * 10
        session.questions.append(question)
        text = (answers or {}).get(position, WEAK_IN[language])
        answer = Answer(session_id=session.id, question_id=question.id, mode=AnswerMode.TYPED, transcript=text)
        session.answers.append(answer)
        if position == follow_up_to:
            follow_up = engine.decide_follow_up(session, question, answer)
            assert follow_up is not None, "a weak answer gets a follow-up"
            follow_up.position = question.position + 1
            session.questions.append(follow_up)
            session.answers.append(
                Answer(
                    session_id=session.id, question_id=follow_up.id, mode=AnswerMode.TYPED, transcript=WEAK_IN[language]
                )
            )
    session.reports = ReportSet(
        summary=engine.summary_report(session),
        performance=engine.performance_report(session),
        questions=engine.questions_report(session),
    )
    session.status = SessionStatus.COMPLETED
    return session
