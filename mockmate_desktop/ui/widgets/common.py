"""Small helpers for building pages consistently."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QProgressBar, QScrollArea, QVBoxLayout, QWidget


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


def section(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "section")
    return label


def card(heading: str = "", parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed group of related controls (styled by the theme); returns the frame and its layout."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(8)
    if heading:
        layout.addWidget(section(heading))
    return frame, layout


def empty_state(text: str, parent: QWidget | None = None) -> QLabel:
    """What an empty area says instead of staying blank: what goes here and how to get it there."""
    label = QLabel(text, parent)
    label.setProperty("role", "empty")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Marks a field red through the theme's [invalid="true"] rule (the message sits next to it)."""
    widget.setProperty("invalid", "true" if invalid else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def keep_space_when_hidden(widget: QWidget) -> None:
    """A widget that comes and goes (busy bar, message) keeps its space, so the layout never jumps."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


def form_card(heading: str, parent: QWidget | None = None) -> tuple[QFrame, QFormLayout]:
    """A card holding a labelled form: the usual shape of a settings or setup group."""
    frame, column = card(heading, parent)
    form = QFormLayout()
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(8)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    column.addLayout(form)
    return frame, form
