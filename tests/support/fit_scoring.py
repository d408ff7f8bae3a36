"""Fits the parameters of the rubric by meaning on the training four fifths of the development set.

`python -m tests.support.fit_scoring [--cache FILE]` (from the repository root) prints the best thresholds and weights and
their Spearman on the training part only; the held-out fifth is never looked at here (see
`mockmate bench scoring` for it). The printed values are copied into `domain.scoring_meaning.MeaningModel`.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from mockmate_desktop.domain.meaning import MeaningSignals
from mockmate_desktop.domain.scoring_by_meaning import combine, criteria_for
from mockmate_desktop.domain.scoring_meaning import DEFAULT_MODEL, MeaningFeatures, MeaningModel, features
from mockmate_desktop.services.bench_scoring import scoring_input
from mockmate_desktop.services.scoring_dataset import DevAnswer, load, split
from mockmate_desktop.services.scoring_stats import spearman

_NAMES = ("relevance", "structure", "specificity", "completeness")


def _signals(answers: Sequence[DevAnswer], cache: Path | None) -> dict[str, MeaningSignals | None]:
    if cache is not None and cache.is_file():
        loaded: dict[str, MeaningSignals | None] = pickle.loads(cache.read_bytes())
        if all(a.id in loaded for a in answers):
            return loaded
    from mockmate_desktop.engine.semantic.e5 import E5Embedder
    from mockmate_desktop.engine.semantic.measure import measure

    embedder = E5Embedder()
    found = {
        a.id: measure(
            embedder, a.question.question, a.text, a.question.expected_points, a.question.model_answer
        )
        for a in answers
    }
    if cache is not None:
        cache.write_bytes(pickle.dumps(found))
    return found


def _table(
    answers: Sequence[DevAnswer], signals: dict[str, MeaningSignals | None], model: MeaningModel
) -> list[tuple[DevAnswer, dict[str, float], MeaningFeatures]]:
    rows = []
    for a in answers:
        s = signals[a.id]
        if s is None:
            continue
        f = features(s, a.text, list(a.question.expected_points), model)
        criteria, _ = criteria_for(scoring_input(a, s), f, s, model)
        rows.append((a, {c.name: c.score for c in criteria}, f))
    return rows


def _rho(
    rows: Sequence[tuple[DevAnswer, dict[str, float], MeaningFeatures]], weights: dict[str, float]
) -> float:
    scores = [combine(v, weights, f)[0] for _, v, f in rows]
    return spearman(scores, [a.grade for a, _, _ in rows])


def fit(train: Sequence[DevAnswer], signals: dict[str, MeaningSignals | None]) -> tuple[MeaningModel, float]:
    best_model, best_rho = DEFAULT_MODEL, -1.0
    grid = itertools.product((0.0, 0.5, 1.0), (2.0, 3.0), (-0.5, 0.0, 0.3), (2.5, 3.0, 3.5), (1.0, 1.5, 2.0))
    steps = [i / 10 for i in range(1, 8)]
    for floor, span, off, full, part in grid:
        if part >= full:
            continue
        model = replace(
            DEFAULT_MODEL,
            relevance_floor=floor,
            relevance_span=span,
            off_topic_z=off,
            cover_full=full,
            cover_part=part,
        )
        rows = _table(train, signals, model)
        for combo in itertools.product(steps, repeat=4):
            if abs(sum(combo) - 1.0) > 1e-9:
                continue
            weights = {**dict(zip(_NAMES, combo, strict=True)), "delivery": DEFAULT_MODEL.weights["delivery"]}
            rho = _rho(rows, weights)
            if rho > best_rho:
                best_rho, best_model = rho, replace(model, weights=weights)
    return best_model, best_rho


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--cache", type=Path, default=None, help="pickle of the similarities, reused if present"
    )
    args = parser.parse_args()
    answers = load()
    train, _ = split(answers)
    signals = _signals(train, args.cache)
    model, rho = fit(train, signals)
    print(f"training answers: {len(train)}; Spearman on training {rho:.3f}")
    print(model)


if __name__ == "__main__":
    main()
