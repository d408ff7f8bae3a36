"""Performance Analysis tab: category scores as a chart, then strengths, gaps, cultural fit and remarks, under
headings in the interview's language (the PDF's: domain/report_html.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ...domain import numbers
from ...domain.enums import Language
from ...domain.interview import InterviewSession
from ...domain.report_headings import colon, heading, quoted
from ...domain.report_html import CATEGORIES, category_chart
from ...domain.report_text import label
from ...domain.report_words import word
from ...domain.reports import PerformanceReport
from ..widgets.charts import category_chart as category_chart_view
from .text import bullets, esc, para, section


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
        self.text.setHtml(_html(report, lang, data.labels))


def _html(report: PerformanceReport, lang: Language, names: tuple[str, ...]) -> str:
    rows = []
    for (key, _english), name in zip(CATEGORIES, names, strict=True):
        item = getattr(report.category_scores, key)
        quote = f"<br><i>{quoted(esc(item.evidence), lang)}</i>" if item.evidence else ""
        rows.append(f"<li><b>{esc(name)} — {numbers.decimal(item.score, lang)}/10.</b> {esc(item.comment)}{quote}</li>")
    comparative = report.comparative_analysis
    compare = "".join(
        f"<li><b>{esc(word(key, lang) + colon(lang).rstrip())}</b> {esc(text)}</li>"
        for key, text in (
            ("approach", comparative.approach),
            ("complexity", comparative.complexity),
            ("stack", comparative.stack),
            ("star", comparative.star),
        )
        if text
    )
    none, missing = word("none_noted", lang), word("not_available", lang)
    return (
        section(label("categories", lang), f"<ul>{''.join(rows)}</ul>")
        + section(label("strengths", lang), bullets(report.strengths, none))
        + section(label("strong_skills", lang), bullets(report.strong_skills, none))
        + section(label("skill_gaps", lang), bullets(report.skill_gaps, none))
        + (section(label("comparative", lang), f"<ul>{compare}</ul>") if compare else "")
        + section(label("quantitative", lang), para(report.quantitative_analysis, missing))
        + section(label("qualitative", lang), para(report.qualitative_analysis, missing))
        + section(label("cultural_fit", lang), para(report.cultural_fit, missing))
        + section(label("final", lang), para(report.final_remarks, missing))
    )
