"""The interview engine backed by Gemini (or by recorded Gemini replies, when given a replay client)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING
from uuid import UUID

from ...domain import gemini_schemas as out
from ...domain import prompts
from ...domain.config import InterviewConfig
from ...domain.enums import QuestionKind, Source
from ...domain.interview import Answer, InterviewSession, Question
from ...domain.reports import PerformanceReport, QuestionsReport, SummaryReport
from ...domain.resume import ResumeProfile
from ..cache import RequestCache
from ..protocols import EngineUnavailableError
from . import convert
from .client import GeminiClient, StructuredClient
from .parts import DataPart
from .plan_data import follow_up_context, plan_parts
from .session_data import (
    job_parts,
    per_question_scores,
    profile_digest,
    scoring_parts,
    transcript_parts,
    turns,
)

if TYPE_CHECKING:
    from ...core.settings import Settings


log = logging.getLogger(__name__)


class GeminiEngine:
    def __init__(
        self, client: StructuredClient, *, resume_reader: Callable[[UUID], ResumeProfile] | None = None
    ) -> None:
        """`resume_reader` gives follow-ups the resume digest; without it they see the interview alone."""
        self.client = client
        self.source: Source = client.source
        self.model_name: str = client.model_name
        # The per-question call runs first and once per state of the answers; summary and performance are
        # derived from it. The lock makes concurrent report requests wait for that one call.
        self._scored_lock = threading.Lock()
        self._scored: dict[tuple[object, ...], out.QuestionsOut] = {}
        self._digests: dict[object, str] = {}
        self._resume_reader = resume_reader

    def _resume(self, session: InterviewSession) -> ResumeProfile | None:
        if self._resume_reader is None or session.config.resume_id is None:
            return None
        try:
            return self._resume_reader(session.config.resume_id)
        except Exception:  # a deleted resume: the follow-up is decided from the interview alone
            log.warning("resume %s could not be read for a follow-up", session.config.resume_id)
            return None

    @classmethod
    def from_settings(cls, settings: Settings, *, cache: RequestCache | None = None) -> GeminiEngine:
        """The live engine; `cache` records every exchange for later replay. Raises EngineError without a key."""
        return cls(GeminiClient(settings, cache=cache))

    def close(self) -> None:
        close = getattr(self.client, "close", None)
        if callable(close):
            close()

    @staticmethod
    def _settings(config: InterviewConfig) -> tuple[str, str, str, str]:
        return (
            config.interview_type.value,
            config.difficulty.value,
            config.language.value,
            config.language.display_name,
        )

    def plan_questions(self, config: InterviewConfig, resume: ResumeProfile | None) -> list[Question]:
        kind, difficulty, code, name = self._settings(config)
        wanted = config.question_count
        if resume is not None and config.resume_id is not None:
            self._digests[config.resume_id] = profile_digest(resume)
        system = prompts.plan_system(kind, difficulty, wanted, code, name)
        base = [*job_parts(config, resume), *plan_parts(config, resume)]
        plan = self.client.generate(out.QuestionPlanOut, system=system, parts=base)
        chosen = _unique(plan.questions)
        if len(chosen) < wanted:
            # One top-up request for the missing questions, told which ones exist already.
            missing = wanted - len(chosen)
            extra_system = prompts.plan_system(kind, difficulty, missing, code, name) + (
                "\nThe questions in the data block 'already_planned' exist: write different ones."
            )
            parts = [*base, DataPart("already_planned", "\n".join(q.text for q in chosen))]
            more = self.client.generate(out.QuestionPlanOut, system=extra_system, parts=parts)
            chosen = _unique([*chosen, *more.questions])
        if len(chosen) < wanted:
            raise EngineUnavailableError(
                f"Gemini planned {len(chosen)} usable questions instead of {wanted}; using the offline engine."
            )
        return [
            Question(
                position=index,
                text=item.text.strip(),
                kind=QuestionKind.MAIN,
                competency=item.competency.strip(),
                expected_points=[p.strip() for p in item.expected_points if p.strip()][:6],
                source=self.source,
                model_name=self.model_name,
                requirement=item.requirement.strip()[:120],
                rationale=item.rationale.strip()[:300],
            )
            for index, item in enumerate(chosen[:wanted])
        ]

    def decide_follow_up(
        self, session: InterviewSession, question: Question, answer: Answer
    ) -> Question | None:
        if question.kind != QuestionKind.MAIN or answer.skipped:
            return None
        if any(q.parent_id == question.id for q in session.questions):
            return None  # at most one follow-up per main question
        kind, difficulty, code, name = self._settings(session.config)
        parts = [
            DataPart("job_title", session.config.job_title),
            DataPart("question", question.text),
            DataPart("expected_points", "\n".join(question.expected_points)),
            DataPart("answer", answer.transcript.strip()),
            *follow_up_context(session, question, self._resume(session)),
        ]
        decision = self.client.generate(
            out.FollowUpOut, system=prompts.follow_up_system(kind, difficulty, code, name), parts=parts
        )
        text = decision.follow_up_question.strip()
        if not decision.ask_follow_up or not text:
            return None
        return Question(
            session_id=session.id,
            position=max((q.position for q in session.questions), default=question.position) + 1,
            text=text,
            kind=QuestionKind.FOLLOW_UP,
            parent_id=question.id,
            competency=question.competency,
            source=self.source,
            model_name=self.model_name,
        )

    def _report_system(self, kind: str, session: InterviewSession) -> str:
        itype, difficulty, code, name = self._settings(session.config)
        return prompts.report_system(kind, itype, difficulty, len(turns(session)), code, name)

    def _report_parts(self, session: InterviewSession, *, with_delivery: bool = False) -> list[DataPart]:
        return [
            *job_parts(session.config, None),
            *transcript_parts(session, with_delivery=with_delivery),
        ]

    def _per_question(self, session: InterviewSession) -> out.QuestionsOut:
        key = (session.id, *(t.transcript for t in turns(session)))
        with self._scored_lock:
            if key not in self._scored:
                resume = self._resume(session)
                digest = profile_digest(resume) if resume is not None else ""
                if not digest and session.config.resume_id is not None:
                    digest = self._digests.get(session.config.resume_id, "")
                self._scored[key] = self.client.generate(
                    out.QuestionsOut,
                    system=self._report_system("questions", session),
                    parts=scoring_parts(session, digest),
                )
            return self._scored[key]

    def _derived_parts(self, session: InterviewSession, report: QuestionsReport) -> list[DataPart]:
        pairs = list(zip(turns(session), [item.score for item in report.items], strict=False))
        return [DataPart("per_question_scores", per_question_scores(pairs))]

    def summary_report(self, session: InterviewSession) -> SummaryReport:
        questions = self.questions_report(session)
        raw = self.client.generate(
            out.SummaryOut,
            system=self._report_system("summary", session),
            parts=[*self._report_parts(session), *self._derived_parts(session, questions)],
        )
        return convert.summary(raw, session, self.source, self.model_name, questions)

    def performance_report(self, session: InterviewSession) -> PerformanceReport:
        questions = self.questions_report(session)
        raw = self.client.generate(
            out.PerformanceOut,
            system=self._report_system("performance", session),
            parts=[
                *self._report_parts(session, with_delivery=True),
                *self._derived_parts(session, questions),
            ],
        )
        return convert.performance(raw, session, self.source, self.model_name, questions)

    def questions_report(self, session: InterviewSession) -> QuestionsReport:
        return convert.questions(self._per_question(session), session, self.source, self.model_name)


def _unique(items: list[out.PlannedQuestionOut]) -> list[out.PlannedQuestionOut]:
    seen: set[str] = set()
    kept: list[out.PlannedQuestionOut] = []
    for item in items:
        key = " ".join(item.text.casefold().split())
        if key and key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
