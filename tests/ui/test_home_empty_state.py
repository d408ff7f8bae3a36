"""Home with no sessions: it says what to do and offers to start, where the table would be."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from tests.ui.test_thinking_time import shot


def test_empty_home_says_what_to_do_and_starts_an_interview(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.resize(1100, 700)
    home = window.home
    with qtbot.waitSignal(home.sessions_loaded, timeout=10_000):
        window.go("home")
        home.refresh()
    empty = window.findChild(QWidget, "homeEmptyState")
    start = window.findChild(QPushButton, "emptyStartInterview")
    qtbot.waitUntil(empty.isVisible)
    assert not home.table.isVisible()
    assert "Start a new interview" in home.empty_label.text()
    shot(window, "home_empty", tmp_path)
    start.click()
    assert window.current_page == "setup"
