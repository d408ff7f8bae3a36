"""Summary tab: the score gauge, the selection probability and the snapshot."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QTextBrowser, QVBoxLayout, QWidget

from ...domain.interview import InterviewSession
from ..widgets.score_gauge import ScoreGauge
from .text import bullets, para, section


class SummaryTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.gauge = ScoreGauge()
        left.addWidget(self.gauge)
        self.probability_label = QLabel("Selection probability")
        left.addWidget(self.probability_label)
        self.probability = QProgressBar()
        self.probability.setRange(0, 100)
        self.probability.setFormat("%p %")
        left.addWidget(self.probability)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setProperty("role", "hint")
        left.addWidget(self.source_label)
        left.addStretch(1)
        layout.addLayout(left)
        self.text = QTextBrowser()
        layout.addWidget(self.text, 1)

    def set_session(self, session: InterviewSession) -> None:
        summary = session.reports.summary
        if summary is None:
            self.gauge.set_score(None)
            self.probability.setValue(0)
            self.probability_label.setText("Selection probability: not available")
            self.text.setHtml(para("The summary is not ready yet."))
            return
        self.gauge.set_score(summary.overall_score)
        self.probability.setValue(summary.selection_probability)
        self.probability_label.setText(
            f"Selection probability: {summary.selection_probability} % ({summary.selection_label.value})"
        )
        self.source_label.setText(
            f"Made by: {summary.source.label}" + (f" · {summary.model_name}" if summary.model_name else "")
        )
        self.text.setHtml(
            section("Snapshot", para(summary.snapshot))
            + section("Top strengths", bullets(summary.top_strengths))
            + section("Top things to improve", bullets(summary.top_improvements))
        )
