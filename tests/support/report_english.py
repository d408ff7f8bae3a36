"""The English report words that no French or Hindi report may show, and how a test finds them."""

from __future__ import annotations

from collections.abc import Sequence

ENGLISH_HEADINGS = (
    "Snapshot",
    "Top strengths",
    "Top things to improve",
    "Category scores",
    "Strong skills",
    "Skill gaps",
    "Final remarks",
    "Guidance",
    "Whole interview",
    "Made by",
    "Selection probability",
    "Duration",
    "Words/min",
    "Pace",
    "Fillers per minute",
    "your answer",
    "none detected",
    "source:",
)


def english_left(text: str, words: Sequence[str] = ENGLISH_HEADINGS) -> list[str]:
    """Which of `words` are still in `text`."""
    return [w for w in words if w in text]
