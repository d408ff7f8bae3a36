"""The scoring benchmark's data and statistics: a fixed split by question, and figures checked on known values."""

from __future__ import annotations

from collections import Counter

from mockmate_desktop.services.scoring_dataset import load, split
from mockmate_desktop.services.scoring_stats import quadratic_kappa, spearman, to_grade


def test_development_set_meets_its_description() -> None:
    answers = load()
    assert len(answers) >= 400 and len({a.question.id for a in answers}) >= 40
    assert {a.language for a in answers} == {"en", "fr", "hi"}
    assert {a.question.difficulty for a in answers} == {"beginner", "intermediate", "experienced", "expert"}
    assert {a.question.type for a in answers} == {"technical", "behavioural"}
    kinds = Counter(a.kind for a in answers)
    for kind in ("stuffed", "synonym", "wrong_question", "padded", "short"):
        assert kinds[kind] >= 40
    assert {a.grade for a in answers} == {1, 2, 3, 4, 5}


def test_split_is_by_question_fixed_and_one_fifth() -> None:
    answers = load()
    train, held = split(answers)
    _, again_held = split(answers)
    assert [a.id for a in held] == [a.id for a in again_held]
    assert not {a.question.id for a in train} & {a.question.id for a in held}
    assert len(held) * 5 == len(answers)
    assert Counter(a.language for a in held) == {"en": 30, "fr": 30, "hi": 30}


def test_statistics_on_known_values() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == 1.0
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0
    assert abs(spearman([1, 2, 2, 3], [1, 2, 3, 4]) - 0.9487) < 1e-3
    assert quadratic_kappa([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]) == 1.0
    assert quadratic_kappa([1, 1, 5, 5], [5, 5, 1, 1]) < 0
    assert [to_grade(s, [2, 4, 6, 8]) for s in (0, 2, 5, 9.5)] == [1, 2, 3, 5]


def test_cross_validation_folds_split_the_training_questions_only_and_evenly() -> None:
    from tests.support.fit_scoring import FOLDS, folds

    train, held = split(load())
    groups = folds(train)
    assert len(groups) == FOLDS
    assert set().union(*groups) == {a.question.id for a in train}
    assert not set().union(*groups) & {a.question.id for a in held}
    assert sum(len(g) for g in groups) == len({a.question.id for a in train})  # disjoint
    language = {a.question.id: a.language for a in train}
    for group in groups:
        assert Counter(language[q] for q in group) == {"en": 3, "fr": 3, "hi": 3}


def test_targets_are_read_from_the_held_out_figures() -> None:
    from mockmate_desktop.services.bench_scoring import targets

    def corr(rho: float, words: float = 0.3) -> dict[str, float]:
        return {"n": 30, "spearman": rho, "qwk": rho, "word_count_spearman": words}

    held = {
        "overall": corr(0.86),
        "by_language": {"en": corr(0.86), "fr": corr(0.80), "hi": corr(0.84)},
        "stuffed_mean": 1.5,
        "grade2_mean": 2.5,
        "synonym_mean": 6.0,
        "worded_excellent_mean": 7.5,
    }
    result = {"held_out": held, "ms_per_answer": {"median": 80.0, "p95": 150.0}, "model_load_s": 0.1}
    met = {name: ok for name, _, ok in targets(result)}
    assert met["Spearman >= 0.85 (adversarial included)"]
    assert met["keyword-stuffed mean <= grade-2 mean"]
    assert not met["synonym-only within 1 point of worded excellent"]  # gap 1.5
    assert met["beats word count by >= 0.1"]
    assert not met["en/fr/hi Spearman within 0.05"]  # spread 0.06
    assert met["<= 100 ms per answer once loaded (median)"]
