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
