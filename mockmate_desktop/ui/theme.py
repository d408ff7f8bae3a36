"""Follows the system light/dark preference with the Fusion style, and re-applies it when that changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_BASE_QSS = """
QWidget#sidebarPanel { background: palette(alternate-base); border-right: 1px solid palette(midlight); }
QListWidget#sidebar { border: none; font-size: 14px; background: transparent; }
QListWidget#sidebar::item { padding: 9px 12px; border-radius: 6px; margin: 2px 8px; color: palette(window-text); }
QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QListWidget#sidebar::item:hover:!selected { background: palette(midlight); }
QLabel#appName { font-size: 18px; font-weight: 700; padding: 14px 16px 2px 16px; }
QLabel#appTagline { color: palette(mid); font-size: 11px; padding: 0 16px 10px 16px; }
QLabel[role="title"] { font-size: 20px; font-weight: 600; }
QLabel[role="subtitle"] { color: palette(mid); }
QLabel[role="hint"] { color: palette(mid); font-size: 12px; }
QLabel[role="error"] { color: #c62828; }
QLabel[role="state"] { font-size: 16px; font-weight: 600; }
QLabel[role="question"] { font-size: 18px; }
QPushButton[role="primary"] { background: #1a73e8; color: white; border-radius: 6px; padding: 6px 16px;
    font-weight: 600; }
QPushButton[role="primary"]:disabled { background: #9bb9e8; }
"""


def is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#171717",
        QPalette.ColorRole.AlternateBase: "#2a2b2e",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124",
        QPalette.ColorRole.ToolTipBase: "#2d2e31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Mid: "#9aa0a6",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def _light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Mid, QColor("#6b6f76"))
    return palette


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if is_dark(app) else _light_palette(app))
    app.setStyleSheet(_BASE_QSS)


def follow_system_theme(app: QApplication) -> None:
    apply_theme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
