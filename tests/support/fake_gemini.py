"""Test helpers around the local Gemini-compatible server (the server itself: tests/support/gemini_server.py)."""

from __future__ import annotations

from mockmate_desktop.core.settings import Settings
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import QuestionKind, SessionStatus
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.engine.gemini.client import GeminiClient
from tests.support.gemini_server import FakeGeminiServer, Fault, RecordedRequest
from tests.support.gemini_server_content import BLOCK, Request

__all__ = [
    "BLOCK",
    "FakeGeminiServer",
    "Fault",
    "RecordedRequest",
    "Request",
    "client_for",
    "session_with_answers",
    "settings_for",
]


def settings_for(server: FakeGeminiServer, *, timeout_s: float = 5.0, key: str | None = None) -> Settings:
    return Settings(
        gemini_api_key=key if key is not None else server.api_key,
        gemini_base_url=server.base_url,
        gemini_timeout_s=timeout_s,
    )


def client_for(server: FakeGeminiServer, *, timeout_s: float = 5.0, **kwargs: object) -> GeminiClient:
    """A real SDK client aimed at the fake server, with short back-off so fault tests stay fast."""
    options: dict[str, object] = {"backoff_initial_s": 0.05, "backoff_max_s": 0.2}
    options.update(kwargs)
    return GeminiClient(settings_for(server, timeout_s=timeout_s), **options)  # type: ignore[arg-type]


def session_with_answers(
    config: InterviewConfig, questions: list[Question], answers: list[str]
) -> InterviewSession:
    """A finished session whose i-th question got the i-th transcript ('' = silence)."""
    session = InterviewSession(config=config, status=SessionStatus.COMPLETED)
    for position, (question, text) in enumerate(zip(questions, answers, strict=True)):
        question.position = position
        question.session_id = session.id
        session.questions.append(question)
        session.answers.append(Answer(session_id=session.id, question_id=question.id, transcript=text))
    return session


def main_questions(session: InterviewSession) -> list[Question]:
    return [q for q in session.questions if q.kind == QuestionKind.MAIN]


def outside_blocks(request: RecordedRequest) -> str:
    """Everything in the request that is NOT inside a data block (system prompt included)."""
    return request.parsed.outside
