"""The "Still thinking?" card: after the thinking time with no words, ask rather than move on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .common import hint


class StillThinkingCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stillThinking")
        self.setProperty("role", "card")
        self.setAccessibleName("Still thinking?")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel("Still thinking?")
        heading.setProperty("role", "section")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        layout.addWidget(
            hint(
                "Take your time: the question stays open and the microphone is still listening. "
                "Just start speaking, or skip this question."
            )
        )
        row = QHBoxLayout()
        self.start_button = QPushButton("Start answering")
        self.start_button.setObjectName("stillThinkingStart")
        self.start_button.setProperty("role", "primary")
        self.start_button.setToolTip("Keep listening; this card comes back after the thinking time")
        self.skip_button = QPushButton("Skip question")
        self.skip_button.setObjectName("stillThinkingSkip")
        row.addWidget(self.start_button)
        row.addWidget(self.skip_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()
