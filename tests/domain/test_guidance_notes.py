"""The delivery guidance's notes are in the interview's language where they are translated (French), so a
French report's Delivery tab and PDF do not switch to English under their French headings."""

from __future__ import annotations

from mockmate_desktop.domain.delivery_metrics import guidance_bands


def test_french_guidance_notes_are_french_and_the_figures_do_not_change() -> None:
    english, french = guidance_bands("en"), guidance_bands("fr")
    assert [(b.metric, b.low, b.high, b.unit) for b in english] == [
        (b.metric, b.low, b.high, b.unit) for b in french
    ]
    assert all(e.note != f.note for e, f in zip(english, french, strict=True))
    assert french[0].note.startswith("Le français se dit")
    assert french[-1].source == "heuristique de MockMate, sans norme publiée"
    assert english[-1].source == "MockMate heuristic (no single published norm)"


def test_languages_without_translated_notes_keep_the_english_ones() -> None:
    hindi, english = guidance_bands("hi"), guidance_bands("en")
    assert [b.note for b in hindi[1:]] == [b.note for b in english[1:]]
    assert guidance_bands("xx") == english
