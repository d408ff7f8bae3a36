"""Rank correlation and agreement figures for the scoring benchmark (pure Python, no SciPy)."""

from __future__ import annotations

from collections.abc import Sequence


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    n = len(x)
    if n < 2:
        return float("nan")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5 if sxx > 0 and syy > 0 else float("nan")


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    return pearson(_ranks(x), _ranks(y))


def quadratic_kappa(truth: Sequence[int], predicted: Sequence[int], low: int = 1, high: int = 5) -> float:
    k = high - low + 1
    n = len(truth)
    if n == 0:
        return float("nan")
    observed = [[0.0] * k for _ in range(k)]
    for t, p in zip(truth, predicted, strict=True):
        observed[t - low][p - low] += 1
    hist_t = [sum(row) for row in observed]
    hist_p = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            weight = (i - j) ** 2 / (k - 1) ** 2
            num += weight * observed[i][j]
            den += weight * hist_t[i] * hist_p[j] / n
    return 1.0 - num / den if den else float("nan")


def to_grade(score: float, cuts: Sequence[float]) -> int:
    """Grade 1-5 from a 0-10 score and four ascending cut points."""
    return 1 + sum(1 for c in cuts if score >= c)
