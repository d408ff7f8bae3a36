"""A round gauge for a 0-100 score, coloured by band, with the number in the middle."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


def score_colour(score: float) -> QColor:
    if score >= 75:
        return QColor("#2e7d32")
    if score >= 50:
        return QColor("#f9a825")
    return QColor("#c62828")


class ScoreGauge(QWidget):
    def __init__(self, parent: QWidget | None = None, caption: str = "Overall score") -> None:
        super().__init__(parent)
        self.score: float | None = None
        self.caption = caption
        self.setMinimumSize(QSize(170, 170))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(caption)

    def set_caption(self, caption: str) -> None:
        """The words under the score ("Overall score", "Note globale"): a report's own language."""
        self.caption = caption
        self.setAccessibleName(caption)
        self.update()

    def set_score(self, score: float | None) -> None:
        self.score = score
        self.setAccessibleDescription("no score" if score is None else f"{score:.0f} out of 100")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(180, 180)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 16
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        track = QPen(self.palette().mid().color(), 12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        track.setColor(QColor(track.color().red(), track.color().green(), track.color().blue(), 60))
        painter.setPen(track)
        # 270° sweep starting at the bottom left, like a speedometer.
        painter.drawArc(rect, 225 * 16, -270 * 16)
        if self.score is not None:
            pen = QPen(score_colour(self.score), 12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(rect, 225 * 16, int(-270 * 16 * max(0.0, min(self.score, 100.0)) / 100))
        painter.setPen(self.palette().windowText().color())
        font = QFont(self.font())
        font.setPointSize(28)
        font.setBold(True)
        painter.setFont(font)
        text = "—" if self.score is None else f"{self.score:.0f}"
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        font.setPointSize(9)
        font.setBold(False)
        painter.setFont(font)
        painter.drawText(rect.adjusted(0, side * 0.45, 0, 0), Qt.AlignmentFlag.AlignCenter, self.caption)
        painter.end()
