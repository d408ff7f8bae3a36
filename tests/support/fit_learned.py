"""Fits `domain.scoring_learned.LearnedModel` on training answers: per-language scales, a logistic model of
"on the question asked" and a linear model of the grade with sign constraints (nothing but the share of
general claims may lower a score), chosen by grouped cross-validation over training questions.

Used by `tests/support/fit_scoring.py`; never sees the held-out fifth.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mockmate_desktop.domain.scoring_by_meaning import apply_caps
from mockmate_desktop.domain.scoring_learned import (
    ON_QUESTION_INPUTS,
    QUALITY_INPUTS,
    LanguageScale,
    LearnedModel,
)
from mockmate_desktop.domain.scoring_meaning import MeaningFeatures
from mockmate_desktop.services.scoring_dataset import DevAnswer
from mockmate_desktop.services.scoring_stats import spearman

NEGATIVE = ("claims",)  # inputs whose weight may only lower the grade
OFF_KINDS = ("wrong_question", "off_topic")  # the development set's answers that are not to the question
ON_PENALTIES = (1.0, 3.0, 10.0)
QUALITY_PENALTIES = (10.0, 30.0, 100.0)
ON_FLOORS = (0.0, 0.15, 0.3, 0.45, 0.6)


@dataclass(frozen=True)
class LearnRow:
    answer: DevAnswer
    raw: dict[str, float]
    features: MeaningFeatures


def language_scale(rows: Sequence[LearnRow]) -> LanguageScale:
    names = list(rows[0].raw)
    everything = np.array([[r.raw[n] for n in names] for r in rows])
    mean_all, sd_all = everything.mean(0), everything.std(0) + 1e-9
    table: dict[str, dict[str, tuple[float, float]]] = {}
    for language in sorted({r.answer.language for r in rows}):
        part = np.array([[r.raw[n] for n in names] for r in rows if r.answer.language == language])
        mean, sd = part.mean(0), part.std(0) + 1e-9
        scale = sd_all / sd
        table[language] = {
            n: (round(float(scale[j]), 4), round(float(mean_all[j] - mean[j] * scale[j]), 4))
            for j, n in enumerate(names)
        }
    return LanguageScale(table)


def _logistic(x: np.ndarray, t: np.ndarray, penalty: float) -> tuple[float, np.ndarray]:
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.c_[np.ones(len(x)), (x - mu) / sd]
    w = np.zeros(z.shape[1])
    ridge = penalty * np.diag(np.r_[0.0, np.ones(z.shape[1] - 1)])
    for _ in range(60):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (p - t) + ridge @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + ridge
        w -= np.linalg.solve(hessian, gradient)
    coef = w[1:] / sd
    return float(w[0] - coef @ mu), coef


def _signed_ridge(
    x: np.ndarray, y: np.ndarray, penalty: float, signs: Sequence[int]
) -> tuple[float, np.ndarray]:
    """Least squares of `y - 1` on `x` without an intercept (an answer with no structure, specifics,
    coverage or length is grade 1 and earns nothing: with an intercept a one-line quote kept 3-4/10), with an
    L2 penalty, each weight kept to its sign (+1: >= 0, -1: <= 0) by projected gradient."""
    a = x.T @ x + penalty * np.eye(x.shape[1])
    b = x.T @ (y - 1.0)
    w = np.linalg.solve(a, b)
    step = 1.0 / float(np.linalg.eigvalsh(a).max())
    sign = np.asarray(signs, dtype=float)
    for _ in range(4000):
        w = w - step * (a @ w - b)
        w = np.where(sign * w < 0, 0.0, w)
    return 1.0, w


def fit_model(
    rows: Sequence[LearnRow], on_penalty: float, quality_penalty: float, on_floor: float = 0.0
) -> LearnedModel:
    scale = language_scale(rows)
    scaled = [scale.apply(r.answer.language, r.raw) for r in rows]
    on_x = np.array([[s[n] for n in ON_QUESTION_INPUTS] for s in scaled])
    on_t = np.array([0.0 if r.answer.kind in OFF_KINDS else 1.0 for r in rows])
    on_b, on_w = _logistic(on_x, on_t, on_penalty)
    # The grade model learns from answers to the question only: the first part handles the others.
    keep = [i for i, r in enumerate(rows) if r.answer.kind not in OFF_KINDS]
    q_x = np.array([[scaled[i][n] for n in QUALITY_INPUTS] for i in keep])
    q_y = np.array([float(rows[i].answer.grade) for i in keep])
    signs = [-1 if n in NEGATIVE else 1 for n in QUALITY_INPUTS]
    q_b, q_w = _signed_ridge(q_x, q_y, quality_penalty, signs)
    return LearnedModel(
        scale=scale,
        on_intercept=round(on_b, 4),
        on_weights={n: round(float(v), 4) for n, v in zip(ON_QUESTION_INPUTS, on_w, strict=True)},
        quality_intercept=round(q_b, 4),
        quality_weights={n: round(float(v), 4) for n, v in zip(QUALITY_INPUTS, q_w, strict=True)},
        on_floor=on_floor,
    )


def scores(model: LearnedModel, rows: Sequence[LearnRow]) -> list[float]:
    return [apply_caps(model.score(r.answer.language, r.raw)[0], r.features)[0] for r in rows]


Choice = tuple[float, float, float]  # on-question penalty, quality penalty, on-question floor


def _pooled(rows: Sequence[LearnRow], groups: Sequence[set[str]], choice: Choice) -> list[float]:
    out = [0.0] * len(rows)
    for group in groups:
        fit_rows = [r for r in rows if r.answer.question.id not in group]
        model = fit_model(fit_rows, *choice)
        test = [i for i, r in enumerate(rows) if r.answer.question.id in group]
        for i, s in zip(test, scores(model, [rows[i] for i in test]), strict=True):
            out[i] = s
    return out


def choose(rows: Sequence[LearnRow], groups: Sequence[set[str]]) -> tuple[float, Choice]:
    """The penalties and floor with the best pooled Spearman over `groups` (each group scored by a fit
    without it), read to three decimals; among equals the smaller floor, which holds answers to another
    question lower, then the larger penalties: the smoother model, rather than whichever the grid lists
    first."""
    found = []
    for choice in itertools.product(ON_PENALTIES, QUALITY_PENALTIES, ON_FLOORS):
        rho = spearman(_pooled(rows, groups, choice), [r.answer.grade for r in rows])
        found.append((round(rho, 3), -choice[2], choice))
    rho, _, best = max(found, key=lambda item: (item[0], item[1], item[2][0], item[2][1]))
    return rho, best


def nested_cv(rows: Sequence[LearnRow], groups: Sequence[set[str]]) -> list[float]:
    """Scores of every row by a model whose penalties and weights were chosen without that row's fold."""
    out = [0.0] * len(rows)
    for k, group in enumerate(groups):
        inner = [g for j, g in enumerate(groups) if j != k]
        fit_rows = [r for r in rows if r.answer.question.id not in group]
        _, choice = choose(fit_rows, inner)
        model = fit_model(fit_rows, *choice)
        test = [i for i, r in enumerate(rows) if r.answer.question.id in group]
        for i, s in zip(test, scores(model, [rows[i] for i in test]), strict=True):
            out[i] = s
    return out
