"""Practise one question in the window: the same service as `mockmate score`, run off the GUI thread."""

from __future__ import annotations


def test_practise_one_question_shows_score_points_and_feedback(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.go("practice")
    page = window.practice
    page.score_button.click()
    qtbot.waitUntil(lambda: "question is empty" in page.error.text(), timeout=30_000)
    page.question.setText("What is an index in a database, and when can an index hurt?")
    page.answer.setPlainText(
        "An index is a sorted B-tree beside the table so the database finds rows without a full scan. "
        "Every insert must update it, so writes get slower and it costs disk; on a boolean column it is wasted."
    )
    page.score_button.click()
    qtbot.waitUntil(lambda: "Score" in page.result.toPlainText(), timeout=60_000)
    shown = page.result.toPlainText()
    assert "/10" in shown and "offline (meaning" in shown
    assert "Expected points" in shown and "To improve" in shown
    assert page.score_button.isEnabled()


def test_a_french_practice_result_is_shown_in_french() -> None:
    from html import unescape

    from mockmate_desktop.domain.enums import Language
    from mockmate_desktop.services.practice import PracticeResult
    from mockmate_desktop.ui.pages.practice import result_html

    result = PracticeResult(
        score=6.5,
        engine="offline (meaning: test)",
        method="meaning",
        criteria=[
            {"name": "completeness", "label": "Complétude", "score": 5.0, "explanation": "Couvre 2 des 4"}
        ],
        evidence=[],
        went_well=[],
        to_improve=["Donnez un chiffre."],
        points=[{"point": "Nature du désaccord", "status": "partly", "quote": "deux collègues"}],
        model_answer="Une bonne réponse décrit le désaccord.",
        language=Language.FR,
    )
    html = unescape(result_html(result))
    for shown in (
        "Note",
        "Critères",
        "Complétude",
        "Points attendus",
        "[en partie]",
        "Réussi",
        "À améliorer",
    ):
        assert shown in html, shown
    assert "Réponse modèle" in html and "Rien pour l'instant" in html
    assert "<b>6,5/10</b>" in html and "Complétude</b> 5/10" in html and "6.5" not in html
    assert not any(
        english in html for english in ("Criteria", "Expected points", "To improve", "Model answer")
    )
