"""The one interview-engine interface used by the GUI and the CLI (Gemini, offline, cached replay)."""

from __future__ import annotations

from typing import Protocol

from ..domain.config import InterviewConfig
from ..domain.enums import Source
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.reports import PerformanceReport, QuestionsReport, SummaryReport
from ..domain.resume import ResumeProfile


class EngineError(Exception):
    """The engine failed in a way the user must act on (invalid key, blocked response); message is for them."""


class EngineUnavailableError(EngineError):
    """The engine cannot be reached now (network, 5xx after retries, timeout): callers fall back to offline."""


class EngineRefusedError(EngineError):
    """The engine declined this one request (a 400, a safety block, an empty reply): another may succeed."""


class CacheMissError(EngineError):
    """Replay was asked for a request that was never recorded."""


class InterviewEngine(Protocol):
    source: Source
    model_name: str

    def plan_questions(self, config: InterviewConfig, resume: ResumeProfile | None) -> list[Question]:
        """Exactly `config.question_count` main questions, fitted to type, difficulty, JD, resume, language."""
        ...

    def decide_follow_up(
        self, session: InterviewSession, question: Question, answer: Answer
    ) -> Question | None:
        """One targeted follow-up for a thin, vague or STAR-incomplete answer; never for a follow-up."""
        ...

    def summary_report(self, session: InterviewSession) -> SummaryReport: ...

    def performance_report(self, session: InterviewSession) -> PerformanceReport: ...

    def questions_report(self, session: InterviewSession) -> QuestionsReport: ...
