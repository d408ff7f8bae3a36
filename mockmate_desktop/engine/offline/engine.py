"""The offline interview engine: question bank, rubric scoring and templated reports; no network at all."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from uuid import UUID

from ...domain.config import InterviewConfig
from ...domain.enums import QuestionKind, Source
from ...domain.interview import Answer, InterviewSession, Question
from ...domain.jd_requirements import resume_skills
from ...domain.plan_history import EMPTY_HISTORY, PlanHistory, history_from_sessions
from ...domain.reports import PerformanceReport, QuestionsReport, SummaryReport
from ...domain.resume import ResumeProfile
from ...domain.scoring import RUBRIC_VERSION
from . import performance, report_builder
from .assess import assess, jd_terms, score_turn
from .bank import QuestionBank, load_bank
from .follow_up import Turn as FollowUpTurn
from .follow_up import plan_follow_up
from .planner import plan

log = logging.getLogger(__name__)
SessionsReader = Callable[[], Sequence[InterviewSession]]
ResumeReader = Callable[[UUID], ResumeProfile]


class OfflineEngine:
    source: Source = Source.OFFLINE
    model_name: str = RUBRIC_VERSION

    def __init__(
        self,
        bank: QuestionBank | None = None,
        bank_dir: Path | None = None,
        *,
        past_sessions: SessionsReader | None = None,
        resume_reader: ResumeReader | None = None,
    ) -> None:
        """`past_sessions` lets plans vary and bring weak competencies back; `resume_reader` keeps skills the
        resume shows out of the report's gaps. Both are optional: without them every plan starts afresh."""
        self._bank = bank
        self._bank_dir = bank_dir
        self._lock = threading.Lock()
        self._past_sessions = past_sessions
        self._resume_reader = resume_reader

    @property
    def bank(self) -> QuestionBank:
        # Loaded on first use: building the engine (e.g. as a fallback) costs nothing until it is needed.
        with self._lock:
            if self._bank is None:
                self._bank = load_bank(self._bank_dir)
            return self._bank

    def plan_questions(self, config: InterviewConfig, resume: ResumeProfile | None) -> list[Question]:
        history = self.history(config)
        planned = plan(
            self.bank, config, resume, source=self.source, model_name=self.model_name, history=history
        )
        return [q for q, _ in planned]

    def history(self, config: InterviewConfig) -> PlanHistory:
        if self._past_sessions is None:
            return EMPTY_HISTORY
        try:
            return history_from_sessions(self._past_sessions(), config)
        except Exception:  # past sessions only refine the plan: a damaged store must not stop an interview
            log.exception("past sessions could not be read; planning without them")
            return EMPTY_HISTORY

    def _resume_skills(self, session: InterviewSession) -> list[str]:
        if self._resume_reader is None or session.config.resume_id is None:
            return []
        try:
            return resume_skills(self._resume_reader(session.config.resume_id))
        except Exception:  # a deleted resume: the report then judges from the answers alone
            log.warning("resume %s could not be read for the report", session.config.resume_id)
            return []

    def decide_follow_up(
        self, session: InterviewSession, question: Question, answer: Answer
    ) -> Question | None:
        if question.kind is not QuestionKind.MAIN or answer.skipped:
            return None
        if any(q.parent_id == question.id for q in session.questions):
            return None  # at most one follow-up per main question
        entry, behavioural, score = score_turn(session, self.bank, question, answer, jd_terms(session))
        turn = FollowUpTurn(
            question=question.text,
            transcript=answer.transcript,
            behavioural=behavioural,
            difficulty=session.config.difficulty,
            language=session.config.language,
        )
        found = plan_follow_up(score, turn, entry)
        if found is None:
            return None
        return Question(
            session_id=session.id,
            position=max((q.position for q in session.questions), default=question.position) + 1,
            text=found.text,
            kind=QuestionKind.FOLLOW_UP,
            parent_id=question.id,
            competency=question.competency,
            expected_points=found.expected_points,
            probe=found.probe,
            source=self.source,
            model_name=self.model_name,
        )

    def summary_report(self, session: InterviewSession) -> SummaryReport:
        return report_builder.summary(session, assess(session, self.bank), self.model_name)

    def performance_report(self, session: InterviewSession) -> PerformanceReport:
        turns = assess(session, self.bank)
        return performance.performance(session, turns, self.model_name, self._resume_skills(session))

    def questions_report(self, session: InterviewSession) -> QuestionsReport:
        return report_builder.questions(session, assess(session, self.bank), self.model_name)
