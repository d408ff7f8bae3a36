"""The scorer's wording table: every message in English, Hindi and French with the same placeholders."""

from __future__ import annotations

import re

import pytest

from mockmate_desktop.domain import scoring_texts
from mockmate_desktop.domain.delivery_bands import BandReading
from mockmate_desktop.domain.scoring_texts import listing

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# Messages with no words of their own: the same in every language.
WORDLESS = {"separator", "band_range"}


@pytest.mark.parametrize("key", scoring_texts.message_ids())
def test_every_message_has_all_languages_with_the_same_placeholders(key: str) -> None:
    english = scoring_texts.placeholders(key, "en")
    for language in scoring_texts.LANGUAGES:
        assert scoring_texts.placeholders(key, language) == english, (key, language)


@pytest.mark.parametrize("key", sorted(set(scoring_texts.message_ids()) - WORDLESS))
def test_hindi_is_in_devanagari_and_french_is_not_the_english(key: str) -> None:
    values = dict.fromkeys(scoring_texts.placeholders(key, "en"), 1)
    english = scoring_texts.say(key, "en", **values)
    assert DEVANAGARI.search(scoring_texts.say(key, "hi", **values))
    assert scoring_texts.say(key, "fr", **values) != english


def test_part_names_and_units_exist_in_every_language() -> None:
    for name in scoring_texts.PARTS:
        assert all(scoring_texts.part(name, lang) for lang in scoring_texts.LANGUAGES)
    assert [scoring_texts.part(p, "hi") for p in ("situation", "result")] == ["स्थिति", "नतीजा"]
    assert scoring_texts.listing([], "fr") == "aucun" and scoring_texts.told([], "hi") == ""
    for metric, names in scoring_texts.UNITS.items():
        assert set(names) == {"hi", "fr"}, metric


def test_bands_keep_their_english_wording_and_are_translated_elsewhere() -> None:
    pace = BandReading("words_per_minute", 185.0, "high", 100, 165, "wpm")
    fillers = BandReading("fillers_per_100_words", 25.0, "high", None, 6, "per 100 words")
    assert (pace.band(), pace.figure(), fillers.band()) == (
        "100-165 wpm",
        "185 wpm",
        "at most 6 per 100 words",
    )
    assert (pace.band("fr"), fillers.band("fr")) == ("100-165 mots/min", "au plus 6 pour 100 mots")
    assert fillers.band("hi") == "अधिकतम 6 प्रति 100 शब्द" and pace.figure("hi") == "185 शब्द/मिनट"


def test_an_unknown_language_falls_back_to_english() -> None:
    assert scoring_texts.say("cap_no_answer", "de") == scoring_texts.say("cap_no_answer", "en")


def test_missing_points_are_listed_with_the_languages_own_separator() -> None:
    # Seen in a French report: "manquants : Un cas réel; Des outils" (French sets a space before ";").
    from mockmate_desktop.domain.scoring import score_answer
    from mockmate_desktop.domain.scoring_models import ScoringInput

    data = ScoringInput(
        question="Décrivez un échec.",
        expected_points=["Un vrai échec", "Sa propre part", "Enseignement tiré"],
        transcript="Je ne sais pas trop quoi dire sur ce sujet aujourd'hui.",
    )
    french = score_answer(data, "fr").criterion("completeness")
    english = score_answer(data, "en").criterion("completeness")
    assert french is not None and "Un vrai échec ; Sa propre part ; Enseignement tiré" in french.explanation
    assert english is not None and "Un vrai échec; Sa propre part; Enseignement tiré" in english.explanation


def test_a_shortened_list_says_there_were_more() -> None:
    """ "5 named tools (Sales, SQL, Data cleaning, Python)" read as a miscount."""
    tools = ["Sales", "SQL", "Data cleaning", "Python", "Power BI"]
    assert listing(tools, "en", shown=4) == "Sales, SQL, Data cleaning, Python, …"
    assert listing(tools, "en", shown=5) == "Sales, SQL, Data cleaning, Python, Power BI"
    assert listing([], "en", shown=4) == listing([], "en")
