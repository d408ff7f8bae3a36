"""The selection probability shown with every report: what it means and how it is computed.

It is an estimate, not a statistic: nobody has calibrated it on hiring outcomes. It maps the overall score
(0-100) through a logistic curve that gives 50 % at the pass mark of the interview's difficulty, so it rises
with the score (monotone), asks more of harder interviews, and is kept within 1-99 % (never a bare 0 %).
"""

from __future__ import annotations

import math

from .enums import Difficulty

PASS_MARK: dict[Difficulty, float] = {
    Difficulty.BEGINNER: 55.0,
    Difficulty.INTERMEDIATE: 60.0,
    Difficulty.EXPERIENCED: 65.0,
    Difficulty.EXPERT: 70.0,
}
SPREAD = 8.0  # score points per logistic step: 8 points above the pass mark is about 73 %
FLOOR, CEILING = 1, 99


def selection_probability(score: float, difficulty: Difficulty) -> int:
    raw = 100.0 / (1.0 + math.exp(-(score - PASS_MARK[difficulty]) / SPREAD))
    return max(FLOOR, min(CEILING, round(raw)))
