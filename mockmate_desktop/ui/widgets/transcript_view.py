"""The live transcript: committed words in the normal colour, tentative words grey and italic."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from ...domain.transcript import space_before


class TranscriptView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.committed = ""
        self.tentative = ""
        self.setPlaceholderText("Your words appear here as you speak.")
        self.setAccessibleName("Live transcript")

    def set_text(self, committed: str, tentative: str) -> None:
        self.committed, self.tentative = committed, tentative
        text = html.escape(committed)
        if tentative:
            # No space where the grey words go on with the last black one ("j" + "'ai").
            gap = space_before(tentative, after_text=bool(committed))
            text += f"{gap}<span style='color:#8a8f98; font-style:italic'>{html.escape(tentative)}</span>"
        self.setHtml(f"<p style='font-size:15px; line-height:140%'>{text}</p>")
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
