"""Delivery tab: pace, fillers and pauses per answer, as charts with their guidance bands and a table, worded
in the interview's language like the rest of its report."""

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

from ...domain import numbers
from ...domain.delivery import DeliveryMetrics, GuidanceBand
from ...domain.enums import Language
from ...domain.interview import InterviewSession
from ...domain.numbering import delivery_labels
from ...domain.report_headings import colon, heading, labelled, metric_name
from ...domain.report_html import band_span, delivery_charts
from ...domain.report_text import label
from ..widgets.charts import banded_bar_chart
from ..widgets.common import scrolling_body
from .text import esc, para, section

_COLUMNS = (
    "col_answer",
    "col_duration",
    "col_wpm",
    "col_fillers",
    "col_fillers_min",
    "col_pauses",
    "col_long_pauses",
    "col_first_word",
)


def _metrics_row(label: str, m: DeliveryMetrics, lang: Language) -> list[str]:
    first = "—" if m.time_to_first_word_s is None else f"{numbers.decimal(m.time_to_first_word_s, lang)} s"
    return [
        label,
        f"{numbers.decimal(m.duration_s, lang, 0)} s",
        numbers.decimal(m.words_per_minute, lang, 0),
        str(m.filler_count),
        numbers.decimal(m.fillers_per_minute, lang),
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
        self.table.setHorizontalHeaderLabels([heading(c, Language.EN) for c in _COLUMNS])
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
        lang = session.config.language
        self.table.setHorizontalHeaderLabels([heading(c, lang) for c in _COLUMNS])
        report = session.reports.delivery
        if report is None:
            self.table.setRowCount(0)
            self.text.setHtml(para(heading("delivery_missing", lang)))
            return
        spoken = bool(report.per_answer)
        # Nothing was measured in a typed interview: a row of zeros would read as a measured silence.
        self.table.setVisible(spoken)
        if not spoken:
            self.table.setRowCount(0)
            self.text.setHtml(para(heading("no_spoken_answers", lang)) + _guidance_html(report.bands, None, lang))
            return
        labels = delivery_labels(session)
        for data in delivery_charts(session):
            chart = banded_bar_chart(data.title, list(data.labels), list(data.values), data.band, language=lang)
            self.charts.append(chart)
            self.charts_row.addWidget(chart, 1)
        rows = [_metrics_row(heading("whole_interview", lang), report.overall, lang)]
        rows += [
            _metrics_row(label, item.metrics, lang) for label, item in zip(labels, report.per_answer, strict=True)
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
        self.text.setHtml(_guidance_html(report.bands, report.overall, lang))


def _guidance_html(bands: list[GuidanceBand], overall: DeliveryMetrics | None, lang: Language) -> str:
    """The bands, then the words heard (`overall`); without spoken answers the bands alone."""
    items = []
    for band in bands:
        name = esc(metric_name(band.metric, lang) + colon(lang).rstrip())
        source = esc(labelled(heading("source", lang), band.source, lang))
        items.append(
            f"<li><b>{name}</b> {esc(band_span(band, lang))}. {esc(band.note)} <i>({source})</i></li>"
        )
    guidance = section(heading("guidance", lang), f"<ul>{''.join(items)}</ul>" if items else para(""))
    if overall is None:
        return guidance
    none = esc(heading("none_detected", lang))
    fillers = ", ".join(f"{esc(t.term)} ×{t.count}" for t in overall.fillers) or none
    hedges = ", ".join(f"{esc(t.term)} ×{t.count}" for t in overall.hedges) or none
    repeated = ", ".join(f"{esc(t.term)} ×{t.count}" for t in overall.most_repeated) or "—"
    lines = (
        (label("fillers", lang), fillers),
        (metric_name("hedging_count", lang), hedges),
        (heading("most_repeated", lang), repeated),
    )
    words = "<br>".join(esc(name + colon(lang)) + value for name, value in lines)
    return guidance + section(label("words", lang), f"<p>{words}</p>")
