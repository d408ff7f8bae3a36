"""Performance Analysis tab: category scores as a chart, then the PDF's own text under it
(domain/report_html.performance_body), so the two never write a score two ways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ...domain.interview import InterviewSession
from ...domain.report_headings import heading
from ...domain.report_html import category_chart, performance_body
from ..widgets.charts import category_chart as category_chart_view
from .text import para


class PerformanceTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self._layout.addWidget(self.splitter)
        self.chart: QWidget | None = None
        self.text = QTextBrowser()
        self.splitter.addWidget(self.text)

    def set_session(self, session: InterviewSession) -> None:
        lang = session.config.language
        report = session.reports.performance
        if self.chart is not None:
            self.chart.setParent(None)
            self.chart.deleteLater()
            self.chart = None
        if report is None:
            self.text.setHtml(para(heading("performance_missing", lang)))
            return
        data = category_chart(report, lang)
        # Bars read top to bottom in the same order as the list below them.
        self.chart = category_chart_view(data.labels[::-1], data.values[::-1], title=data.title, language=lang)
        self.splitter.insertWidget(0, self.chart)
        self.splitter.setSizes([260, 400])
        self.text.setHtml(performance_body(report, lang))
