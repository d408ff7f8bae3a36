"""Issue 17: untrusted text (job titles, Gemini's questions, engine notes) is shown as plain text in Qt.

A QLabel or tooltip in its default mode renders anything that looks like markup as rich text: an <img>
or a styled block in a question would be drawn, not shown. Labels that carry such text are plain text;
tooltips and message boxes escape it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from mockmate_desktop.domain.enums import Source
from tests.support.ui_sessions import complete_session

MARKUP = "<img src='file:///etc/passwd'><b style='font-size:90px'>Boss</b>"


def test_report_title_question_tooltips_and_notes_are_plain_text(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    session = complete_session(Source.OFFLINE, job_title=f"Dev {MARKUP}")
    session.questions[0].text = f"Explain {MARKUP}?"
    session.engine_notes.append(f"note {MARKUP}")
    assert session.reports.questions is not None
    session.reports.questions.items[0].question = session.questions[0].text
    window.services.store.save_session(session)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    page = window.report
    for label in (page.title, page.provenance):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in page.title.text() and MARKUP in page.provenance.text()
    tooltip = page.questions.list.item(0).toolTip()
    assert "&lt;img" in tooltip and "<img" not in tooltip
    assert window.interview.question_label.textFormat() == Qt.TextFormat.PlainText
