"""Who scores a practice attempt: the engine that scored the interview, when it can.

An interview whose question report came from Gemini has its re-answers scored by Gemini (when a key is set),
and the interview's own answer is scored again by the same Gemini call so that the comparison never mixes
scorers. When Gemini is not set up or fails, both sides are scored by the offline rubric instead, and the
attempt says so. Everything else (offline interviews, cached replays) is scored offline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..domain.attempts import AttemptView
from ..domain.delivery import DeliveryMetrics
from ..domain.enums import AnswerMode, QuestionKind, Source
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.reports import StarPresence

if TYPE_CHECKING:
    from ..engine.gemini.answer_scoring import GeminiAnswerScore
    from ..engine.offline.bank import QuestionBank

OFFLINE_MODEL = "offline-rubric"
# A Gemini point judged "partly" is not counted as covered: the plan's tick-off and the comparison both
# need a yes/no per point, and half-covered is what the candidate should still work on.
_COVERED = "covered"


@dataclass(frozen=True)
class ScoredText:
    """One answer's score as one engine gave it: what the comparison and the stored attempt need."""

    score: float
    covered_points: list[str]
    missing_points: list[str]
    star: StarPresence | None


@dataclass(frozen=True)
class ScoredPair:
    """The new attempt and the interview's own answer, scored by the same engine."""

    attempt: ScoredText
    original: ScoredText | None  # None: the interview had no answer to this question
    source: Source
    model_name: str
    note: str = ""  # why the engine is not the interview's own (a fallback), shown with the attempt


class AnswerScorer(Protocol):
    """Scores one answer text to one question of a session; raises EngineError when it cannot."""

    source: Source

    @property
    def model_name(self) -> str: ...

    @property
    def ready(self) -> bool:
        """False when it cannot be tried at all (no Gemini key set)."""
        ...

    def score(
        self, session: InterviewSession, question: Question, transcript: str, delivery: DeliveryMetrics | None,
        mode: AnswerMode,
    ) -> ScoredText: ...  # fmt: skip


class OfflineScorer:
    source = Source.OFFLINE

    def __init__(self, bank: QuestionBank) -> None:
        self._bank = bank

    @property
    def model_name(self) -> str:
        return OFFLINE_MODEL

    @property
    def ready(self) -> bool:
        return True

    def score(
        self, session: InterviewSession, question: Question, transcript: str, delivery: DeliveryMetrics | None,
        mode: AnswerMode,
    ) -> ScoredText:  # fmt: skip
        from ..engine.offline.assess import jd_terms, score_turn

        answer = Answer(question_id=question.id, mode=mode, transcript=transcript, delivery=delivery)
        _, _, result = score_turn(session, self._bank, question, answer, jd_terms(session))
        return ScoredText(result.score, result.covered_points, result.missing_points, result.star)


class GeminiScorer:
    """Practise-mode Gemini scoring (engine/gemini/answer_scoring) with the session's job and question."""

    source = Source.GEMINI

    def __init__(self, settings: Callable[[], Any]) -> None:
        # Read at each call: a key added in Settings while the app runs is used from the next attempt on.
        self._settings = settings

    @property
    def model_name(self) -> str:
        return str(self._settings().gemini_model)

    @property
    def ready(self) -> bool:
        return bool(self._settings().has_gemini_key)

    def score(
        self, session: InterviewSession, question: Question, transcript: str, delivery: DeliveryMetrics | None,
        mode: AnswerMode,
    ) -> ScoredText:  # fmt: skip
        from ..engine.gemini.answer_scoring import AnswerToScore, score_with_gemini
        from ..engine.offline.assess import is_behavioural

        config = session.config
        settings = self._settings()
        points = _expected_points(session, question)
        found = score_with_gemini(
            AnswerToScore(
                question=question.text,
                answer=transcript,
                question_type=_question_type(session, question, is_behavioural(None, question)),
                difficulty=config.difficulty.value,
                language_code=config.language.value,
                language_name=config.language.display_name,
                job_title=config.job_title,
                job_description=config.job_description,
                competency=question.competency,
                expected_points=points,
            ),
            settings,
            # The interview's step budget: the candidate waits for a re-score no longer than for a question.
            total_budget_s=float(settings.gemini_step_budget_s),
        )
        covered, missing = points_from_gemini(points, found)
        return ScoredText(found.score, covered, missing, StarPresence(**found.star) if found.star else None)


def _question_type(session: InterviewSession, question: Question, looks_behavioural: bool) -> str:
    kind = session.config.interview_type.value
    if kind == "overall":
        return "behavioural" if looks_behavioural else "technical"
    return kind


