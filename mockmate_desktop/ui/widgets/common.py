"""Small helpers for building pages consistently."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QScrollArea, QVBoxLayout, QWidget


def title(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # job titles, file names, errors: never rich text
    label.setProperty("role", "title")
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def busy_bar(parent: QWidget | None = None) -> QProgressBar:
    """An indeterminate bar: shown while the user waits, always next to a label saying for what."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.hide()
    return bar


def separator(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def scrolling_body(page: QWidget, *, max_width: int | None = None) -> QVBoxLayout:
    """Gives `page` a frameless scroll area and returns the layout of the scrolled content."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    outer.addWidget(scroll)
    body = QWidget()
    if max_width is not None:
        body.setMaximumWidth(max_width)
    scroll.setWidget(body)
    return QVBoxLayout(body)
