"""A whole interview without a window: plan, ask, take each answer, follow up, report. Used by the CLI.

Every step is stored the moment it happens (session, questions, each answer with its recording, each
report), so an interruption (Ctrl-C, a crash, answers running out) loses nothing: the session stays
`in_progress` and `run()` continues it from the store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..domain.config import InterviewConfig
from ..domain.delivery import DeliveryMetrics, WordTiming
from ..domain.enums import AnswerMode, Language, SessionStatus
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.interview_flow import InterviewFlow, Phase
from ..domain.records import utc_now
from ..domain.resume import ResumeProfile
from ..engine.protocols import InterviewEngine
from ..storage.protocols import AnyReport, SessionStore
from .answer_sources import AnswerSource, CapturedAnswer
from .reports import ReportOutcome, generate_reports

log = logging.getLogger(__name__)


class Speaker(Protocol):
    def say(self, text: str, language: Language) -> None: ...


@dataclass
class RunnerEvents:
    """What the runner tells its caller as it goes (the CLI prints these)."""

    on_question: Callable[[int, Question], None] | None = None
    on_answer: Callable[[Question, Answer, str], None] | None = None
    on_note: Callable[[str], None] | None = None
    on_report: Callable[[str, AnyReport], None] | None = None


@dataclass
class RunResult:
    session: InterviewSession
    reports: ReportOutcome | None = None
    skipped: list[Question] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return self.session.status is SessionStatus.COMPLETED


def compute_delivery(words: list[WordTiming], duration_s: float, language: Language) -> DeliveryMetrics:
    """The speech analytics of one answer (fillers, pace, pauses) from its word timings."""
    from ..domain.delivery_metrics import compute_delivery as compute

    return compute(words, duration_s, language.value)


class InterviewRunner:
    def __init__(
        self,
        store: SessionStore,
        engine: InterviewEngine,
        answers: AnswerSource,
        *,
        speaker: Speaker | None = None,
        events: RunnerEvents | None = None,
        delivery: Callable[[list[WordTiming], float, Language], DeliveryMetrics] = compute_delivery,
    ) -> None:
        self.store = store
        self.engine = engine
        self.answers = answers
        self.speaker = speaker
        self.events = events or RunnerEvents()
        self._delivery = delivery

    def create(self, config: InterviewConfig, *, is_demo: bool = False) -> InterviewSession:
        session = InterviewSession(
            config=config, status=SessionStatus.IN_PROGRESS, started_at=utc_now(), is_demo=is_demo
        )
        self.store.save_session(session)
        return session

    def _note(self, session: InterviewSession, text: str) -> None:
        if text not in session.engine_notes:
            session.engine_notes.append(text)
            if self.events.on_note:
                self.events.on_note(text)

    def _sync_engine_notes(self, session: InterviewSession) -> None:
        before = list(session.engine_notes)
        for note in getattr(self.engine, "notes", []):
            self._note(session, note)
        if session.engine_notes != before:
            self.store.save_session(session)

    def run(self, session: InterviewSession, resume: ResumeProfile | None = None) -> RunResult:
        flow = InterviewFlow.resume(session)
        result = RunResult(session=session)
        if flow.phase is Phase.COMPLETED:
            return result
        if flow.phase is Phase.PLANNING:
            try:
                questions = self.engine.plan_questions(session.config, resume)
            except Exception:
                # Nothing was asked yet: the empty session is closed rather than left to look resumable.
                self.store.set_status(session.id, SessionStatus.ABANDONED)
                session.status = SessionStatus.ABANDONED
                raise
            planned = flow.set_plan(questions)
            for question in planned:
                self.store.add_question(session.id, question)
            flow.go(Phase.ASKING)
            self._sync_engine_notes(session)
        while flow.phase is Phase.ASKING:
            upcoming = flow.next_question()
            if upcoming is None:
                flow.go(Phase.DECIDING_FOLLOW_UP)
                flow.after_decision()
                break
            self._ask(flow, upcoming, result)
        return self._finish(flow, result)

    def _ask(self, flow: InterviewFlow, question: Question, result: RunResult) -> None:
        session = flow.session
        number = flow.number_of(question)
        if self.events.on_question:
            self.events.on_question(number, question)
        exhausted = bool(result.skipped)
        captured: CapturedAnswer | None = None
        if not exhausted:
            if self.speaker is not None:
                try:
                    self.speaker.say(question.text, session.config.language)
                except Exception as exc:  # speech output is a convenience; the interview goes on without it
                    log.warning("could not read the question aloud: %s", exc)
                    self._note(session, f"Questions not read aloud: {exc}")
            flow.go(Phase.LISTENING)
            audio_path = self.store.new_audio_path(session.id, question.id)
            captured = self.answers.next_answer(question, audio_path, session.config.language)
        if captured is None:
            answer = Answer(question_id=question.id, skipped=True, mode=session.config.answer_mode)
            if not result.skipped:
                self._note(
                    session,
                    f"No answer left in {self.answers.description} from question {number} on: the remaining "
                    "questions are recorded as skipped.",
                )
            result.skipped.append(question)
        else:
            if captured.mode is AnswerMode.VOICE:
                flow.go(Phase.TRANSCRIBING)
            answer = self._answer_from(question, captured, session.config.language)
        stored = flow.record_answer(answer)
        self.store.save_answer(session.id, stored)
        if self.events.on_answer:
            self.events.on_answer(question, stored, captured.origin if captured else "")
        if captured is not None and flow.may_follow_up(question):
            follow_up = self.engine.decide_follow_up(session, question, stored)
            if follow_up is not None:
                for changed in flow.add_follow_up(follow_up):
                    self.store.add_question(session.id, changed)
        self._sync_engine_notes(session)
        flow.after_decision()

    def _answer_from(self, question: Question, captured: CapturedAnswer, language: Language) -> Answer:
        delivery: DeliveryMetrics | None = None
        if captured.mode is AnswerMode.VOICE:
            try:
                delivery = self._delivery(captured.words, captured.duration_s, language)
            except Exception as exc:  # the answer itself must still be stored
                log.warning("delivery metrics failed: %s", exc)
        relative = None
        if captured.audio_path is not None and captured.audio_path.is_file():
            relative = captured.audio_path.resolve().relative_to(self.store.home.resolve()).as_posix()
        return Answer(
            question_id=question.id,
            mode=captured.mode,
            transcript=captured.text,
            words=captured.words,
            audio_path=relative,
            duration_s=captured.duration_s,
            delivery=delivery,
        )

    def _finish(self, flow: InterviewFlow, result: RunResult) -> RunResult:
        session = flow.session
        if flow.phase is not Phase.REPORTING:
            return result
        missing = [k for k in ("summary", "performance", "questions") if getattr(session.reports, k) is None]
        result.reports = generate_reports(
            self.engine, session, self.store, on_stored=self.events.on_report, kinds=missing
        )
        self._sync_engine_notes(session)
        for kind, reason in result.reports.failed.items():
            self._note(session, f"The {kind} report could not be made: {reason}")
        if not result.reports.failed:
            flow.go(Phase.COMPLETED)
            self.store.save_session(session)
            self.store.set_status(session.id, SessionStatus.COMPLETED)
        else:
            self.store.save_session(session)  # stays in progress: the missing reports can be made later
        return result
