"""Gemini first, offline when Gemini becomes unreachable: the interview never stops for a network problem.

Once the primary engine raises `EngineUnavailableError`, questions and follow-ups stay with the offline engine
for the rest of the interview (no waiting on retries at every step); each report still tries the primary
first. Every switch is written down: the record's own `source`, and a note for `session.engine_notes`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from ..domain.config import InterviewConfig
from ..domain.enums import QuestionKind, Source
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.reports import PerformanceReport, QuestionsReport, SummaryReport
from ..domain.resume import ResumeProfile
from .protocols import EngineUnavailableError, InterviewEngine

T = TypeVar("T")


class FallbackEngine:
    def __init__(self, primary: InterviewEngine, offline: InterviewEngine) -> None:
        self.primary = primary
        self.offline = offline
        self._lock = threading.Lock()
        self._switched_reason: str | None = None
        self._notes: list[str] = []
        # What the engine as a whole is now: the primary until the switch, then the offline engine.
        self.source: Source = primary.source
        self.model_name: str = primary.model_name

    @property
    def switched(self) -> bool:
        with self._lock:
            return self._switched_reason is not None

    @property
    def notes(self) -> list[str]:
        with self._lock:
            return list(self._notes)

    def _note(self, session: InterviewSession | None, text: str) -> None:
        with self._lock:
            self._notes.append(text)
        if session is not None and text not in session.engine_notes:
            session.engine_notes.append(text)

    def _switch(self, session: InterviewSession | None, where: str, exc: EngineUnavailableError) -> None:
        with self._lock:
            first = self._switched_reason is None
            if first:
                self._switched_reason = str(exc)
                self.source, self.model_name = self.offline.source, self.offline.model_name
        if first:
            name = self.primary.source.label
            self._note(
                session, f"{name} unavailable from {where} ({exc}); offline engine used from there on."
            )

    def plan_questions(self, config: InterviewConfig, resume: ResumeProfile | None) -> list[Question]:
        if not self.switched:
            try:
                return self.primary.plan_questions(config, resume)
            except EngineUnavailableError as exc:
                self._switch(None, "question planning", exc)
        return self.offline.plan_questions(config, resume)

    def decide_follow_up(
        self, session: InterviewSession, question: Question, answer: Answer
    ) -> Question | None:
        if question.kind is not QuestionKind.MAIN:
            return None
        if not self.switched:
            try:
                return self.primary.decide_follow_up(session, question, answer)
            except EngineUnavailableError as exc:
                number = sum(
                    1
                    for q in session.questions
                    if q.kind is QuestionKind.MAIN and q.position <= question.position
                )
                self._switch(session, f"the follow-up decision after question {number}", exc)
        return self.offline.decide_follow_up(session, question, answer)

    def _report(
        self, session: InterviewSession, name: str, primary: Callable[[], T], offline: Callable[[], T]
    ) -> T:
        if not self.switched:
            try:
                return primary()
            except EngineUnavailableError as exc:
                self._note(
                    session,
                    f"{name} report: {self.primary.source.label} unavailable ({exc}); offline engine used.",
                )
        return offline()

    def summary_report(self, session: InterviewSession) -> SummaryReport:
        return self._report(
            session,
            "Summary",
            lambda: self.primary.summary_report(session),
            lambda: self.offline.summary_report(session),
        )

    def performance_report(self, session: InterviewSession) -> PerformanceReport:
        return self._report(
            session,
            "Performance",
            lambda: self.primary.performance_report(session),
            lambda: self.offline.performance_report(session),
        )

    def questions_report(self, session: InterviewSession) -> QuestionsReport:
        return self._report(
            session,
            "Questions",
            lambda: self.primary.questions_report(session),
            lambda: self.offline.questions_report(session),
        )
