"""A non-modal message strip at the top of the window: what happened and what to do about it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..errors import UserError
from ..theme import is_dark

# (background, text, border) per kind, for the light and the dark theme.
_COLOURS = {
    "error": ("#fdecea", "#8a1c13", "#e0a39d"),
    "warning": ("#fff4e0", "#7a4b00", "#e6c27a"),
    "info": ("#e8f1fd", "#174a86", "#9fbfe6"),
}
_DARK_COLOURS = {
    "error": ("#3c1f1f", "#f6aea9", "#8c3b35"),
    "warning": ("#3a2e14", "#fdd68a", "#8a6a2a"),
    "info": ("#1c2b40", "#a8c7fa", "#3b5a86"),
}


def _palette_for(kind: str) -> tuple[str, str, str]:
    app = QApplication.instance()
    colours = _DARK_COLOURS if isinstance(app, QApplication) and is_dark(app) else _COLOURS
    return colours.get(kind, colours["error"])


_SEVERITY = {"error": 0, "warning": 1, "info": 2}
_MAX_SHOWN = 3


class Banner(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName("Message banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label, 1)
        close = QPushButton("Dismiss")
        close.setFlat(True)
        close.clicked.connect(self.dismiss)
        layout.addWidget(close)
        self._auto_hide = QTimer(self)
        self._auto_hide.setSingleShot(True)
        self._auto_hide.timeout.connect(self.dismiss)
        self.current: UserError | None = None
        self.messages: list[UserError] = []
        self.hide()

    def show_error(self, error: UserError) -> None:
        """Adds the message to what is shown (newest first, at most three); nothing is lost by replacing."""
        self.messages = [m for m in self.messages if m.message != error.message]
        self.messages.insert(0, error)
        del self.messages[_MAX_SHOWN:]
        self.current = error
        kind = min((m.kind for m in self.messages), key=lambda k: _SEVERITY.get(k, 0))
        background, text, border = _palette_for(kind)
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}"
            f"QFrame#banner QLabel, QFrame#banner QPushButton {{ color: {text}; }}"
        )
        parts = []
        for item in self.messages:
            fix = f"<br><b>What to do:</b> {_escape(item.fix)}" if item.fix else ""
            parts.append(f"{_escape(item.message)}{fix}")
        self.message_label.setText("<hr>".join(parts))
        self.show()
        # Information clears itself; errors and warnings stay until read.
        if kind == "info":
            self._auto_hide.start(6000)
        else:
            self._auto_hide.stop()

    def show_message(self, message: str, fix: str = "", kind: str = "info") -> None:
        self.show_error(UserError(message, fix, kind))

    def dismiss(self) -> None:
        self.current = None
        self.messages = []
        self.hide()
        self.dismissed.emit()

    @property
    def text(self) -> str:
        return self.message_label.text()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
