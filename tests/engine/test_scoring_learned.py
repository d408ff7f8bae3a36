"""The learned combination of the rubric by meaning: monotone in every quality criterion, lowered only by
general claims and by doubt about the question, explained in the relevance criterion."""

from __future__ import annotations

import itertools

from mockmate_desktop.domain.scoring_learned import (
    DEFAULT_LEARNED,
    ON_QUESTION_INPUTS,
    QUALITY_INPUTS,
    LanguageScale,
)

BASE = {
    "bank_margin": 0.1,
    "bank_z": 0.5,
    "relevance_z": 0.4,
    "structure": 0.5,
    "specificity": 0.5,
    "completeness": 0.5,
    "length": 0.8,
    "claims": 0.2,
}


def test_signs_keep_the_score_from_being_gamed_upwards() -> None:
    for name in QUALITY_INPUTS:
        weight = DEFAULT_LEARNED.quality_weights[name]
        assert weight <= 0 if name == "claims" else weight >= 0
    for name in ON_QUESTION_INPUTS:
        assert DEFAULT_LEARNED.on_weights[name] > 0


def test_more_of_any_reading_never_lowers_the_score_and_claims_never_raise_it() -> None:
    for language, name in itertools.product(("en", "fr", "hi", "xx"), BASE):
        low, _, _ = DEFAULT_LEARNED.score(language, BASE)
        high, _, _ = DEFAULT_LEARNED.score(language, {**BASE, name: BASE[name] + 0.3})
        assert (high <= low) if name == "claims" else (high >= low), (language, name)


def test_score_is_quality_times_the_chance_of_being_on_the_question_with_a_floor() -> None:
    score, on_question, quality = DEFAULT_LEARNED.score("en", BASE)
    floor = DEFAULT_LEARNED.on_floor
    assert 0 < on_question < 1 and 0 <= quality <= 10
    assert abs(score - quality * (floor + (1 - floor) * on_question)) < 1e-9
    off, p_off, _ = DEFAULT_LEARNED.score(
        "en", {**BASE, "bank_margin": -1.0, "bank_z": -0.5, "relevance_z": -1}
    )
    assert p_off < 0.2 and off < score


def test_an_unknown_language_is_read_on_the_english_scale() -> None:
    assert DEFAULT_LEARNED.scale.apply("de", BASE) == DEFAULT_LEARNED.scale.apply("en", BASE)
    assert LanguageScale({}).apply("fr", BASE) == BASE
