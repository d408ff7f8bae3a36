"""Light, dark or the system's choice, on the Fusion style, with one spacing and type scale for every page.

Type scale (px): caption 12, body 13, section 15, question 18, title 22. Spacing: 4, 8, 12, 16, 24.
Every focusable control shows a 2 px accent ring when it has keyboard focus; its unfocused border is
also 2 px (in a quiet colour), so focus never makes the layout move.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionComplex, QWidget

THEMES = (("system", "Same as the system"), ("light", "Light"), ("dark", "Dark"))
_THEME_PROPERTY = "mockmateTheme"

SPACE_S, SPACE_M, SPACE_L, SPACE_XL = 8, 12, 16, 24


@dataclass(frozen=True)
class Colours:
    accent: str
    accent_text: str
    accent_soft: str
    border: str
    card: str
    error: str
    muted: str
    disabled_accent: str


_LIGHT = Colours(
    accent="#1a73e8",
    accent_text="#ffffff",
    accent_soft="#d2e3fc",
    border="#c4c7cc",
    card="#ffffff",
    error="#c62828",
    muted="#5f6368",
    disabled_accent="#9bb9e8",
)
_DARK = Colours(
    accent="#8ab4f8",
    accent_text="#202124",
    accent_soft="#2b3a55",
    border="#4a4d52",
    card="#292a2d",
    error="#f28b82",
    muted="#9aa0a6",
    disabled_accent="#4b5d7a",
)

_QSS = """
QWidget#sidebarPanel {{ background: palette(alternate-base); border-right: 1px solid {border}; }}
QListWidget#sidebar {{ border: none; outline: 0; font-size: 14px; background: transparent; }}
QListWidget#sidebar::item {{ padding: 7px 10px; border-radius: 6px; margin: 2px 8px; color: palette(window-text);
    border: 2px solid transparent; }}
QListWidget#sidebar::item:focus {{ border: 2px solid {accent}; }}
QListWidget#sidebar::item:selected:focus {{ border: 2px solid palette(window-text); }}
QListWidget#sidebar::item:selected {{ background: {accent}; color: {accent_text}; }}
QListWidget#sidebar::item:hover:!selected {{ background: {accent_soft}; }}
QLabel#appName {{ font-size: 18px; font-weight: 700; padding: 16px 16px 2px 16px; }}
QLabel#appTagline {{ color: {muted}; font-size: 12px; padding: 0 16px 12px 16px; }}
QLabel[role="title"] {{ font-size: 22px; font-weight: 600; padding-bottom: 4px; }}
QLabel[role="section"] {{ font-size: 15px; font-weight: 600; }}
QLabel[role="subtitle"] {{ color: {muted}; }}
QLabel[role="hint"] {{ color: {muted}; font-size: 12px; }}
QLabel[role="error"] {{ color: {error}; }}
QLabel[role="ok"] {{ color: {muted}; font-size: 12px; }}
QLabel[role="state"] {{ font-size: 15px; font-weight: 600; }}
QLabel[role="question"] {{ font-size: 18px; }}
QLabel[role="empty"] {{ color: {muted}; font-size: 13px; padding: 24px; border: 2px dashed {border};
    border-radius: 8px; }}

QFrame[role="card"], QGroupBox {{ background: {card}; border: 1px solid {border}; border-radius: 8px; }}
QGroupBox {{ font-weight: 600; padding: 36px 12px 12px 12px; }}
QGroupBox::title {{ subcontrol-origin: padding; subcontrol-position: top left; left: 16px; top: 12px; }}
QGroupBox > QWidget {{ font-weight: normal; }}

QPushButton {{ outline: none; background: palette(button); color: palette(button-text); border: 2px solid {border};
    border-radius: 6px; padding: 5px 14px; min-height: 20px; }}
QPushButton:hover {{ background: {accent_soft}; }}
QPushButton:checked {{ background: {accent_soft}; }}
QPushButton:disabled {{ color: {muted}; }}
QPushButton[role="primary"] {{ background: {accent}; color: {accent_text}; border-color: {accent};
    font-weight: 600; }}
QPushButton[role="primary"]:disabled {{ background: {disabled_accent}; border-color: {disabled_accent}; }}
QPushButton:focus {{ border: 2px solid {accent}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid palette(window-text); }}

QLineEdit, QPlainTextEdit, QTextEdit, QTextBrowser, QTableWidget, QTableView {{
    border: 2px solid {border}; border-radius: 6px; background: palette(base); }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QTextBrowser:focus, QTableWidget:focus,
QTableView:focus {{ border: 2px solid {accent}; }}
QLineEdit[invalid="true"] {{ border: 2px solid {error}; }}
QCheckBox, QRadioButton {{ padding: 2px 4px; border: 2px solid transparent; border-radius: 6px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {accent}; }}
QSlider {{ border: 2px solid transparent; border-radius: 6px; }}
QSlider:focus {{ border: 2px solid {accent}; }}
QTabBar::tab:focus {{ text-decoration: underline; }}
QTableView::item:focus {{ border: 1px solid {accent}; }}
"""


class _FocusRingStyle(QProxyStyle):
    """Fusion, plus the accent ring on combo and spin boxes (styling those in QSS loses their arrows)."""

    def __init__(self, accent: str) -> None:
        super().__init__("Fusion")
        self._accent = QColor(accent)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if focused and control in (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self._accent, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3)
            painter.restore()


def resolve(choice: str, app: QApplication) -> str:
    """'light' or 'dark': the user's choice, or for 'system' what the desktop currently prefers."""
    if choice in ("light", "dark"):
        return choice
    return "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def is_dark(app: QApplication) -> bool:
    return resolve(str(app.property(_THEME_PROPERTY) or "system"), app) == "dark"


def colours(app: QApplication) -> Colours:
    return _DARK if is_dark(app) else _LIGHT


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
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
        QPalette.ColorRole.Midlight: "#3c4043",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Link: "#8ab4f8",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8389"))
    return palette


def _light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#eef0f3"))
    palette.setColor(QPalette.ColorRole.Mid, QColor("#6b6f76"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1a73e8"))
    return palette


def apply_theme(app: QApplication, choice: str | None = None) -> None:
    """Applies `choice` ('system', 'light' or 'dark'); without one, re-applies the current choice."""
    if choice is not None:
        app.setProperty(_THEME_PROPERTY, choice)
    dark = is_dark(app)
    app.setStyle(_FocusRingStyle((_DARK if dark else _LIGHT).accent))
    app.setPalette(_dark_palette() if dark else _light_palette(app))
    scheme = _DARK if dark else _LIGHT
    app.setStyleSheet(_QSS.format(**scheme.__dict__))


def follow_system_theme(app: QApplication, choice: str = "system") -> None:
    """Applies `choice` now, and again whenever the desktop switches (which matters only for 'system')."""
    apply_theme(app, choice)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
