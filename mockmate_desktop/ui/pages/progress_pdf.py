"""The Progress page as a PDF: the chart on screen as an image, then one table row per interview."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from ...domain.progress import ProgressPoint


def chart_png(chart: QWidget) -> bytes:
    """Grab the chart as shown (GUI thread); the PDF itself is written on a worker."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    chart.grab().save(buffer, "PNG")
    return bytes(data.data())


def write_progress_pdf(target: Path, points: Sequence[ProgressPoint], summary: str, chart: bytes) -> Path:
    rows = "".join(
        f"<tr><td>{p.when:%Y-%m-%d}</td><td>{html.escape(p.job_title)}</td><td>{p.interview_type.value}</td>"
        f"<td align='right'>{p.overall}</td><td align='right'>"
        f"{p.delivery.get('fillers_per_100_words', float('nan')):.1f}</td></tr>"
        for p in points
    )
    document = QTextDocument()
    if chart:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart.png"), QImage.fromData(chart))
    document.setHtml(
        "<h1>MockMate progress</h1>"
        f"<p>{html.escape(summary)}</p>"
        + ("<p><img src='chart.png' width='640'></p>" if chart else "")
        + "<table border='1' cellspacing='0' cellpadding='4'>"
        "<tr><th>Date</th><th>Role</th><th>Type</th><th>Overall</th><th>Fillers / 100 words</th></tr>"
        f"{rows}</table>"
    )
    tmp = target.with_name(f".{target.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15))
    writer.setTitle("MockMate progress")
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer  # flushes and closes the file
    tmp.replace(target)
    return target
