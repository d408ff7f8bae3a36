"""Performance Analysis tab: category scores as a chart, then strengths, gaps, cultural fit and remarks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ...domain.interview import InterviewSession
from ...domain.reports import PerformanceReport
from ..widgets.charts import category_chart
from .text import bullets, esc, para, section

_CATEGORIES = (
    ("communication", "Communication"),
    ("technical_knowledge", "Technical knowledge"),
    ("problem_solving", "Problem solving"),
    ("cultural_fit", "Cultural fit"),
    ("confidence_clarity", "Confidence & clarity"),
)


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
        report = session.reports.performance
        if self.chart is not None:
            self.chart.setParent(None)
            self.chart.deleteLater()
            self.chart = None
        if report is None:
            self.text.setHtml(para("The performance analysis is not ready yet."))
            return
        scores = report.category_scores
        # Bars read top to bottom in the same order as the list below them.
        labels = [label for _key, label in reversed(_CATEGORIES)]
        values = [getattr(scores, key).score for key, _label in reversed(_CATEGORIES)]
        self.chart = category_chart(labels, values)
        self.splitter.insertWidget(0, self.chart)
        self.splitter.setSizes([260, 400])
        self.text.setHtml(_html(report))


def _html(report: PerformanceReport) -> str:
    rows = []
    for key, label in _CATEGORIES:
        item = getattr(report.category_scores, key)
        quote = f"<br><i>“{esc(item.evidence)}”</i>" if item.evidence else ""
        rows.append(f"<li><b>{esc(label)} — {item.score:.1f}/10.</b> {esc(item.comment)}{quote}</li>")
    comparative = report.comparative_analysis
    compare = "".join(
        f"<li><b>{name}:</b> {esc(text)}</li>"
        for name, text in (
            ("Approach", comparative.approach),
            ("Complexity", comparative.complexity),
            ("Stack", comparative.stack),
            ("STAR", comparative.star),
        )
        if text
    )
    return (
        section("Category scores", f"<ul>{''.join(rows)}</ul>")
        + section("Strengths", bullets(report.strengths))
        + section("Strong skills", bullets(report.strong_skills))
        + section("Skill gaps", bullets(report.skill_gaps))
        + (section("Comparative analysis", f"<ul>{compare}</ul>") if compare else "")
        + section("Quantitative analysis", para(report.quantitative_analysis))
        + section("Qualitative analysis", para(report.qualitative_analysis))
        + section("Cultural fit", para(report.cultural_fit))
        + section("Final remarks", para(report.final_remarks))
    )
