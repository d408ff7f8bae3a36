"""The selection probability: monotone in score, harder interviews ask more, never a bare 0 % (or 100 %)."""

from __future__ import annotations

from mockmate_desktop.domain.enums import Difficulty
from mockmate_desktop.domain.selection import PASS_MARK, selection_probability


def test_monotone_in_score_for_every_difficulty() -> None:
    for difficulty in Difficulty:
        values = [selection_probability(score, difficulty) for score in range(0, 101)]
        assert values == sorted(values)
        assert min(values) >= 1 and max(values) <= 99


def test_harder_interviews_ask_more_of_the_same_score() -> None:
    ordered = [Difficulty.BEGINNER, Difficulty.INTERMEDIATE, Difficulty.EXPERIENCED, Difficulty.EXPERT]
    for score in (40, 60, 75):
        values = [selection_probability(score, d) for d in ordered]
        assert values == sorted(values, reverse=True) and values[0] > values[-1]


def test_fifty_percent_at_the_pass_mark() -> None:
    for difficulty, mark in PASS_MARK.items():
        assert selection_probability(mark, difficulty) == 50
