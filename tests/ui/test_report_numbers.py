"""The report window writes the figures it formats itself (selection chance, category and question scores,
the delivery table) the way the interview's language writes them: "62\u00a0%" and "7,8/10" in French, "62%"
and "7.8/10" in English, as the Markdown and PDF exports do (tests/engine/test_report_numbers.py)."""

from __future__ import annotations

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.ui.report.view import ReportPage
from tests.support.ui_sessions import session_in

NBSP = "\u00a0"


def _open(qtbot, window, language: Language) -> ReportPage:  # type: ignore[no-untyped-def]
    session = session_in(language, "Analyste de données" if language is Language.FR else "Data analyst")
    window.services.store.save_session(session)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    page: ReportPage = window.report
    return page


def _cells(page: ReportPage) -> list[str]:
    table = page.delivery.table
    return [table.item(r, c).text() for r in range(table.rowCount()) for c in range(1, table.columnCount())]


def test_a_french_report_window_writes_decimal_commas_and_a_no_break_space_before_percent(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    page = _open(qtbot, window, Language.FR)
    summary = page.summary
    assert summary.probability_label.text() == f"Probabilité de sélection{NBSP}: 62{NBSP}% (élevée)"
    assert summary.probability.text() == f"62{NBSP}%"
    performance = page.performance.text.toPlainText()
    assert "7,8/10" in performance and "8,2/10" in performance and "7.8" not in performance
    assert page.questions.list.item(0).text().startswith("Q1  (7,5/10)")
    assert page.questions.list.item(1).text().startswith("Q2  (6,5/10)")
    assert "7,5/10" in page.questions.detail.toPlainText()
    # QtCharts writes the figures on the bars and axes itself: in the French locale, with a decimal comma.
    charts = [page.performance.chart, *page.delivery.charts]
    assert len(charts) == 3
    for view in charts:
        assert view.chart().localizeNumbers() and view.chart().locale().decimalPoint() == ","  # type: ignore[attr-defined]
    cells = _cells(page)
    assert "0,8 s" in cells
    assert [c for c in cells if "." in c] == []
    assert any("," in c for c in cells)


def test_an_english_report_window_writes_percent_without_a_space(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = _open(qtbot, window, Language.EN)
    summary = page.summary
    assert summary.probability_label.text() == "Selection probability: 62% (high)"
    assert summary.probability.text() == "62%"
    assert "7.8/10" in page.performance.text.toPlainText()
    assert page.questions.list.item(0).text().startswith("Q1  (7.5/10)")
    assert "0.8 s" in _cells(page)
    assert page.performance.chart is not None and not page.performance.chart.chart().localizeNumbers()


def test_the_performance_tab_writes_category_scores_as_the_pdf_does(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextDocument

    from mockmate_desktop.domain.report_html import performance_body

    page = _open(qtbot, window, Language.FR)
    shown = page.performance.text.toPlainText()
    # A whole score in the short form both views use ("7/10"), never "7,0/10" in one and "7/10" in the other.
    assert "7/10." in shown and "7,0/10" not in shown
    assert page.session is not None and page.session.reports.performance is not None
    printed = QTextDocument()
    printed.setHtml(performance_body(page.session.reports.performance, Language.FR))
    assert shown == printed.toPlainText()
