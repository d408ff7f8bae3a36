"""One interview, step by step, for the terminal and the window alike: start → next prompt → submit → finish.

Nothing lives only in memory. `start` stores the session together with its whole plan in one transaction
(a failed or killed plan leaves no session behind); `submit` commits the answer before the follow-up is
decided, marked `follow_up_pending`, so `open` in any later process makes an interrupted decision first and
then carries on with the next unanswered question. The faces (cli/interview.py, ui/interview_controller.py)
only ask for the next prompt, fetch an answer and hand it back: the interview's rules are all here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID

from ..domain.config import InterviewConfig
from ..domain.delivery import DeliveryMetrics, WordTiming
from ..domain.enums import AnswerMode, Language, QuestionKind, SessionStatus
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.interview_flow import InterviewFlow, Phase
from ..domain.records import utc_now
from ..domain.resume import ResumeProfile
from ..engine.protocols import InterviewEngine
from ..storage.protocols import AnyReport, SessionStore
from .recordings import Recovered, RecoverRecording, tidy_recordings
from .reports import REPORT_KINDS, ReportOutcome, generate_reports

log = logging.getLogger(__name__)
DeliveryFn = Callable[[list[WordTiming], float, Language], DeliveryMetrics]
ReportCallback = Callable[[str, AnyReport], None]


def compute_delivery(words: list[WordTiming], duration_s: float, language: Language) -> DeliveryMetrics:
    """The speech analytics of one answer (fillers, pace, pauses) from its word timings."""
    from ..domain.delivery_metrics import compute_delivery as compute

    return compute(words, duration_s, language.value)


@dataclass(frozen=True)
class Prompt:
    """The question to ask now; `number` counts main questions (a follow-up shares its main's number)."""

    question: Question
    number: int
    total: int

    @property
    def follow_up(self) -> bool:
        return self.question.kind is QuestionKind.FOLLOW_UP


@dataclass(frozen=True)
class Response:
    """What the candidate gave: spoken (with its recording inside the data folder), typed, or nothing."""

    mode: AnswerMode
    text: str = ""
    words: Sequence[WordTiming] = ()
    audio_path: Path | None = None
    duration_s: float = 0.0
    input_ref: str = ""
    skipped: bool = False


@dataclass(frozen=True)
class Submitted:
    answer: Answer
    follow_up: Question | None
    notes: list[str] = field(default_factory=list)


@dataclass
class Finished:
    session: InterviewSession
    reports: ReportOutcome
    notes: list[str] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return self.session.status is SessionStatus.COMPLETED


class InterviewOrchestrator:
    """Steps of one stored interview. Not thread-safe: one caller (a CLI loop, or the window's task lane)."""

    def __init__(
        self,
        store: SessionStore,
        engine: InterviewEngine,
        session: InterviewSession,
        *,
        delivery: DeliveryFn = compute_delivery,
        on_report: ReportCallback | None = None,
    ) -> None:
        self.store = store
        self.engine = engine
        self._session = session
        self._delivery = delivery
        self.on_report = on_report
        self._notes_seen = len(getattr(engine, "notes", []))

    # opening --------------------------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        store: SessionStore,
        engine: InterviewEngine,
        config: InterviewConfig,
        resume: ResumeProfile | None = None,
        *,
        is_demo: bool = False,
        delivery: DeliveryFn = compute_delivery,
        on_report: ReportCallback | None = None,
    ) -> InterviewOrchestrator:
        """Plan, then store the session and its plan in one transaction. A failed plan stores nothing."""
        session = InterviewSession(
            config=config, status=SessionStatus.IN_PROGRESS, started_at=utc_now(), is_demo=is_demo
        )
        flow = InterviewFlow(session)
        flow.set_plan(engine.plan_questions(config, resume))
        new = cls(store, engine, session, delivery=delivery, on_report=on_report)
        new._notes_seen = 0
        new._take_engine_notes()
        store.save_session(session)
        return new

    @classmethod
    def open(
        cls,
        store: SessionStore,
        engine: InterviewEngine,
        session_id: UUID,
        *,
        recover: RecoverRecording | None = None,
        delivery: DeliveryFn = compute_delivery,
        on_report: ReportCallback | None = None,
    ) -> tuple[InterviewOrchestrator, list[Recovered]]:
        """Carry on a stored interview: recordings left by a crash are tidied (re-attached when `recover`
        can transcribe them), an interrupted follow-up decision is made, and the session is in progress."""
        session = store.get_session(session_id)
        if not session.questions:
            raise ValueError(f"Session {session_id} has no questions: it cannot be continued.")
        if session.status is SessionStatus.COMPLETED and session.reports.complete:
            raise ValueError(f"Session {session_id} is already complete.")
        tidied = tidy_recordings(store, session, recover)
        if tidied:
            session = store.get_session(session_id)
        if session.status is not SessionStatus.IN_PROGRESS:
            store.set_status(session.id, SessionStatus.IN_PROGRESS)
            session = store.get_session(session_id)
        new = cls(store, engine, session, delivery=delivery, on_report=on_report)
        for answer in list(session.answers):
            if answer.follow_up_pending:
                new._decide_follow_up(answer)
        return new, tidied

    # state ----------------------------------------------------------------------------------------------

    @property
    def session(self) -> InterviewSession:
        return self._session

    @property
    def session_id(self) -> UUID:
        return self._session.id

    def used_inputs(self) -> set[str]:
        """Every input (WAV file name, ...) that already fed an answer: a resumed source skips them."""
        return {a.input_ref for a in self._session.answers if a.input_ref}

    def next_prompt(self) -> Prompt | None:
        """The next unanswered question, or None when every question has an answer (time to finish)."""
        flow = InterviewFlow(self._session, Phase.ASKING)
        question = flow.next_question()
        if question is None:
            return None
        mains = flow.main_questions
        return Prompt(
            question, flow.number_of(question), max(len(mains), self._session.config.question_count)
        )

    def audio_path(self, question: Question) -> Path:
        """Where the recording of this question's answer goes (inside the data folder)."""
        return self.store.new_audio_path(self._session.id, question.id)

    def add_note(self, text: str) -> bool:
        if text in self._session.engine_notes:
            return False
        self._session.engine_notes.append(text)
        self.store.save_session(self._session)
        return True

    # answering ------------------------------------------------------------------------------------------

    def submit(self, question_id: UUID, response: Response) -> Submitted:
        """Store the answer (it is never lost, whatever fails after), then decide and store a follow-up."""
        flow = InterviewFlow(self._session, Phase.ASKING)
        question = next((q for q in self._session.questions if q.id == question_id), None)
        if question is None:
            raise ValueError("That question is not part of this interview.")
        skipped = response.skipped
        answer = Answer(
            question_id=question.id,
            mode=response.mode,
            transcript=response.text.strip(),
            words=list(response.words),
            audio_path=self._relative(response.audio_path),
            duration_s=max(0.0, response.duration_s),
            delivery=None if skipped else self._delivery_of(response),
            skipped=skipped,
            input_ref=response.input_ref,
            follow_up_pending=not skipped and flow.may_follow_up(question),
        )
        stored = flow.record_answer(answer)
        self.store.save_answer(self._session.id, stored)
        follow_up = self._decide_follow_up(stored) if stored.follow_up_pending else None
        final = self._session.answer_for(question.id) or stored
        return Submitted(final, follow_up, self._take_engine_notes())

    def skip(self, question_id: UUID, *, mode: AnswerMode = AnswerMode.TYPED) -> Submitted:
        return self.submit(question_id, Response(mode=mode, skipped=True))

    def _relative(self, path: Path | None) -> str | None:
        if path is None or not path.is_file():
            return None
        return path.resolve().relative_to(self.store.home.resolve()).as_posix()

    def _delivery_of(self, response: Response) -> DeliveryMetrics | None:
        if response.mode is not AnswerMode.VOICE or not response.words:
            return None
        try:
            return self._delivery(list(response.words), response.duration_s, self._session.config.language)
        except Exception as exc:  # the answer itself is stored without its speech analytics
            log.warning("delivery metrics failed: %s", exc)
            self.add_note(
                f"Speech analytics could not be measured for one answer ({exc}); the answer is kept."
            )
            return None

    def _decide_follow_up(self, answer: Answer) -> Question | None:
        """Ask the engine (whose fallback is its own), place the follow-up, then clear the pending mark."""
        question = next(q for q in self._session.questions if q.id == answer.question_id)
        flow = InterviewFlow(self._session, Phase.DECIDING_FOLLOW_UP)
        follow_up: Question | None = None
        if flow.may_follow_up(question):  # False when a killed process had already placed it
            try:
                decided = self.engine.decide_follow_up(self._session, question, answer)
            except Exception as exc:  # the interview goes on without a follow-up
                log.warning("follow-up decision failed: %s", exc)
                self.add_note(f"No follow-up after one answer: the decision failed ({exc}).")
                decided = None
            if decided is not None:
                placed = decided.model_copy(update={"parent_id": question.id, "kind": QuestionKind.FOLLOW_UP})
                for changed in flow.add_follow_up(placed):
                    self.store.add_question(self._session.id, changed)
                follow_up = next(q for q in self._session.questions if q.id == placed.id)
        done = answer.model_copy(update={"follow_up_pending": False})
        self._session.answers = [a for a in self._session.answers if a.id != answer.id] + [done]
        self.store.save_answer(self._session.id, done)
        return follow_up

    # the end --------------------------------------------------------------------------------------------

    def finish(self, *, ended_early: bool = False) -> Finished:
        """Make the reports still missing (each stored on arrival). Complete when all are made; a failed one
        leaves the session in progress so that it can be made later. Ending early keeps it abandoned."""
        missing = [k for k in REPORT_KINDS if getattr(self._session.reports, k) is None]
        outcome = generate_reports(
            self.engine, self._session, self.store, on_stored=self.on_report, kinds=missing
        )
        notes = self._take_engine_notes()
        for kind, reason in outcome.failed.items():
            text = f"The {kind} report could not be made: {reason}"
            if self.add_note(text):
                notes.append(text)
        self.store.save_session(self._session)
        if not outcome.failed:
            status = SessionStatus.ABANDONED if ended_early else SessionStatus.COMPLETED
            self.store.set_status(self._session.id, status)
        self._session = self.store.get_session(self._session.id)
        return Finished(self._session, outcome, notes)

    def _take_engine_notes(self) -> list[str]:
        """What the engine wrote down (a fallback and its reason) since the last step, kept in the session."""
        notes = list(getattr(self.engine, "notes", []))
        fresh = list(
            dict.fromkeys(n for n in notes[self._notes_seen :] if n not in self._session.engine_notes)
        )
        self._notes_seen = len(notes)
        if fresh:
            self._session.engine_notes.extend(fresh)
            if self.store.has_session(self._session.id):
                self.store.save_session(self._session)
        return fresh
