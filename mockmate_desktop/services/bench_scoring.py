"""`mockmate bench scoring`: how well the offline scores follow the graded development set, on its held-out
fifth, and what scoring by meaning costs (model load, time per answer, memory added).

The split is by question with a fixed seed (`scoring_dataset.SPLIT_SEED`); nothing here is tuned on the
held-out answers. The grade cut points used for kappa are fitted on the training four fifths.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.meaning import MeaningSignals
from ..domain.scoring import ScoringInput, score_answer
from .scoring_dataset import DevAnswer, load, split
from .scoring_stats import quadratic_kappa, spearman, to_grade

ADVERSARIAL = ("stuffed", "synonym", "wrong_question", "padded", "short", "off_topic")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine", choices=("meaning", "keywords"), default="meaning", help="score by meaning or by keywords"
    )
    parser.add_argument("--all", action="store_true", help="also print the figures on the training part")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def _rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Scored:
    answer: DevAnswer
    score: float


def scoring_input(answer: DevAnswer, meaning: MeaningSignals | None) -> ScoringInput:
    q = answer.question
    return ScoringInput(
        question=q.question,
        expected_points=list(q.expected_points),
        behavioural=q.behavioural,
        transcript=answer.text,
        reference=q.model_answer,
        meaning=meaning,
    )


def signals_for(
    answers: Sequence[DevAnswer], embed: Callable[[DevAnswer], MeaningSignals | None]
) -> list[MeaningSignals | None]:
    return [embed(a) for a in answers]


def fit_cuts(scored: Sequence[Scored]) -> list[float]:
    """Four cut points on 0-10 that best turn scores into grades on the given (training) answers."""
    cuts: list[float] = []
    for grade in range(2, 6):
        below = sorted(s.score for s in scored if s.answer.grade < grade)
        above = sorted(s.score for s in scored if s.answer.grade >= grade)
        candidates = sorted(set(below + above))
        best = min(
            candidates,
            key=lambda c: (sum(1 for x in below if x >= c) + sum(1 for x in above if x < c), c),
            default=2.0 * grade - 2,
        )
        cuts.append(max(best, cuts[-1] if cuts else 0.0))
    return cuts


def figures(scored: Sequence[Scored], cuts: Sequence[float]) -> dict[str, Any]:
    def corr(items: Sequence[Scored]) -> dict[str, float]:
        grades = [s.answer.grade for s in items]
        scores = [s.score for s in items]
        words = [float(len(s.answer.text.split())) for s in items]
        return {
            "n": len(items),
            "spearman": round(spearman(scores, grades), 3),
            "qwk": round(quadratic_kappa(grades, [to_grade(x, cuts) for x in scores]), 3),
            "word_count_spearman": round(spearman(words, grades), 3),
        }

    def mean(kind: str | None = None, grade: int | None = None) -> float:
        values = [
            s.score
            for s in scored
            if (kind is None or s.answer.kind == kind) and (grade is None or s.answer.grade == grade)
        ]
        return round(statistics.fmean(values), 2) if values else float("nan")

    languages = sorted({s.answer.language for s in scored})
    kinds = sorted({s.answer.kind for s in scored})
    return {
        "overall": corr(scored),
        "without_adversarial": corr([s for s in scored if s.answer.kind not in ADVERSARIAL]),
        # Per kind: the regular answers plus that one adversarial kind (within one kind the grade is constant).
        "with_kind": {
            k: corr([s for s in scored if s.answer.kind not in ADVERSARIAL or s.answer.kind == k])
            for k in ADVERSARIAL
        },
        "by_language": {lang: corr([s for s in scored if s.answer.language == lang]) for lang in languages},
        "by_type": {
            t: corr([s for s in scored if s.answer.question.type == t])
            for t in sorted({s.answer.question.type for s in scored})
        },
        "mean_by_kind": {k: mean(kind=k) for k in kinds},
        "mean_by_grade": {g: mean(grade=g) for g in range(1, 6)},
        "stuffed_mean": mean(kind="stuffed"),
        "grade2_mean": mean(grade=2),
        "synonym_mean": mean(kind="synonym"),
        "worded_excellent_mean": mean(kind="excellent"),
        "cuts": [round(c, 2) for c in cuts],
    }


def measure(engine: str) -> dict[str, Any]:
    answers = load()
    train, held = split(answers)
    base_rss = _rss_peak_mb()
    load_s = 0.0
    embed: Callable[[DevAnswer], MeaningSignals | None] = lambda a: None  # noqa: E731
    model_name = "keywords"
    bank_entries = 0
    if engine == "meaning":
        from ..engine.semantic.loader import EmbedderLoader, _default_factory
        from ..engine.semantic.measure import measure as measure_meaning

        loader = EmbedderLoader(_default_factory)
        began = time.perf_counter()
        embedder = loader.get()
        load_s = time.perf_counter() - began
        if embedder is None:
            raise RuntimeError(loader.error)
        model_name = embedder.name
        from ..engine.semantic.bank_index import bank_vectors

        bank = bank_vectors(embedder.name)
        bank_entries = len(bank) if bank is not None else 0

        def embed(a: DevAnswer) -> MeaningSignals | None:
            q = a.question
            return measure_meaning(
                embedder,
                q.question,
                a.text,
                q.expected_points,
                q.model_answer,
                english_points=q.english_points,
            )

    def run(items: Sequence[DevAnswer]) -> tuple[list[Scored], list[float]]:
        out, times = [], []
        for a in items:
            began = time.perf_counter()
            result = score_answer(scoring_input(a, embed(a)), a.language)
            times.append(time.perf_counter() - began)
            out.append(Scored(a, result.score))
        return out, times

    load_before = os.getloadavg()[0]
    scored_train, _ = run(train)
    # The held-out questions are new to the caches, as a real interview's questions would be.
    scored_held, times = run(held)
    cuts = fit_cuts(scored_train)
    repeat = run(held[:20])[0]
    deterministic = all(a.score == b.score for a, b in zip(scored_held[:20], repeat, strict=True))
    return {
        "engine": engine,
        "model": model_name,
        "bank_entries": bank_entries,
        "answers": {"train": len(train), "held_out": len(held)},
        "held_out_questions": sorted({a.question.id for a in held}),
        "held_out": figures(scored_held, cuts),
        "train": figures(scored_train, cuts),
        "model_load_s": round(load_s, 2),
        "ms_per_answer": {
            "median": round(1000 * statistics.median(times), 1),
            "p95": round(1000 * sorted(times)[int(0.95 * (len(times) - 1))], 1),
        },
        "memory_added_peak_mb": round(_rss_peak_mb() - base_rss, 1),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cpu_count": os.cpu_count(),
        "deterministic": deterministic,
    }


def _line(name: str, c: dict[str, float]) -> str:
    return (
        f"  {name:<22} n={c['n']:<4} Spearman {c['spearman']:.3f}  QWK {c['qwk']:.3f}  "
        f"(word count {c['word_count_spearman']:.3f})"
    )


def targets(result: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """The issue's targets on the held-out fifth: (name, figure, met)."""
    f = result["held_out"]
    rho = f["overall"]["spearman"]
    by_language = {k: v["spearman"] for k, v in f["by_language"].items()}
    spread = max(by_language.values()) - min(by_language.values()) if by_language else float("nan")
    gap = abs(f["synonym_mean"] - f["worded_excellent_mean"])
    beats = rho - f["overall"]["word_count_spearman"]
    median = result["ms_per_answer"]["median"]
    return [
        ("Spearman >= 0.85 (adversarial included)", f"{rho:.3f}", rho >= 0.85),
        (
            "keyword-stuffed mean <= grade-2 mean",
            f"{f['stuffed_mean']:.2f} vs {f['grade2_mean']:.2f}",
            f["stuffed_mean"] <= f["grade2_mean"],
        ),
        ("synonym-only within 1 point of worded excellent", f"gap {gap:.2f}", gap <= 1.0),
        ("beats word count by >= 0.1", f"{beats:+.3f}", beats >= 0.1),
        (
            "en/fr/hi Spearman within 0.05",
            " / ".join(f"{k} {v:.3f}" for k, v in by_language.items()) + f" (spread {spread:.3f})",
            spread <= 0.05,
        ),
        ("<= 100 ms per answer once loaded (median)", f"{median} ms", median <= 100),
        ("model load <= 2 s", f"{result['model_load_s']:.2f} s", result["model_load_s"] <= 2.0),
    ]


