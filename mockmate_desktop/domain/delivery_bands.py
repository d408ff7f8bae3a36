"""One reading of the delivery guidance bands, shared by the score, "went well" and "to improve".

A figure inside its band is a strength; outside it, it is something to improve; nothing else is said. The
bands themselves come from `delivery_metrics.guidance_bands` (with their sources), so the report's guidance,
the score and the feedback can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import numbers, scoring_texts
from .delivery import DeliveryMetrics
from .delivery_metrics import guidance_bands

Side = Literal["low", "within", "high"]


@dataclass(frozen=True)
class BandReading:
    metric: str
    value: float
    side: Side
    low: float | None
    high: float | None
    unit: str

    @property
    def within(self) -> bool:
        return self.side == "within"

    def figure(self, language: str = "en") -> str:
        places = 0 if self.value >= 10 or self.value == int(self.value) else 1
        shown = numbers.decimal(self.value, scoring_texts.known(language), places)
        return f"{shown} {scoring_texts.unit(self.metric, self.unit, language)}"

    def band(self, language: str = "en") -> str:
        """ "100-165 wpm", "at most 6 per 100 words", worded in `language`."""
        return scoring_texts.band(self.metric, self.low, self.high, self.unit, language)


def _side(value: float, low: float | None, high: float | None) -> Side:
    if low is not None and value < low:
        return "low"
    if high is not None and value > high:
        return "high"
    return "within"


def read_bands(delivery: DeliveryMetrics, language: str = "en") -> list[BandReading]:
    """Pace, fillers per 100 words and long pauses of a spoken answer against their bands."""
    bands = {b.metric: b for b in guidance_bands(language)}
    values = {
        "words_per_minute": delivery.words_per_minute,
        "fillers_per_100_words": delivery.fillers_per_100_words,
        "long_pauses": float(len(delivery.long_pauses)),
    }
    readings = []
    for metric, value in values.items():
        band = bands[metric]
        readings.append(
            BandReading(
                metric=metric,
                value=round(value, 1),
                side=_side(value, band.low, band.high),
                low=band.low,
                high=band.high,
                unit=band.unit,
            )
        )
    return readings
