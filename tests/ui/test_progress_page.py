"""The Progress page on a seeded history: chart, filters, opening a session, CSV and PDF export."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from mockmate_desktop.domain.enums import InterviewType
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.ui.main_window import MainWindow
from tests.coaching.conftest import reported_session
from tests.coaching.test_progress import GOOD


def _seed(window: MainWindow) -> list:  # type: ignore[type-arg]
    engine = OfflineEngine()
    store = window.services.store
    seeded = []
    for day, (title, kind, good) in enumerate(
        [("Backend Engineer", InterviewType.TECHNICAL, 0), ("Data Analyst", InterviewType.BEHAVIOURAL, 2),
         ("Backend Engineer", InterviewType.TECHNICAL, 4)]
    ):  # fmt: skip
        session = reported_session(engine, job_title=title, interview_type=kind, answers={i: GOOD for i in range(good)})
        session.created_at = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(days=day)
        store.save_session(session)
        seeded.append(session)
    return seeded


def test_empty_history_says_what_to_do(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.go("progress")
    page = window.progress
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=10_000)
    assert page.start_button.isVisible() and not page.table.isVisible()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert window.current_page == "setup"


def test_chart_filters_open_and_export(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seeded = _seed(window)
    window.go("progress")
    page = window.progress
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=10_000)
    assert page.findChild(type(page._chart), "progressChart") is not None
    assert page.metric_box.currentData() == "overall"
    assert "over 3 interview(s)" in page.summary.text()
    names = [page.metric_box.itemData(i) for i in range(page.metric_box.count())]
    assert "problem_solving" in names and any(n.startswith("competency:") for n in names)
    labels = [page.metric_box.itemText(i) for i in range(page.metric_box.count())]
    assert "Problem solving (0-10)" in labels and "Overall score (0-100)" in labels
    assert page.last_draw_ms < 1000

    page.role.setCurrentIndex(page.role.findData("Backend Engineer"))
    assert page.table.rowCount() == 2 and "over 2 interview(s)" in page.summary.text()
    newest_backend = seeded[2]
    assert page.table.item(0, 0).data(Qt.ItemDataRole.UserRole) == str(newest_backend.id)

    csv_path = tmp_path / "progress.csv"
    page.export_to(csv_path)
    qtbot.waitUntil(csv_path.exists, timeout=10_000)
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text())))
    assert [r["session_id"] for r in rows] == [str(seeded[0].id), str(seeded[2].id)]
    assert rows[1]["overall"] == str(newest_backend.reports.summary.overall_score)

    pdf_path = tmp_path / "progress.pdf"
    page.export_to(pdf_path)
    qtbot.waitUntil(pdf_path.exists, timeout=20_000)
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    assert "MockMate progress" in text and "Backend Engineer" in text and "Data Analyst" not in text

    page.table.setCurrentCell(0, 0)
    page.table.cellActivated.emit(0, 0)
    assert window.current_page == "report"
