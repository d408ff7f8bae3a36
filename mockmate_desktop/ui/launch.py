"""Starts the Qt application around the composed services."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any
from uuid import UUID

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ..app import AppContext
    from .main_window import MainWindow


def build_window(
    app_context: AppContext,
    open_session_id: UUID | None = None,
    *,
    load_speech: bool = True,
    transcribers: dict[str, Any] | None = None,
) -> MainWindow:
    """The window with its services, the speech model loading in the background; used by launch and tests.

    `transcribers` hands in already loaded Whisper models by name (tests load one per test session).
    """
    from .main_window import MainWindow
    from .services import GuiServices

    window = MainWindow(GuiServices(app_context, transcribers=transcribers))
    if load_speech:
        window.speech_status.start()
    if open_session_id is not None:
        window.open_report(open_session_id)
    return window


def qt_application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from .theme import follow_system_theme

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    app.setApplicationName("MockMate")
    app.setApplicationDisplayName("MockMate")
    follow_system_theme(app)
    return app


def launch(app_context: AppContext, *, open_session_id: UUID | None = None) -> int:
    qt_app = qt_application()
    window = build_window(app_context, open_session_id)
    window.show()
    return int(qt_app.exec())
