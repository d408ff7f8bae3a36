"""Summary tab: the score gauge, the selection probability and the snapshot, worded in the interview's
language like the report they show (the PDF says the same)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QTextBrowser, QVBoxLayout, QWidget

from ...domain import numbers
from ...domain.interview import InterviewSession
from ...domain.report_headings import heading, labelled
from ...domain.report_html import made_by_text
from ...domain.report_text import label
from ...domain.report_words import selection_word, word
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
        self.probability_label.setWordWrap(True)
        left.addWidget(self.probability_label)
        self.probability = QProgressBar()
        self.probability.setRange(0, 100)
        self.probability.setFormat("%p%")
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
        lang = session.config.language
        summary = session.reports.summary
        self.gauge.set_caption(label("overall", lang))
        if summary is None:
            self.gauge.set_score(None)
            self.probability.setValue(0)
            self.probability.setFormat(numbers.percent(0, lang))
            self.probability_label.setText(
                labelled(label("selection", lang), heading("not_available", lang), lang)
            )
            self.source_label.setText("")
            self.text.setHtml(para(heading("summary_missing", lang)))
            return
        self.gauge.set_score(summary.overall_score)
        self.probability.setValue(summary.selection_probability)
        # The bar's own "%p" would print the English "15%" under a French "15\u00a0%"; it shows the same text.
        self.probability.setFormat(numbers.percent(summary.selection_probability, lang))
        band = selection_word(summary.selection_label, lang)
        self.probability_label.setText(
            labelled(label("selection", lang), f"{numbers.percent(summary.selection_probability, lang)} ({band})", lang)
        )
        self.source_label.setText(made_by_text(summary, lang))
        none = word("none_noted", lang)
        self.text.setHtml(
            section(heading("snapshot", lang), para(summary.snapshot, word("not_available", lang)))
            + section(heading("top_strengths", lang), bullets(summary.top_strengths, none))
            + section(heading("top_improvements", lang), bullets(summary.top_improvements, none))
        )
