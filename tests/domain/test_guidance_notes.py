"""The delivery guidance's notes are in the interview's language (French, Hindi), so a French or Hindi
report's Delivery tab and PDF do not switch to English under their own headings."""

from __future__ import annotations

import re

from mockmate_desktop.domain.delivery_metrics import guidance_bands
from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.report_html import band_span


def test_french_guidance_notes_are_french_and_the_figures_do_not_change() -> None:
    english, french = guidance_bands("en"), guidance_bands("fr")
    assert [(b.metric, b.low, b.high, b.unit) for b in english] == [
        (b.metric, b.low, b.high, b.unit) for b in french
    ]
    assert all(e.note != f.note for e, f in zip(english, french, strict=True))
    assert french[0].note.startswith("Le français se dit")
    assert french[-1].source == "heuristique de MockMate, sans norme publiée"
    assert english[-1].source == "MockMate heuristic (no single published norm)"


def test_hindi_guidance_notes_are_hindi_and_the_figures_do_not_change() -> None:
    english, hindi = guidance_bands("en"), guidance_bands("hi")
    assert [(b.metric, b.low, b.high, b.unit) for b in english] == [
        (b.metric, b.low, b.high, b.unit) for b in hindi
    ]
    # Each note is a Hindi sentence (Devanagari, ending with a danda); English technical words may stay.
    assert all(re.search("[\u0900-\u097f]{4}", b.note) and b.note.endswith("।") for b in hindi)
    assert hindi[0].note.startswith("हिंदी की बोलने की गति")
    assert hindi[-1].source == "MockMate का अपना अनुमान, कोई प्रकाशित मानक नहीं"
    assert [b.source for b in hindi[:3]] == [b.source for b in english[:3]]  # published sources as published


def test_unknown_languages_keep_the_english_notes() -> None:
    assert guidance_bands("xx") == guidance_bands("en")


def test_the_hindi_long_pauses_band_reads_as_a_count_of_pauses() -> None:
    # "अधिकतम 2 दो सेकंड या उससे लंबे ठहराव" read "at most 2 two seconds or longer pauses".
    long_pauses = next(b for b in guidance_bands("hi") if b.metric == "long_pauses")
    assert band_span(long_pauses, Language.HI) == "अधिकतम 2 ठहराव (2 सेकंड या उससे लंबे)"
