"""Typed results of delivery analytics: how an answer was spoken, measured from word timings and audio."""

from __future__ import annotations

from pydantic import Field

from .records import Model


class WordTiming(Model):
    word: str
    start: float = Field(ge=0.0, description="seconds from the start of the answer audio")
    end: float = Field(ge=0.0)
    probability: float = Field(default=1.0, ge=0.0, le=1.0)


class Pause(Model):
    start: float = Field(ge=0.0)
    end: float = Field(ge=0.0)

    @property
    def duration(self) -> float:
        return self.end - self.start


class CountedTerm(Model):
    term: str
    count: int = Field(ge=0)


class DeliveryMetrics(Model):
    duration_s: float = Field(default=0.0, ge=0.0, description="length of the answer recording")
    speaking_time_s: float = Field(default=0.0, ge=0.0, description="first word start to last word end")
    word_count: int = Field(default=0, ge=0)
    words_per_minute: float = Field(default=0.0, ge=0.0)
    filler_count: int = Field(default=0, ge=0)
    fillers: list[CountedTerm] = Field(default_factory=list)
    fillers_per_minute: float = Field(default=0.0, ge=0.0)
    fillers_per_100_words: float = Field(default=0.0, ge=0.0)
    pause_count: int = Field(default=0, ge=0, description="silent gaps of at least 300 ms between words")
    long_pauses: list[Pause] = Field(default_factory=list, description="gaps of at least 2 s")
    time_to_first_word_s: float | None = Field(default=None, ge=0.0)
    hedging_count: int = Field(default=0, ge=0)
    hedges: list[CountedTerm] = Field(default_factory=list)
    most_repeated: list[CountedTerm] = Field(default_factory=list)


class GuidanceBand(Model):
    """A range shown next to a measured figure as guidance, with where the range comes from."""

    metric: str
    low: float | None = None
    high: float | None = None
    unit: str
    note: str
    source: str
