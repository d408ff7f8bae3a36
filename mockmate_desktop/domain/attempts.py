"""A practice attempt: a new answer to a question of an earlier interview, scored like the original.

Attempts never replace the interview's own answer: the report stays what it was, and each attempt is kept
beside it so the candidate can see what changed.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal
from uuid import UUID

from pydantic import Field

from .delivery import DeliveryMetrics, WordTiming
from .enums import AnswerMode, Source
from .records import Model, Record
from .reports import StarPresence


class AttemptView(Model):
    """What two attempts are compared on; the interview's own answer and a practice attempt both give one."""

    score: float = Field(ge=0.0, le=10.0)
    transcript: str
    covered_points: list[str] = Field(default_factory=list)
    missing_points: list[str] = Field(default_factory=list)
    star: StarPresence | None = None
    delivery: DeliveryMetrics | None = None


class PracticeAttempt(Record):
    session_id: UUID
    question_id: UUID
    mode: AnswerMode = AnswerMode.VOICE
    transcript: str = ""
    words: list[WordTiming] = Field(default_factory=list)
    audio_path: str | None = Field(default=None, description="relative to the data folder")
    duration_s: float = Field(default=0.0, ge=0.0)
    delivery: DeliveryMetrics | None = None
    score: float = Field(ge=0.0, le=10.0)
    covered_points: list[str] = Field(default_factory=list)
    missing_points: list[str] = Field(default_factory=list)
    star: StarPresence | None = None
    source: Source = Field(description="the engine that scored this attempt")
    model_name: str | None = None
    scoring_note: str = Field(
        default="", description="why another engine than the interview's scored it, e.g. Gemini unreachable"
    )
    compared_with: AttemptView | None = Field(
        default=None, description="the interview's own answer as the same engine scored it for this attempt"
    )

    @property
    def scored_by(self) -> str:
        """Which engine scored it, as the window, the terminal and exports say it."""
        if self.source is Source.GEMINI:
            return f"Gemini ({self.model_name})" if self.model_name else "Gemini"
        return "the offline rubric"


class DeliveryChange(Model):
    metric: str
    unit: str
    before: float
    after: float
    lower_is_better: bool

    @property
    def improved(self) -> bool:
        return self.after < self.before if self.lower_is_better else self.after > self.before


class DiffRun(Model):
    kind: Literal["same", "added", "removed"]
    text: str


class AttemptComparison(Model):
    score_before: float
    score_after: float
    now_covered: list[str] = Field(description="points the new attempt covers that the earlier one missed")
    still_missing: list[str]
    no_longer_covered: list[str]
    star_gained: list[str]
    star_lost: list[str]
    delivery: list[DeliveryChange]
    word_diff: list[DiffRun]

    @property
    def score_delta(self) -> float:
        return round(self.score_after - self.score_before, 1)


# (metric, unit, lower is better): pace has a band on both sides, so its change is shown without a verdict.
_DELIVERY_FIGURES: tuple[tuple[str, str, bool], ...] = (
    ("fillers_per_100_words", "per 100 words", True),
    ("words_per_minute", "wpm", False),
    ("time_to_first_word_s", "s", True),
)
_STAR_PARTS = ("situation", "task", "action", "result")


def compare_attempts(before: AttemptView, after: AttemptView) -> AttemptComparison:
    """Everything the side-by-side view shows, computed once so the window and the terminal agree."""
    before_covered = set(before.covered_points)
    after_covered = set(after.covered_points)
    return AttemptComparison(
        score_before=before.score,
        score_after=after.score,
        now_covered=[p for p in after.covered_points if p not in before_covered],
        still_missing=[p for p in after.missing_points if p not in after_covered],
        no_longer_covered=[p for p in before.covered_points if p not in after_covered],
        star_gained=_star_change(before.star, after.star, gained=True),
        star_lost=_star_change(before.star, after.star, gained=False),
        delivery=_delivery_changes(before.delivery, after.delivery),
        word_diff=word_diff(before.transcript, after.transcript),
    )


def _star_change(before: StarPresence | None, after: StarPresence | None, *, gained: bool) -> list[str]:
    if before is None or after is None:
        return []
    old, new = before.model_dump(), after.model_dump()
    if gained:
        return [p for p in _STAR_PARTS if new[p] and not old[p]]
    return [p for p in _STAR_PARTS if old[p] and not new[p]]


def _delivery_changes(before: DeliveryMetrics | None, after: DeliveryMetrics | None) -> list[DeliveryChange]:
    if before is None or after is None:
        return []  # a typed answer has no delivery to compare
    changes: list[DeliveryChange] = []
    for metric, unit, lower in _DELIVERY_FIGURES:
        old, new = getattr(before, metric), getattr(after, metric)
        if old is None or new is None:
            continue
        changes.append(DeliveryChange(metric=metric, unit=unit, before=old, after=new, lower_is_better=lower))
    changes.append(
        DeliveryChange(
            metric="long_pauses",
            unit="pauses of 2 s or more",
            before=len(before.long_pauses),
            after=len(after.long_pauses),
            lower_is_better=True,
        )
    )
    return changes


def word_diff(before: str, after: str) -> list[DiffRun]:
    """Word-level runs of what stayed, what was added and what was removed (case-insensitive matching)."""
    old, new = before.split(), after.split()
    matcher = SequenceMatcher(a=[w.casefold() for w in old], b=[w.casefold() for w in new], autojunk=False)
    runs: list[DiffRun] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(DiffRun(kind="same", text=" ".join(new[j1:j2])))
            continue
        if i2 > i1:
            runs.append(DiffRun(kind="removed", text=" ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(DiffRun(kind="added", text=" ".join(new[j1:j2])))
    return runs
