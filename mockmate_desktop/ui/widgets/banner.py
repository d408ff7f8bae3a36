"""A non-modal message strip at the top of the window: what happened and what to do about it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..errors import UserError

_COLOURS = {
    "error": ("#fdecea", "#8a1c13", "#e0a39d"),
    "warning": ("#fff4e0", "#7a4b00", "#e6c27a"),
    "info": ("#e8f1fd", "#174a86", "#9fbfe6"),
}


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
        self.hide()

    def show_error(self, error: UserError) -> None:
        self.current = error
        background, text, border = _COLOURS.get(error.kind, _COLOURS["error"])
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}"
            f"QFrame#banner QLabel, QFrame#banner QPushButton {{ color: {text}; }}"
        )
        fix = f"<br><b>What to do:</b> {error.fix}" if error.fix else ""
        self.message_label.setText(f"{_escape(error.message)}{fix}")
        self.show()
        # Information clears itself; errors stay until read.
        if error.kind == "info":
            self._auto_hide.start(6000)
        else:
            self._auto_hide.stop()

    def show_message(self, message: str, fix: str = "", kind: str = "info") -> None:
        self.show_error(UserError(message, fix, kind))

    def dismiss(self) -> None:
        self.current = None
        self.hide()
        self.dismissed.emit()

    @property
    def text(self) -> str:
        return self.message_label.text()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
