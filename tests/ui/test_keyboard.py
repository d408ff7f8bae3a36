"""Keyboard use: a visible focus ring on every kind of control, Tab out of the sessions table to its buttons,
Enter on a session row opens its report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from mockmate_desktop.ui.theme import apply_theme


def _looks(widget: QWidget) -> bytes:
    image = widget.grab().toImage()
    return bytes(image.constBits())


def _focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=5_000)


def test_every_kind_of_control_shows_focus(qtbot, window) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        page = window.setup
        page.job_title.setText("QA Engineer")
        controls = [
            page.job_title,
            page.job_description,
            page.load_jd_button,
            page.interview_type,
            page.question_count,
            page.voice_radio,
            page.start_button,
            window.settings_page.rate,  # a slider
            window.settings_page.theme,  # a combo box in a card
            window.report.tabs.tabBar(),
        ]
        for control in controls:
            owner = next(key for key, p in window.pages.items() if p.isAncestorOf(control))
            window.go(owner)
            window.sidebar.setFocus()
            qtbot.waitUntil(lambda c=control: not c.hasFocus(), timeout=5_000)  # type: ignore[misc]
            before = _looks(control)
            _focus(qtbot, control)
            assert _looks(control) != before, f"{type(control).__name__} shows no focus in the {theme} theme"


def test_tab_leaves_the_sessions_table_and_enter_opens_a_row(qtbot, window) -> None:
    window.services.open_demo()
    window.go("home")
    home = window.home
    qtbot.waitUntil(lambda: home.table.rowCount() > 0, timeout=10_000)
    assert not home.table.tabKeyNavigation()
    home.table.selectRow(0)
    home.table.setFocus()
    qtbot.keyClick(home.table, Qt.Key.Key_Return)
    assert window.current_page == "report"
