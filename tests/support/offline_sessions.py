"""A completed interview planned by the offline engine, every question answered with the same text: the
starting point of tests that read what the reports say."""

from __future__ import annotations

from typing import Any

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, SessionStatus
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.engine.offline.engine import OfflineEngine


def answered_session(
    config: dict[str, Any], transcript: str, mode: AnswerMode = AnswerMode.VOICE
) -> tuple[InterviewSession, OfflineEngine]:
    """The session (its reports not made yet) and the engine that planned it, to make them with."""
    settings = InterviewConfig.model_validate({"question_count": 5, **config})
    engine = OfflineEngine()
    session = InterviewSession(config=settings, status=SessionStatus.COMPLETED)
    session.questions = engine.plan_questions(settings, None)
    session.answers = [
        Answer(session_id=session.id, question_id=q.id, transcript=transcript, mode=mode)
        for q in session.questions
    ]
    return session, engine
