"""Practise again: a re-answer is scored by the same rubric and compared with the interview's answer."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.attempts import word_diff
from mockmate_desktop.domain.delivery import WordTiming
from mockmate_desktop.domain.enums import AnswerMode
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.coaching import CoachingError, CoachingService, NewAttempt
from mockmate_desktop.storage.sqlite_store import SqliteStore

from .conftest import reported_session

STRONG_PAGINATION = (
    "For a REST API I use cursor pagination for large or changing collections, because offset pagination "
    "skips or repeats rows when data changes, and offset is fine for small admin lists. I cap the page size "
    "at 100, return a next link with an opaque cursor, and errors use a consistent JSON body with a code, a "
    "message and the request id, with 400 for validation and 404 for a missing resource. At ShipFast this cut "
    "our p95 for the orders list from 2 seconds to 180 milliseconds."
)


def _spoken(text: str, seconds_per_word: float = 0.4) -> NewAttempt:
    words = tuple(
        WordTiming(word=w, start=i * seconds_per_word, end=i * seconds_per_word + 0.3)
        for i, w in enumerate(text.split())
    )
    return NewAttempt(
        mode=AnswerMode.VOICE, transcript=text, words=words, duration_s=len(words) * seconds_per_word + 0.5
    )


def test_a_better_re_answer_shows_the_right_deltas(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session = reported_session(engine)
    store.save_session(session)
    question = coaching.find_question(session, "Q3")
    assert "pagination" in question.text
    result = coaching.practise(session.id, question.id, _spoken(STRONG_PAGINATION))
    comparison = result.comparison
    assert comparison.score_after > comparison.score_before + 2, comparison
    assert comparison.score_delta == round(comparison.score_after - comparison.score_before, 1)
    assert comparison.now_covered, "the strong answer covers points the weak one missed"
    assert not comparison.no_longer_covered
    assert not set(comparison.now_covered) & set(comparison.still_missing)
    # The interview's answer was typed: there is no delivery to compare against.
    assert comparison.delivery == []
    kinds = {run.kind for run in comparison.word_diff}
    assert "added" in kinds and "removed" in kinds
    stored = store.list_attempts(session.id, question.id)
    assert [a.id for a in stored] == [result.attempt.id]
    assert stored[0].score == result.attempt.score and stored[0].delivery is not None


def test_a_worse_re_answer_shows_a_negative_delta(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session = reported_session(engine, answers={2: STRONG_PAGINATION})
    store.save_session(session)
    question = coaching.find_question(session, "q3")
    result = coaching.practise(
        session.id, question.id, NewAttempt(mode=AnswerMode.TYPED, transcript="I would use pages.")
    )
    assert result.comparison.score_delta < 0
    assert result.comparison.no_longer_covered


def test_every_attempt_is_kept_in_order(store: SqliteStore, engine: OfflineEngine, coaching: CoachingService) -> None:
    session = reported_session(engine)
    store.save_session(session)
    question = coaching.find_question(session, "Q1")
    texts = ["First try with a venv.", "Second try: one virtual environment per project, pinned ranges."]
    for text in texts:
        coaching.practise(session.id, question.id, NewAttempt(mode=AnswerMode.TYPED, transcript=text))
    assert [a.transcript for a in coaching.attempts(session.id, question.id)] == texts


def test_bad_references_and_empty_attempts_say_what_to_do(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    session = reported_session(engine)
    store.save_session(session)
    with pytest.raises(CoachingError, match="choose one of: Q1, Q2"):
        coaching.find_question(session, "Q9")
    question = coaching.find_question(session, "Q1")
    with pytest.raises(CoachingError, match="no words"):
        coaching.practise(session.id, question.id, NewAttempt(mode=AnswerMode.TYPED, transcript="   "))
    assert store.list_attempts(session.id) == []


def test_word_diff_marks_what_stayed_was_added_and_removed() -> None:
    runs = word_diff("I used an index on the table", "I used a covering index on the orders table")
    assert [(r.kind, r.text) for r in runs] == [
        ("same", "I used"),
        ("removed", "an"),
        ("added", "a covering"),
        ("same", "index on the"),
        ("added", "orders"),
        ("same", "table"),
    ]
