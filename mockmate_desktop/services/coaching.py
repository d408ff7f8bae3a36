"""The coaching loop shared by the window and the terminal: practise a question again, the plan, progress.

A practice attempt is scored against the same question, expected points and job as the interview, by the
engine that scored the interview when it can (Gemini for a Gemini interview with a key set, else the offline
rubric; see attempt_scoring). The interview's own answer is scored again by that same engine for the
comparison, so a score change is never a change of scorer. Attempts and plans are committed to the store at
once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from uuid import UUID

from ..domain.attempts import AttemptComparison, AttemptView, PracticeAttempt, compare_attempts
from ..domain.delivery import DeliveryMetrics, WordTiming
from ..domain.delivery_metrics import compute_delivery, guidance_bands
from ..domain.enums import AnswerMode, InterviewType, Language, SessionStatus
from ..domain.interview import InterviewSession, Question
from ..domain.numbering import question_labels
from ..domain.practice_plan import PracticePlan, build_plan, question_results, tick_off
from ..domain.progress import ProgressPoint, filter_points
from .attempt_scoring import AnswerScorer, GeminiScorer, OfflineScorer, PairScorer, original_view

if TYPE_CHECKING:
    from ..engine.offline.bank import QuestionBank


class CoachingError(Exception):
    """What the candidate asked for cannot be done (no such question, no report yet); says what to do."""


class CoachingStore(Protocol):
    def get_session(self, session_id: UUID) -> InterviewSession: ...
    def save_attempt(self, attempt: PracticeAttempt) -> None: ...
    def list_attempts(self, session_id: UUID, question_id: UUID | None = None) -> list[PracticeAttempt]: ...
    def save_plan(self, plan: PracticePlan) -> None: ...
    def get_plan(self, session_id: UUID) -> PracticePlan | None: ...
    def progress_points(self, *, include_demo: bool = False) -> list[ProgressPoint]: ...


@dataclass(frozen=True)
class NewAttempt:
    """A re-answer as captured: spoken (words with times, audio kept) or typed."""

    mode: AnswerMode
    transcript: str
    words: tuple[WordTiming, ...] = ()
    audio_path: str | None = None
    duration_s: float = 0.0


@dataclass(frozen=True)
class AttemptResult:
    attempt: PracticeAttempt
    comparison: AttemptComparison
    seconds: float  # scoring time after the transcript was final


def coaching_service(store: CoachingStore, settings: Any) -> CoachingService:
    """The service as both faces build it: the offline bank, and Gemini for Gemini-scored interviews.
    `settings` may be a callable returning the current settings (the window's can change while it runs)."""
    from ..engine.offline.engine import OfflineEngine

    current = settings if callable(settings) else (lambda: settings)
    return CoachingService(store, OfflineEngine().bank, gemini=GeminiScorer(current))


class CoachingService:
    def __init__(self, store: CoachingStore, bank: QuestionBank, *, gemini: AnswerScorer | None = None) -> None:
        """`gemini`: the scorer for attempts at Gemini-scored interviews (None when no key is set)."""
        self._store = store
        self._bank = bank
        self._scoring = PairScorer(OfflineScorer(bank), gemini)

    # practise again -------------------------------------------------------------------------------------

    def find_question(self, session: InterviewSession, ref: str) -> Question:
        """A question by its label ("Q3", "Q3 follow-up", case-insensitive) or by an id prefix. The label may
        also be the interview's own ("Q3 relance"), which its report and practice plan show."""
        wanted = " ".join(ref.split()).casefold()
        for language in (Language.EN, session.config.language):
            for question_id, label in question_labels(session.questions, language).items():
                if label.casefold() == wanted:
                    return next(q for q in session.questions if q.id == question_id)
        matches = [q for q in session.questions if str(q.id).startswith(wanted)] if len(wanted) >= 4 else []
        if len(matches) == 1:
            return matches[0]
        # The labels its report and plan show, so the choice offered is one the user has seen.
        labels = ", ".join(question_labels(session.questions, session.config.language).values())
        raise CoachingError(f"No question {ref!r} in this session; choose one of: {labels}.")

    def practise(self, session_id: UUID, question_id: UUID, new: NewAttempt) -> AttemptResult:
        session = self._store.get_session(session_id)
        question = _question(session, question_id)
        if not new.transcript.strip():
            raise CoachingError("The new attempt has no words to score; record or type it again.")
        started = time.perf_counter()
        delivery = _delivery(new, session)
        pair = self._scoring.score_pair(session, question, new.transcript, delivery, new.mode)
        before = original_view(session, question, pair.original)
        attempt = PracticeAttempt(
            session_id=session_id,
            question_id=question_id,
            mode=new.mode,
            transcript=new.transcript.strip(),
            words=list(new.words),
            audio_path=new.audio_path,
            duration_s=new.duration_s,
            delivery=delivery,
            score=pair.attempt.score,
            covered_points=pair.attempt.covered_points,
            missing_points=pair.attempt.missing_points,
            star=pair.attempt.star,
            source=pair.source,
            model_name=pair.model_name,
            scoring_note=pair.note,
            compared_with=before,
        )
        comparison = compare_attempts(before, _view(attempt))
        seconds = time.perf_counter() - started
        self._store.save_attempt(attempt)
        return AttemptResult(attempt=attempt, comparison=comparison, seconds=seconds)

    def attempts(self, session_id: UUID, question_id: UUID) -> list[PracticeAttempt]:
        return self._store.list_attempts(session_id, question_id)

    def compare(self, session_id: UUID, attempt: PracticeAttempt) -> AttemptComparison:
        """An attempt against the interview answer as its own engine scored it when the attempt was made
        (an attempt from before that was kept is offline-scored: the interview answer is re-scored offline)."""
        if attempt.compared_with is not None:
            return compare_attempts(attempt.compared_with, _view(attempt))
        session = self._store.get_session(session_id)
        question = _question(session, attempt.question_id)
        answer = session.answer_for(question.id)
        scored = None
        if answer is not None and not answer.skipped and answer.transcript.strip():
            scored = self._scoring.offline.score(session, question, answer.transcript, answer.delivery, answer.mode)
        return compare_attempts(original_view(session, question, scored), _view(attempt))

    # the plan -------------------------------------------------------------------------------------------

    def plan(self, session_id: UUID, *, rebuild: bool = False) -> PracticePlan:
        """The session's plan, built once from its reports, with drills ticked by the attempts made since."""
        session = self._store.get_session(session_id)
        plan = None if rebuild else self._store.get_plan(session_id)
        if plan is None:
            plan = self._build_plan(session)
        # Evidence is written as the drill ticks, so an older plan's new evidence is in the interview's language too.
        ticked = tick_off(plan, self._store.list_attempts(session_id), language=session.config.language)
        if ticked != plan or self._store.get_plan(session_id) is None:
            ticked.touch()
            self._store.save_plan(ticked)
        return ticked

    def _build_plan(self, session: InterviewSession) -> PracticePlan:
        if session.status is not SessionStatus.COMPLETED or session.reports.questions is None:
            raise CoachingError("This interview has no reports yet; finish it to get a practice plan.")
        results = question_results(session)
        gaps = session.reports.performance.skill_gaps if session.reports.performance else []
        delivery = session.reports.delivery
        # A typed interview's delivery report holds zeros, not a pace of 0 wpm to raise.
        overall = delivery.overall if delivery is not None and delivery.per_answer else None
        language = session.config.language
        return build_plan(session.id, results, gaps, overall, guidance_bands(language.value), language=language)

    # progress -------------------------------------------------------------------------------------------

    def progress(
        self, *, role: str | None = None, interview_type: InterviewType | None = None, include_demo: bool = False
    ) -> list[ProgressPoint]:
        points = self._store.progress_points(include_demo=include_demo)
        return filter_points(points, role=role, interview_type=interview_type)


def _question(session: InterviewSession, question_id: UUID) -> Question:
    for question in session.questions:
        if question.id == question_id:
            return question
    raise CoachingError(f"Question {question_id} is not part of session {session.id}.")


def _delivery(new: NewAttempt, session: InterviewSession) -> DeliveryMetrics | None:
    if new.mode is AnswerMode.TYPED or not new.words:
        return None
    return compute_delivery(list(new.words), new.duration_s, session.config.language.value)


def _view(attempt: PracticeAttempt) -> AttemptView:
    return AttemptView(
        score=attempt.score,
        transcript=attempt.transcript,
        covered_points=attempt.covered_points,
        missing_points=attempt.missing_points,
        star=attempt.star,
        delivery=attempt.delivery,
    )



def attempt_from_recording(transcriber: Any, wav: Path, kept_as: str, language: str) -> NewAttempt:
    """Transcribe a recorded re-answer (one full pass) into what `practise` scores; the window and the
    terminal both come here. `kept_as` is the recording's path relative to the data folder."""
    from ..speech.wavio import read_wav_16k_mono

    audio = read_wav_16k_mono(wav)
    transcript = transcriber.transcribe(audio, language=language)
    return NewAttempt(
        mode=AnswerMode.VOICE,
        transcript=transcript.text,
        words=tuple(transcript.words),
        audio_path=kept_as,
        duration_s=transcript.duration_s,
    )
