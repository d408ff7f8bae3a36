"""The practice plan's wording table: every message in English, Hindi and French with the same placeholders."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain import practice_plan_texts as texts
from mockmate_desktop.domain.enums import Language


@pytest.mark.parametrize("key", texts.message_ids())
def test_every_message_has_all_languages_with_the_same_placeholders(key: str) -> None:
    english = texts.placeholders(key, Language.EN)
    for language in Language:
        assert texts.placeholders(key, language) == english, (key, language)


def test_targets_read_in_the_plans_language() -> None:
    assert texts.target_label("words_per_minute", 100, 165, "wpm", Language.EN) == (
        "words per minute between 100 and 165 wpm"
    )
    assert texts.target_label("words_per_minute", 100, 165, "wpm", Language.FR) == "débit entre 100 et 165 mots/min"
    assert texts.target_label("fillers_per_100_words", None, 6.5, "per 100 words", Language.FR) == (
        "mots de remplissage pour 100 mots au plus 6,5 pour 100 mots"
    )
    assert texts.target_label("words_per_minute", 100, 165, "wpm", Language.HI) == "गति 100 से 165 शब्द/मिनट के बीच"
