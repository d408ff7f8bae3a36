"""Home with no sessions: it says what to do and offers to start, where the table would be."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from mockmate_desktop.ui.launch import build_window
from tests.conftest import FIXTURES
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


def test_a_vanished_database_shows_the_recovery_card_in_the_tables_place(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = ctx.paths.audio_dir / "0f0e0d0c-0000-4000-8000-000000000001"  # a recording, no database
    folder.mkdir(parents=True)
    (folder / "answer.wav").write_bytes((FIXTURES / "speech" / "jfk.wav").read_bytes())
    home_window = build_window(ctx, load_speech=False)
    qtbot.addWidget(home_window)
    home_window.resize(1100, 700)
    home_window.show()
    home = home_window.home
    qtbot.waitUntil(lambda: home.recovery.isVisible(), timeout=10_000)
    assert not home.empty_state.isVisible() and not home.table.isVisible()
    # Right under "Past sessions", not pushed to the bottom of the page.
    top = home.recovery.mapTo(home, home.recovery.rect().topLeft()).y()
    assert top < home.height() // 2
    shot(home_window, "home_recovery", tmp_path)
    home_window.close()
    assert home_window.tasks.wait_for_done(60_000)