def render(result: dict[str, Any], show_train: bool) -> str:
    lines = [
        f"Scoring benchmark ({result['engine']}: {result['model']}; relevance read against "
        f"{result['bank_entries']} question-bank entries)",
        f"Answers: {result['answers']['train']} training, {result['answers']['held_out']} held out "
        f"(questions {', '.join(result['held_out_questions'])})",
    ]
    parts = [("held-out fifth", result["held_out"])] + (
        [("training part", result["train"])] if show_train else []
    )
    for title, f in parts:
        lines.append(f"On the {title}:")
        lines.append(_line("overall", f["overall"]))
        lines.append(_line("without adversarial", f["without_adversarial"]))
        for lang, c in f["by_language"].items():
            lines.append(_line(f"language {lang}", c))
        for t, c in f["by_type"].items():
            lines.append(_line(f"type {t}", c))
        for k, c in f["with_kind"].items():
            lines.append(_line(f"regular + {k}", c))
        lines.append(
            "  mean score by kind: " + ", ".join(f"{k} {v:.2f}" for k, v in f["mean_by_kind"].items())
        )
        lines.append(
            "  mean score by grade: " + ", ".join(f"{g}: {v:.2f}" for g, v in f["mean_by_grade"].items())
        )
        lines.append(
            f"  stuffed mean {f['stuffed_mean']:.2f} vs grade-2 mean {f['grade2_mean']:.2f}; "
            f"synonym-only excellent {f['synonym_mean']:.2f} vs worded excellent {f['worded_excellent_mean']:.2f}"
        )
        lines.append(
            f"  beats word count by {f['overall']['spearman'] - f['overall']['word_count_spearman']:+.3f} "
            f"(Spearman); grade cut points (fitted on training) {f['cuts']}"
        )
    lines.append(
        f"Cost: model load {result['model_load_s']:.2f} s; per answer median {result['ms_per_answer']['median']} ms, "
        f"p95 {result['ms_per_answer']['p95']} ms; peak memory added {result['memory_added_peak_mb']} MB; "
        f"same input same score: {'yes' if result['deterministic'] else 'NO'}; load average "
        f"{result['load_average'][0]} -> {result['load_average'][1]} on {result['cpu_count']} cores"
    )
    lines.append("Targets (held-out fifth):")
    for name, figure, met in targets(result):
        lines.append(f"  [{'met' if met else 'NOT met'}] {name}: {figure}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    result = measure(args.engine)
    print(json.dumps(result, indent=2) if args.json else render(result, args.all))
    return 0
