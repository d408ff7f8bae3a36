"""A horizontal microphone level meter fed with 0..1 levels; decays smoothly between updates."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = 0.0
        self.peak = 0.0
        self.setMinimumSize(QSize(160, 14))
        self.setAccessibleName("Microphone level")
        self._decay = QTimer(self)
        self._decay.setInterval(50)
        self._decay.timeout.connect(self._on_decay)

    def set_level(self, level: float) -> None:
        """`level` is an RMS in 0..1; speech sits around 0.02-0.3, so it is shown on a log-like scale."""
        shown = min(1.0, max(0.0, level) ** 0.5 * 1.6)
        self.level = max(shown, self.level * 0.6)
        self.peak = max(self.peak, self.level)
        if not self._decay.isActive():
            self._decay.start()
        self.update()

    def reset(self) -> None:
        self.level = self.peak = 0.0
        self._decay.stop()
        self.update()

    def _on_decay(self) -> None:
        self.level *= 0.85
        self.peak *= 0.97
        if self.peak < 0.01:
            self.level = self.peak = 0.0
            self._decay.stop()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(self.palette().mid().color())
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(rect, 4, 4)
        colour = QColor("#2e7d32") if self.level < 0.8 else QColor("#e65100")
        painter.setPen(QColor(0, 0, 0, 0))
        painter.setBrush(colour)
        painter.drawRoundedRect(
            QRectF(rect.left(), rect.top(), rect.width() * self.level, rect.height()), 4, 4
        )
        painter.setBrush(self.palette().windowText())
        x = rect.left() + rect.width() * self.peak
        painter.drawRect(QRectF(x - 1, rect.top(), 2, rect.height()))
        painter.end()
