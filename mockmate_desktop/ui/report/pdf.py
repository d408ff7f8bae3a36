"""The PDF report: domain/report_html.py's document printed with QTextDocument and QPdfWriter, its charts
painted into images with QPainter (no widgets, so it also runs on a worker thread and in the terminal).

    render_pdf(session, Path("report.pdf"))     # the whole report, charts included, A4
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from ...core.files import atomic_write_bytes
from ...domain import numbers
from ...domain.enums import Language
from ...domain.interview import InterviewSession
from ...domain.report_html import ChartData, report_document
from ..fonts import register_bundled_fonts

_CHART_SIZE = (1400, 620)  # pixels; shown 560 pt wide, so about 180 dpi on paper
_BAR = QColor("#1a73e8")
_BAND = QColor(46, 125, 50, 50)
_BAND_EDGE = QColor(46, 125, 50, 150)
_INK = QColor("#202124")
_GRID = QColor("#dadce0")


def ensure_gui_application() -> None:
    """Fonts and painting need a QGuiApplication; the terminal gets one that needs no display."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication(["mockmate"])
    register_bundled_fonts()  # a Hindi report must not print as empty boxes


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10.0 ** len(str(int(value))) / 10
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= step * factor:
            return float(step * factor)
    return float(value)


def _figure(value: float, lang: Language) -> str:
    return numbers.decimal(value, lang, 0) if value >= 20 else numbers.general(round(value, 1), lang)


def paint_chart(chart: ChartData, lang: Language = Language.EN) -> QImage:
    width, height = _CHART_SIZE
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(24)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    title_font = QFont(font)
    title_font.setPixelSize(28)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(_INK)
    painter.drawText(QRectF(0, 8, width, 40), Qt.AlignmentFlag.AlignHCenter, chart.title)
    painter.setFont(font)
    top = max([*chart.values, chart.band[1] or 0.0, chart.band[0] or 0.0])
    scale_max = chart.fixed_max or _nice_max(top * 1.1)
    if chart.horizontal:
        _horizontal(painter, chart, metrics, scale_max, QRectF(0, 60, width, height - 60), lang)
    else:
        _vertical(painter, chart, metrics, scale_max, QRectF(0, 60, width, height - 60), lang)
    painter.end()
    return image


def _vertical(
    painter: QPainter, chart: ChartData, fm: QFontMetricsF, top: float, area: QRectF, lang: Language
) -> None:
    left = area.left() + fm.horizontalAdvance(numbers.general(top, lang)) + 24
    bottom = area.bottom() - 2.4 * fm.height() - 8  # room for two lines of labels ("Q3" / "follow-up")
    plot = QRectF(left, area.top() + 10, area.right() - left - 20, bottom - area.top() - 10)

    def y(value: float) -> float:
        return plot.bottom() - plot.height() * min(value, top) / top

    painter.setPen(_GRID)
    for tick in range(5):
        value = top * tick / 4
        painter.drawLine(QPointF(plot.left(), y(value)), QPointF(plot.right(), y(value)))
        painter.setPen(_INK)
        painter.drawText(
            QRectF(area.left(), y(value) - fm.height() / 2, left - area.left() - 8, fm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            numbers.general(value, lang),
        )
        painter.setPen(_GRID)
    low, high = chart.band
    if low is not None or high is not None:
        band = QRectF(QPointF(plot.left(), y(high if high is not None else top)), QPointF(plot.right(), y(low or 0)))
        painter.fillRect(band, _BAND)
        painter.setPen(_BAND_EDGE)
        painter.drawRect(band)
    slot = plot.width() / max(1, len(chart.values))
    for index, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        x = plot.left() + slot * index
        bar = QRectF(x + slot * 0.2, y(value), slot * 0.6, plot.bottom() - y(value))
        painter.fillRect(bar, _BAR)
        painter.setPen(_INK)
        painter.drawText(
            QRectF(x, y(value) - fm.height() - 2, slot, fm.height()), Qt.AlignmentFlag.AlignHCenter, _figure(value, lang)
        )
        # Labels wrap onto two lines rather than being clipped under narrow bars.
        painter.drawText(
            QRectF(x, plot.bottom() + 6, slot, 2.4 * fm.height()),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            label,
        )


def _horizontal(
    painter: QPainter, chart: ChartData, fm: QFontMetricsF, top: float, area: QRectF, lang: Language
) -> None:
    left = area.left() + max(fm.horizontalAdvance(label) for label in chart.labels) + 24
    plot = QRectF(left, area.top() + 10, area.right() - left - 40, area.height() - fm.height() - 30)

    def x(value: float) -> float:
        return plot.left() + plot.width() * min(value, top) / top

    for tick in range(6):
        value = top * tick / 5
        painter.setPen(_GRID)
        painter.drawLine(QPointF(x(value), plot.top()), QPointF(x(value), plot.bottom()))
        painter.setPen(_INK)
        painter.drawText(
            QRectF(x(value) - 40, plot.bottom() + 6, 80, fm.height()), Qt.AlignmentFlag.AlignHCenter, numbers.general(value, lang)
        )
    slot = plot.height() / max(1, len(chart.values))
    for index, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        y = plot.top() + slot * index
        painter.setPen(_INK)
        painter.drawText(
            QRectF(area.left(), y, left - area.left() - 12, slot),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        bar = QRectF(plot.left(), y + slot * 0.2, x(value) - plot.left(), slot * 0.6)
        painter.fillRect(bar, _BAR)
        painter.drawText(
            QRectF(bar.right() + 8, y, 80, slot), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, numbers.general(value, lang)
        )


def pdf_bytes(session: InterviewSession) -> bytes:
    """The whole report as a PDF document (A4, 15 mm margins), in memory."""
    ensure_gui_application()
    document = report_document(session)
    text = QTextDocument()
    body = QFont("DejaVu Sans", 10)
    # Without ligatures the PDF's text layer reads "office", not "oﬃce", when searched or copied.
    body.setFeature(QFont.Tag("liga"), 0)
    text.setDefaultFont(body)
    for chart in document.charts:
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(chart.key), paint_chart(chart, session.config.language))
    text.setHtml(document.html)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(document.title)
    writer.setCreator("MockMate")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    text.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def render_pdf(session: InterviewSession, path: Path) -> Path:
    """Writes the PDF report to `path` atomically (a reader never sees half a file)."""
    atomic_write_bytes(path, pdf_bytes(session))
    return path
