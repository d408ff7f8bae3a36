"""Report view tabs, provenance labels, and the history on the home page, over the real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCharts import QChartView

from mockmate_desktop.domain.enums import SessionStatus, Source
from tests.support.ui_sessions import complete_session


def test_report_shows_every_tab_and_the_engine(qtbot, window) -> None:
    session = complete_session(Source.OFFLINE)
    window.services.store.save_session(session)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    page = window.report
    assert window.current_page == "report"
    assert page.badge.text() == "Offline heuristic"
    assert "Offline engine" in page.provenance.text()
    assert page.summary.gauge.score == 68
    assert page.summary.probability.value() == 62
    assert "Solid, specific answers" in page.summary.text.toPlainText()
    assert page.performance.chart is not None and isinstance(page.performance.chart, QChartView)
    assert "AWS not mentioned" in page.performance.text.toPlainText()
    assert "Collaborative." in page.performance.text.toPlainText()
    assert page.questions.list.count() == 3
    page.questions.list.setCurrentRow(1)
    detail = page.questions.detail.toPlainText()
    assert "SQL and NoSQL" in detail and "Model answer" in detail and "Situation" in detail
    assert len(page.delivery.charts) == 2
    assert page.delivery.table.rowCount() == 4  # whole interview + three answers
    assert page.delivery.table.item(1, 2).text() == "120"
    assert "100–165 words/min" in page.delivery.text.toPlainText()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert page.tabs.currentWidget().isVisible()


def test_demo_and_gemini_reports_are_labelled(qtbot, window) -> None:
    demo = complete_session(Source.CACHED, demo=True)
    window.services.store.save_session(demo)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(demo.id)
    assert window.report.badge.text() == "Cached replay · Demo"
    assert "(demo)" in window.report.title.text()
    assert "Demo session" in window.report.provenance.text()
    gemini = complete_session(Source.GEMINI)
    window.services.store.save_session(gemini)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(gemini.id)
    assert window.report.badge.text() == "Gemini"
    assert "Gemini" in window.report.summary.source_label.text()


def test_history_lists_opens_exports_and_deletes(qtbot, window, tmp_path: Path) -> None:
    store = window.services.store
    done = complete_session(Source.OFFLINE, job_title="Data Engineer")
    interrupted = complete_session(Source.OFFLINE, job_title="QA Lead", status=SessionStatus.IN_PROGRESS,
                                   answered=1)
    store.save_session(done)
    store.save_session(interrupted)
    home = window.home
    with qtbot.waitSignal(home.sessions_loaded, timeout=10_000):
        window.go("home")
    assert home.table.rowCount() == 2
    titles = {home.table.item(r, 1).text(): r for r in range(2)}
    assert set(titles) == {"Data Engineer", "QA Lead"}
    row = titles["QA Lead"]
    assert home.table.item(row, 6).text() == "Interrupted"
    assert home.table.item(row, 3).text() == "—"
    assert home.table.item(row, 5).text() == "No"
    home.select_session(interrupted.id)
    assert home.continue_button.isEnabled() and not home.open_button.isEnabled()
    home.select_session(done.id)
    assert home.open_button.isEnabled() and not home.continue_button.isEnabled()
    assert home.table.item(titles["Data Engineer"], 3).text() == "68"

    target = tmp_path / "export.json"
    home.export_selected_to(target)
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    exported = json.loads(target.read_text())
    assert exported["config"]["job_title"] == "Data Engineer"
    assert [q["answer"]["transcript"][:8] for q in exported["questions"]] == ["At my la", "It depen", "We disag"]
    assert exported["reports"]["summary"]["overall_score"] == 68

    archive = tmp_path / "session.zip"
    home.export_selected_to(archive)
    markdown = tmp_path / "report.md"
    home.export_selected_to(markdown)
    pdf = tmp_path / "report.pdf"
    home.export_selected_to(pdf)
    qtbot.waitUntil(lambda: archive.exists() and markdown.exists() and pdf.exists(), timeout=20_000)
    assert "Data Engineer" in markdown.read_text()
    assert "### Q1: Tell me about a time" in markdown.read_text()
    assert pdf.read_bytes().startswith(b"%PDF-")
    # The Export button opens the formats; none of them may receive the button's clicked(bool).
    assert [a.text() for a in home.export_menu.actions()] == [
        "PDF report…", "Markdown report…", "Whole session with recordings…"
    ]

    with qtbot.waitSignal(home.sessions_loaded, timeout=10_000):
        home.delete_selected(confirmed=True)
    assert home.table.rowCount() == 1
    assert home.table.item(0, 1).text() == "QA Lead"
    assert not store.has_session(done.id)


def test_first_run_screen_is_shown_once(qtbot, ctx) -> None:
    from mockmate_desktop.app import AppContext
    from mockmate_desktop.ui.launch import build_window

    ctx.settings.first_run_done = False
    win = build_window(ctx, load_speech=False)
    qtbot.addWidget(win)
    assert win.current_page == "first_run"
    assert not win.sidebar.isEnabled()
    win.first_run.start_button.click()
    assert win.current_page == "home"
    qtbot.waitUntil(lambda: ctx.paths.settings_path.exists(), timeout=10_000)
    assert win.tasks.wait_for_done(10_000)
    win.close()
    again = build_window(AppContext.create(), load_speech=False)
    qtbot.addWidget(again)
    assert again.current_page == "home"
    again.close()


def test_a_typed_interview_shows_no_measured_zeros_on_the_delivery_tab(qtbot, window) -> None:
    from mockmate_desktop.domain.delivery import DeliveryMetrics

    session = complete_session(Source.OFFLINE)
    assert session.reports.delivery is not None
    session.reports.delivery = session.reports.delivery.model_copy(
        update={"per_answer": [], "overall": DeliveryMetrics()}
    )
    window.services.store.save_session(session)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    page = window.report
    page.tabs.setCurrentWidget(page.delivery)
    text = page.delivery.text.toPlainText()
    assert "No spoken answers" in text and "100–165 words/min" in text
    # Neither a table of zeros nor "none detected" for words that were never heard.
    assert not page.delivery.table.isVisible() and page.delivery.table.rowCount() == 0
    assert "none detected" not in text and page.delivery.charts == []
    # A spoken interview opened after it shows its table again.
    spoken = complete_session(Source.OFFLINE)
    window.services.store.save_session(spoken)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(spoken.id)
    page.tabs.setCurrentWidget(page.delivery)
    assert page.delivery.table.isVisible() and page.delivery.table.rowCount() == 4
