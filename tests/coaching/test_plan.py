"""The practice plan: built from a known weak report, ticked off only by measured results."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.delivery import DeliveryMetrics, WordTiming
from mockmate_desktop.domain.delivery_metrics import guidance_bands
from mockmate_desktop.domain.enums import AnswerMode
from mockmate_desktop.domain.practice_plan import delivery_targets
from mockmate_desktop.domain.reports import DeliveryReport
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.coaching import CoachingError, CoachingService, NewAttempt
from mockmate_desktop.storage.sqlite_store import SqliteStore

from .conftest import reported_session

FILLERY = DeliveryMetrics(
    duration_s=60, speaking_time_s=58, word_count=120, words_per_minute=124, filler_count=14,
    fillers_per_minute=14.5, fillers_per_100_words=11.7, time_to_first_word_s=1.0,
)  # fmt: skip


def _with_fillery_delivery(engine: OfflineEngine):  # type: ignore[no-untyped-def]
    session = reported_session(engine)
    session.reports.delivery = DeliveryReport(source=session.reports.summary.source, overall=FILLERY)  # type: ignore[union-attr]
    return session


def _spoken(text: str, filler_every: int = 0) -> NewAttempt:
    words = []
    for i, w in enumerate(text.split()):
        words.append(w if not (filler_every and i % filler_every == 0) else f"um {w}")
    tokens = " ".join(words).split()
    timed = tuple(WordTiming(word=w, start=i * 0.4, end=i * 0.4 + 0.3) for i, w in enumerate(tokens))
    return NewAttempt(mode=AnswerMode.VOICE, transcript=" ".join(tokens), words=timed, duration_s=len(tokens) * 0.4)


def test_delivery_targets_come_from_the_guidance_bands() -> None:
    targets = delivery_targets(FILLERY, guidance_bands("en"))
    assert [t.metric for t in targets] == ["fillers_per_minute", "fillers_per_100_words"]
    assert targets[1].high == 6 and targets[1].measured == pytest.approx(11.7)
    assert targets[1].label == "fillers per 100 words at most 6 per 100 words"


def test_a_weak_report_gives_three_to_five_drills_with_evidence(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session = _with_fillery_delivery(engine)
    store.save_session(session)
    plan = coaching.plan(session.id)
    assert 3 <= len(plan.drills) <= 5
    refs = [ref for d in plan.drills for ref in d.question_refs]
    assert len(refs) == len(set(refs)), "a question is drilled once"
    for drill in plan.drills:
        assert drill.points, drill
        assert "/10" in drill.reason, "each drill cites the score that put it there"
        assert not drill.done
    assert plan.drills[0].delivery_target is not None
    assert store.get_plan(session.id) == plan


def test_drills_tick_off_from_measured_results_not_from_typing(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session = _with_fillery_delivery(engine)
    store.save_session(session)
    plan = coaching.plan(session.id)
    drill = plan.drills[0]
    assert drill.delivery_target is not None and drill.delivery_target.metric == "fillers_per_minute"
    questions = [next(q for q in session.questions if q.id == qid) for qid in drill.question_ids]

    def strong(question_points: list[str]) -> str:
        return " ".join(question_points) + (
            ". At ShipFast I measured first, found the bottleneck, changed it and cut p95 from 8 seconds to "
            "400 milliseconds, because we had 2 million requests a day; the trade-off was memory."
        )

    for question in questions:
        # A strong typed answer cannot show delivery: the drill stays open.
        typed = NewAttempt(mode=AnswerMode.TYPED, transcript=strong(question.expected_points))
        coaching.practise(session.id, question.id, typed)
        # Spoken but full of fillers: the content passes, the measured delivery does not.
        result = coaching.practise(session.id, question.id, _spoken(strong(question.expected_points), 3))
        assert result.attempt.score >= 7.0, result.attempt.score
    assert not coaching.plan(session.id).drills[0].done
    # Spoken and fluent, every question of the drill: done, with the figures that show it.
    for index, question in enumerate(questions):
        coaching.practise(session.id, question.id, _spoken(strong(question.expected_points)))
        if index < len(questions) - 1:
            assert not coaching.plan(session.id).drills[0].done
    ticked = coaching.plan(session.id).drills[0]
    assert ticked.done and "/10" in ticked.done_evidence and "fillers per minute" in ticked.done_evidence


def test_an_unfinished_interview_has_no_plan(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session = reported_session(engine)
    session.reports.questions = None
    session.status = session.status.IN_PROGRESS
    store.save_session(session)
    with pytest.raises(CoachingError, match="no reports yet"):
        coaching.plan(session.id)
