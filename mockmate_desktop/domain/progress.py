"""Progress across sessions: one point per reported interview, and the trends the Progress page draws."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from statistics import mean
from uuid import UUID

from pydantic import Field

from .enums import InterviewType
from .records import Model

CATEGORY_NAMES = ("communication", "technical_knowledge", "problem_solving", "cultural_fit", "confidence_clarity")
# The delivery figures the page charts, each against its guidance band (domain/delivery_metrics.py).
DELIVERY_METRICS = ("words_per_minute", "fillers_per_100_words", "time_to_first_word_s")


class ProgressPoint(Model):
    session_id: UUID
    when: datetime
    job_title: str
    interview_type: InterviewType
    is_demo: bool = False
    overall: int = Field(ge=0, le=100)
    categories: dict[str, float] = Field(default_factory=dict)
    competencies: dict[str, float] = Field(default_factory=dict, description="mean answer score per competency")
    delivery: dict[str, float] = Field(default_factory=dict)


class Trend(Model):
    metric: str
    first: float
    last: float
    best: float
    sessions: int

    @property
    def change(self) -> float:
        return round(self.last - self.first, 2)


def filter_points(
    points: Iterable[ProgressPoint], *, role: str | None = None, interview_type: InterviewType | None = None
) -> list[ProgressPoint]:
    """Oldest first; the role matches case-insensitively on the whole job title."""
    wanted = role.casefold().strip() if role else None
    kept = [
        p
        for p in points
        if (wanted is None or p.job_title.casefold().strip() == wanted)
        and (interview_type is None or p.interview_type is interview_type)
    ]
    return sorted(kept, key=lambda p: p.when)


def series(points: Sequence[ProgressPoint], metric: str) -> list[tuple[datetime, float]]:
    """(when, value) for `metric`: "overall", a category, "competency:NAME" or a delivery figure."""
    out: list[tuple[datetime, float]] = []
    for point in points:
        value = _value(point, metric)
        if value is not None:
            out.append((point.when, value))
    return out


def trend(points: Sequence[ProgressPoint], metric: str, *, higher_is_better: bool = True) -> Trend | None:
    values = [v for _, v in series(points, metric)]
    if not values:
        return None
    best = max(values) if higher_is_better else min(values)
    return Trend(metric=metric, first=values[0], last=values[-1], best=best, sessions=len(values))


def competency_means(scores: Iterable[tuple[str, float]]) -> dict[str, float]:
    grouped: dict[str, list[float]] = {}
    for competency, score in scores:
        grouped.setdefault(competency or "general", []).append(score)
    return {c: round(mean(v), 2) for c, v in sorted(grouped.items())}


def metric_names(points: Sequence[ProgressPoint]) -> list[str]:
    """Every metric at least one point has, in the order the page lists them."""
    names = ["overall", *CATEGORY_NAMES]
    competencies = sorted({c for p in points for c in p.competencies})
    names += [f"competency:{c}" for c in competencies]
    names += [m for m in DELIVERY_METRICS if any(m in p.delivery for p in points)]
    return names


def _value(point: ProgressPoint, metric: str) -> float | None:
    if metric == "overall":
        return float(point.overall)
    if metric.startswith("competency:"):
        return point.competencies.get(metric.removeprefix("competency:"))
    if metric in point.categories:
        return point.categories[metric]
    return point.delivery.get(metric)


def progress_csv(points: Sequence[ProgressPoint]) -> str:
    """One row per interview, one column per metric any of them has; empty where a session lacks it."""
    import csv
    import io

    metrics = metric_names(points)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "session_id", "job_title", "interview_type", *metrics])
    for point in points:
        values = [_value(point, m) for m in metrics]
        writer.writerow(
            [point.when.isoformat(timespec="seconds"), str(point.session_id), point.job_title,
             point.interview_type.value, *("" if v is None else f"{v:g}" for v in values)]
        )  # fmt: skip
    return out.getvalue()
