"""Delivery tab: pace, fillers and pauses per answer, as charts with their guidance bands and a table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QWidget,
)

from ...domain.delivery import DeliveryMetrics, GuidanceBand
from ...domain.interview import InterviewSession
from ...domain.numbering import delivery_labels
from ...domain.report_html import band_span, delivery_charts
from ..widgets.charts import banded_bar_chart
from ..widgets.common import scrolling_body
from .text import esc, para, section

METRIC_NAMES = {
    "words_per_minute": "Pace",
    "fillers_per_minute": "Fillers per minute",
    "fillers_per_100_words": "Fillers per 100 words",
    "long_pauses": "Long pauses",
    "time_to_first_word_s": "Time to first word",
    "hedging_count": "Hedging phrases",
}

_COLUMNS = (
    "Answer",
    "Duration",
    "Words/min",
    "Fillers",
    "Fillers/min",
    "Pauses",
    "Long pauses",
    "First word",
)


def _metrics_row(label: str, m: DeliveryMetrics) -> list[str]:
    first = "—" if m.time_to_first_word_s is None else f"{m.time_to_first_word_s:.1f} s"
    return [
        label,
        f"{m.duration_s:.0f} s",
        f"{m.words_per_minute:.0f}",
        str(m.filler_count),
        f"{m.fillers_per_minute:.1f}",
        str(m.pause_count),
        str(len(m.long_pauses)),
        first,
    ]


class DeliveryTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self._layout = scrolling_body(self)
        self.charts_row = QHBoxLayout()
        self._layout.addLayout(self.charts_row)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._layout.addWidget(self.table)
        self.text = QTextBrowser()
        self.text.setMinimumHeight(220)
        self._layout.addWidget(self.text)
        self.charts: list[QWidget] = []

    def set_session(self, session: InterviewSession) -> None:
        for chart in self.charts:
            chart.setParent(None)
            chart.deleteLater()
        self.charts = []
        report = session.reports.delivery
        if report is None:
            self.table.setRowCount(0)
            self.text.setHtml(para("Delivery analytics are not ready yet (typed answers have none)."))
            return
        labels = delivery_labels(session)
        for data in delivery_charts(session):
            chart = banded_bar_chart(data.title, list(data.labels), list(data.values), data.band)
            self.charts.append(chart)
            self.charts_row.addWidget(chart, 1)
        rows = [_metrics_row("Whole interview", report.overall)]
        rows += [
            _metrics_row(label, item.metrics) for label, item in zip(labels, report.per_answer, strict=True)
        ]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + 4
            + sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        )
        intro = (
            ""
            if report.per_answer
            else para(
                "No spoken answers in this interview (typed or skipped), so there is nothing to measure here."
            )
        )
        self.text.setHtml(intro + _guidance_html(report.bands, report.overall))


def _guidance_html(bands: list[GuidanceBand], overall: DeliveryMetrics) -> str:
    items = []
    for band in bands:
        span = band_span(band)
        items.append(
            f"<li><b>{esc(METRIC_NAMES.get(band.metric, band.metric.replace('_', ' ').capitalize()))}:</b> {esc(span)}. {esc(band.note)} <i>(source: {esc(band.source)})</i></li>"
        )
    fillers = ", ".join(f"{esc(t.term)} ×{t.count}" for t in overall.fillers) or "none detected"
    hedges = ", ".join(f"{esc(t.term)} ×{t.count}" for t in overall.hedges) or "none detected"
    repeated = ", ".join(f"{esc(t.term)} ×{t.count}" for t in overall.most_repeated) or "—"
    return section(
        "Guidance (ranges, not verdicts)", f"<ul>{''.join(items)}</ul>" if items else para("")
    ) + section(
        "Words",
        f"<p>Fillers: {fillers}<br>Hedging phrases: {hedges}<br>Most repeated words: {repeated}</p>",
    )