def _expected_points(session: InterviewSession, question: Question) -> list[str]:
    if question.expected_points or question.kind is QuestionKind.MAIN or question.parent_id is None:
        return list(question.expected_points)
    parent = next((q for q in session.questions if q.id == question.parent_id), None)
    return list(parent.expected_points) if parent is not None else []


def _tokens(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2}


def points_from_gemini(expected: list[str], found: GeminiAnswerScore) -> tuple[list[str], list[str]]:
    """Gemini's per-point verdicts mapped back onto the question's own expected points, so that two calls
    (the attempt and the interview answer) compare the same strings even if the model rewords a point.

    A point the model did not judge, or judged "partly", counts as missing. Without expected points the
    model's own point names are used."""
    judged = [(p.get("point", ""), p.get("status", "").casefold() == _COVERED) for p in found.points]
    if not expected:
        return [p for p, ok in judged if p and ok], [p for p, ok in judged if p and not ok]
    covered: list[str] = []
    missing: list[str] = []
    for point in expected:
        wanted = _tokens(point)
        best, best_share = False, 0.0
        for name, ok in judged:
            if name.strip().casefold() == point.strip().casefold():
                best, best_share = ok, 1.0
                break
            share = len(wanted & _tokens(name)) / max(1, len(wanted | _tokens(name)))
            if share > best_share:
                best, best_share = ok, share
        (covered if best and best_share >= 0.5 else missing).append(point)
    return covered, missing


def is_gemini_session(session: InterviewSession) -> bool:
    """The interview's per-question scores came from Gemini (a cached replay is not live Gemini)."""
    report = session.reports.questions
    return report is not None and report.source is Source.GEMINI


@dataclass
class PairScorer:
    """Scores an attempt and the interview's own answer with one engine, falling back as one pair."""

    offline: AnswerScorer
    gemini: AnswerScorer | None = None  # None: this face has no Gemini settings
    _originals: dict[tuple[str, str, str], ScoredText] = field(default_factory=dict)

    def score_pair(
        self, session: InterviewSession, question: Question, transcript: str, delivery: DeliveryMetrics | None,
        mode: AnswerMode,
    ) -> ScoredPair:  # fmt: skip
        from ..engine.protocols import EngineError

        note = ""
        if is_gemini_session(session):
            if self.gemini is None or not self.gemini.ready:
                note = "The interview was scored by Gemini, but no Gemini key is set; scored offline instead."
            else:
                try:
                    return self._pair(self.gemini, session, question, transcript, delivery, mode, "")
                except EngineError as exc:
                    reason = str(exc).split("\n")[0].rstrip(".")
                    note = f"Gemini could not score this attempt ({reason}); scored offline instead."
        return self._pair(self.offline, session, question, transcript, delivery, mode, note)

    def _pair(
        self, scorer: AnswerScorer, session: InterviewSession, question: Question, transcript: str,
        delivery: DeliveryMetrics | None, mode: AnswerMode, note: str,
    ) -> ScoredPair:  # fmt: skip
        if scorer.source is not Source.GEMINI:
            attempt = scorer.score(session, question, transcript, delivery, mode)
            original = self._original(scorer, session, question)
        else:
            # Two network round trips at once: the first attempt at a question waits for one, not two.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="gemini-original") as pool:
                pending = pool.submit(self._original, scorer, session, question)
                attempt = scorer.score(session, question, transcript, delivery, mode)
                original = pending.result()
        return ScoredPair(attempt, original, scorer.source, scorer.model_name, note)

    def _original(self, scorer: AnswerScorer, session: InterviewSession, question: Question) -> ScoredText | None:
        answer = session.answer_for(question.id)
        if answer is None or answer.skipped or not answer.transcript.strip():
            return None
        # The interview's answer does not change, so one engine scores it once per process (a Gemini call saved
        # on every further attempt at the question).
        key = (scorer.source.value, scorer.model_name, f"{answer.id}:{answer.updated_at.isoformat()}")
        if key not in self._originals:
            self._originals[key] = scorer.score(session, question, answer.transcript, answer.delivery, answer.mode)
        return self._originals[key]


def original_view(session: InterviewSession, question: Question, scored: ScoredText | None) -> AttemptView:
    answer = session.answer_for(question.id)
    if scored is None or answer is None:
        return AttemptView(score=0.0, transcript="", missing_points=list(question.expected_points))
    return AttemptView(
        score=scored.score,
        transcript=answer.transcript,
        covered_points=scored.covered_points,
        missing_points=scored.missing_points,
        star=scored.star,
        delivery=answer.delivery,
    )
