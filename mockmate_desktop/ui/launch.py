"""Starts the Qt application around the composed services."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..app import AppContext


def launch(app_context: AppContext) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    qt_app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("MockMate")
    window.setCentralWidget(QLabel(f"MockMate — data in {app_context.paths.home}"))
    window.resize(1000, 700)
    window.show()
    return int(qt_app.exec())
