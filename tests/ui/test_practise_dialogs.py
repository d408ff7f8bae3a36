"""Practise again and the practice plan in the window: typed, and spoken through the virtual microphone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from mockmate_desktop.domain.delivery import DeliveryMetrics
from mockmate_desktop.domain.reports import DeliveryReport
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.ui.main_window import MainWindow
from mockmate_desktop.ui.plan_dialog import PlanDialog
from mockmate_desktop.ui.practise_dialog import PractiseDialog, open_practise
from tests.coaching.conftest import reported_session
from tests.coaching.test_practise_again import STRONG_PAGINATION
from tests.conftest import FIXTURES
from tests.support.pulse import virtual_mic_fixture

virtual_mic = virtual_mic_fixture("module")


def _dialog(window: MainWindow, kind: type[Any]) -> Any:
    found = [w for w in window.findChildren(kind) if w.isVisible()]
    return found[-1] if found else None


def test_typed_re_answer_side_by_side(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    session = reported_session(OfflineEngine())
    window.services.store.save_session(session)
    question = next(q for q in session.questions if "pagination" in q.text)
    open_practise(window.shell, window, session.id, [question.id])
    qtbot.waitUntil(lambda: _dialog(window, PractiseDialog) is not None, timeout=10_000)
    dialog: PractiseDialog = _dialog(window, PractiseDialog)
    assert dialog.heading.text().startswith("Q3: ") and not dialog.next_button.isVisible()
    dialog.typed.setPlainText(STRONG_PAGINATION)
    qtbot.mouseClick(dialog.score_typed, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=20_000)
    assert dialog.last_result is not None and dialog.last_result.comparison.score_delta > 2
    assert "→" in dialog.status.text() and "+" in dialog.status.text()
    assert "Now covered" in dialog.changes.toPlainText()
    assert "cursor" in dialog.after.toPlainText()
    assert window.services.store.list_attempts(session.id, question.id)[0].transcript == STRONG_PAGINATION
    dialog.close()


def test_plan_dialog_starts_a_focused_drill(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    session = reported_session(OfflineEngine())
    session.reports.delivery = DeliveryReport(  # type: ignore[union-attr]
        source=session.reports.summary.source,  # type: ignore[union-attr]
        overall=DeliveryMetrics(duration_s=60, word_count=120, words_per_minute=124, fillers_per_100_words=11.0,
                                fillers_per_minute=13.0),
    )  # fmt: skip
    window.services.store.save_session(session)
    plan = window.services.coaching().plan(session.id)
    dialog = PlanDialog(window.shell, window, session, plan)
    dialog.show()
    assert "0 of" in dialog.summary.text()
    button = dialog.findChild(QPushButton, "drillStart0")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    practise = _dialog(window, PractiseDialog)
    assert practise is not None and practise.question_id == plan.drills[0].question_ids[0]
    practise.close()
    dialog.close()


@pytest.mark.slow
@pytest.mark.audio
def test_spoken_re_answer_through_the_microphone(qtbot, speech_window: MainWindow, virtual_mic) -> None:  # type: ignore[no-untyped-def]
    window = speech_window
    session = reported_session(OfflineEngine())
    window.services.store.save_session(session)
    open_practise(window.shell, window, session.id, [session.questions[0].id])
    qtbot.waitUntil(lambda: _dialog(window, PractiseDialog) is not None, timeout=10_000)
    dialog: PractiseDialog = _dialog(window, PractiseDialog)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    playback = virtual_mic.play(FIXTURES / "speech" / "jfk.wav")
    assert playback.wait(60) == 0
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)  # Stop
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=120_000)
    attempt = dialog.last_result.attempt  # type: ignore[union-attr]
    assert "country" in attempt.transcript.lower()
    assert attempt.delivery is not None and attempt.delivery.words_per_minute > 0
    assert attempt.audio_path and window.services.store.resolve(attempt.audio_path).stat().st_size > 16_000
    dialog.close()


def test_progress_page_opens_the_plan_of_the_selected_interview(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    session = reported_session(OfflineEngine())
    window.services.store.save_session(session)
    window.go("progress")
    qtbot.waitUntil(lambda: window.progress.table.rowCount() == 1, timeout=10_000)
    window.progress.table.setCurrentCell(0, 0)
    qtbot.mouseClick(window.progress.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _dialog(window, PlanDialog) is not None, timeout=10_000)
    plan_dialog: PlanDialog = _dialog(window, PlanDialog)
    assert "drills done" in plan_dialog.summary.text()
    assert window.services.store.get_plan(session.id) is not None
    plan_dialog.close()


def test_report_offers_practise_again_and_the_plan(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    session = reported_session(OfflineEngine())
    window.services.store.save_session(session)
    window.open_report(session.id)
    report = window.report
    qtbot.waitUntil(lambda: report.plan_button.isEnabled(), timeout=10_000)
    report.tabs.setCurrentWidget(report.questions)
    report.questions.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: report.questions.practise_button.isVisible(), timeout=5_000)
    qtbot.mouseClick(report.questions.practise_button, Qt.MouseButton.LeftButton)
    practise = _dialog(window, PractiseDialog)
    assert practise is not None and practise.question_id == session.reports.questions.items[0].question_id  # type: ignore[union-attr]
    practise.close()
    qtbot.mouseClick(report.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _dialog(window, PlanDialog) is not None, timeout=10_000)
    _dialog(window, PlanDialog).close()


def test_the_dialog_says_gemini_scored_both_answers_or_why_not(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A Gemini interview re-answered in the window: the real SDK against the local Gemini-compatible server,
    once answering, once failing (the offline rubric scores instead, and the dialog says why)."""
    from tests.coaching.test_gemini_attempts import STRONG, gemini_session
    from tests.support.fake_gemini import FakeGeminiServer
    from tests.support.gemini_server import Fault

    with FakeGeminiServer() as server:
        session = gemini_session(server)
        window.services.store.save_session(session)
        settings = window.services.settings
        settings.gemini_api_key = server.api_key  # type: ignore[assignment]
        settings.gemini_base_url = server.base_url
        for fault, scorer in ((Fault.OK, f"Gemini ({settings.gemini_model})"), (Fault.INVALID_KEY, "the offline rubric")):
            server.push(fault)
            dialog = PractiseDialog(window.shell, window, session, [session.questions[0].id])
            dialog.show()
            dialog.typed.setPlainText(STRONG)
            qtbot.mouseClick(dialog.score_typed, Qt.MouseButton.LeftButton)
            assert not dialog.score_typed.isEnabled()  # one click, one attempt
            qtbot.waitUntil(lambda d=dialog: d.last_result is not None, timeout=30_000)
            status = dialog.status.text()
            assert f"Both answers scored by {scorer}" in status, status
            assert f"scored by {scorer}" in dialog.before.toPlainText()
            assert f"scored by {scorer}" in dialog.after.toPlainText()
            assert ("Gemini could not score this attempt" in status) == (fault is Fault.INVALID_KEY)
            assert dialog.score_typed.isEnabled()
            dialog.close()
