"""The live transcript keeps a word whole where its grey (tentative) part goes on with the last black word."""

from __future__ import annotations

from mockmate_desktop.ui.widgets.transcript_view import TranscriptView


def test_a_tentative_elision_continues_the_committed_word(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = TranscriptView()
    qtbot.addWidget(view)
    view.set_text("Oui, j", "'ai créé un tableau")
    assert view.toPlainText() == "Oui, j'ai créé un tableau"
    view.set_text("Oui, j'ai", "créé un tableau")
    assert view.toPlainText() == "Oui, j'ai créé un tableau"
    view.set_text("", "'ai")
    assert view.toPlainText() == "'ai"
