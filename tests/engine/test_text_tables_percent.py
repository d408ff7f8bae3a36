"""The worded texts of reports and feedback write a percent sign the way `domain/numbers.py` does: "50%" in
English and Hindi, "50\u00a0%" in French, also where a template types the figure itself ("gives 50 % at
60/100") or puts the sign after a placeholder ("Selection chance {p} % is an estimate")."""

from __future__ import annotations

import re

import pytest

from mockmate_desktop.domain import (
    delivery_metrics,
    report_headings,
    report_text,
    report_words,
    scoring_texts,
)
from mockmate_desktop.engine.offline import analysis_texts, feedback_texts, plan_texts, texts

TABLES: dict[str, dict[str, dict[str, str]]] = {
    "scoring_texts": scoring_texts._T,
    "feedback_texts": feedback_texts.FEEDBACK,
    "model_answer": feedback_texts.MODEL_ANSWER,
    "weakest_hints": feedback_texts.WEAKEST_HINTS,
    "analysis_texts": analysis_texts._T,
    "plan_texts": plan_texts._RATIONALE,
    "texts": texts._TEXTS,
    "strength_of": texts.STRENGTH_OF,
    "improve_of": texts.IMPROVE_OF,
    "report_words": report_words._WORDS,
    "report_headings": report_headings._HEADINGS,
    "report_labels": report_text._LABELS,
    "guidance_notes": delivery_metrics._NOTES,
}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# A figure or a placeholder, then the sign: what is wrong before it depends on the language.
WRONG_BEFORE_PERCENT = {
    "en": re.compile(r"[\d}]\s+%"),
    "hi": re.compile(r"[\d}]\s+%"),
    "fr": re.compile(r"[\d}](?:%| %)"),
}


def _templates(language: str) -> list[tuple[str, str]]:
    return [
        (f"{table}.{key}", PLACEHOLDER.sub("{}", by_language[language]))
        for table, entries in TABLES.items()
        for key, by_language in entries.items()
        if language in by_language
    ]


@pytest.mark.parametrize("language", ["en", "hi", "fr"])
def test_no_template_sets_its_own_percent_sign_the_other_way(language: str) -> None:
    wrong = [
        (name, text) for name, text in _templates(language) if WRONG_BEFORE_PERCENT[language].search(text)
    ]
    assert wrong == []


def test_the_tables_are_read() -> None:
    assert len(_templates("fr")) > 100
