"""Question by Question tab: each answer's replay (transcript following the audio), score and feedback.

"Practise again" is a hook for the coaching feature: the button stays hidden until something sets
`practise_again_hook`, so nobody is offered a button that does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain import numbers
from ...domain.enums import Language
from ...domain.interview import InterviewSession
from ...domain.numbering import feedback_labels
from ...domain.report_headings import heading, labelled
from ...domain.report_html import feedback_html, para
from ...domain.reports import QuestionFeedback
from ..fonts import DEVANAGARI_FAMILY
from .replay import AnswerReplay

if TYPE_CHECKING:
    from ..main_window import MainWindow

# Called with the session and the chosen question's feedback when the candidate asks to practise it again.
PractiseAgainHook = Callable[[InterviewSession, QuestionFeedback], None]


class QuestionsTab(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.session: InterviewSession | None = None
        self.labels: list[str] = []
        self._practise_hook: PractiseAgainHook | None = None
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        self.list = QListWidget()
        self.list.setObjectName("questionList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(260)
        self._list_font = QFont(self.list.font())
        self.list.currentRowChanged.connect(self._show)
        splitter.addWidget(self.list)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        self.answer_title = QLabel("Your answer")
        self.answer_title.setStyleSheet("font-weight: 600;")
        heading.addWidget(self.answer_title, 1)
        self.practise_button = QPushButton("Practise again")
        self.practise_button.setObjectName("practiseAgain")
        self.practise_button.setToolTip("Answer this question again and compare")
        self.practise_button.clicked.connect(self._practise_again)
        self.practise_button.hide()
        heading.addWidget(self.practise_button)
        right_layout.addLayout(heading)
        inner = QSplitter(Qt.Orientation.Vertical)
        self.replay = AnswerReplay(window)
        inner.addWidget(self.replay)
        self.detail = QTextBrowser()
        self.detail.setObjectName("questionDetail")
        inner.addWidget(self.detail)
        inner.setSizes([170, 430])
        right_layout.addWidget(inner, 1)
        splitter.addWidget(right)
        splitter.setSizes([300, 640])

    # the coaching hook ------------------------------------------------------------------------------
    @property
    def practise_again_hook(self) -> PractiseAgainHook | None:
        return self._practise_hook

    @practise_again_hook.setter
    def practise_again_hook(self, hook: PractiseAgainHook | None) -> None:
        """Set by the coaching feature; the button shows only while a hook is set."""
        self._practise_hook = hook
        self.practise_button.setVisible(hook is not None and self.current_item() is not None)

    def _practise_again(self) -> None:
        item = self.current_item()
        if self._practise_hook is not None and self.session is not None and item is not None:
            self.replay.stop()
            self._practise_hook(self.session, item)

    # content ----------------------------------------------------------------------------------------
    def _fit_rows_to(self, language: Language) -> None:
        """Hindi rows in the bundled Devanagari font first (ui/fonts.py). Qt sizes a wrapped list row with the
        line height of the list's first font, while Devanagari is drawn by the fallback font with taller lines:
        Hindi rows were cut to one line with "…" or drawn over the next row (seen in the Hindi journey). With it
        first, rows are measured as drawn; it has Latin letters too, for the English words of a Hindi question.
        A machine without it falls back as before."""
        font = QFont(self._list_font)
        if language is Language.HI:
            font.setFamilies([DEVANAGARI_FAMILY, *font.families()])
        self.list.setFont(font)
        self.list.setSpacing(2 if language is Language.HI else 0)  # rows measured exactly need a gap

    def set_session(self, session: InterviewSession) -> None:
        self.session = session
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._fit_rows_to(session.config.language)
        report = session.reports.questions
        items = report.items if report is not None else []
        self.labels = feedback_labels(session)
        for number, item in zip(self.labels, items, strict=True):
            row = QListWidgetItem(f"{number}  ({numbers.out_of(item.score, 10, session.config.language)})\n{item.question}")
            row.setToolTip(para(item.question))  # escaped: tooltips render rich text too
            self.list.addItem(row)
        if items:
            self.list.setCurrentRow(0)
            self._show(0)
        else:
            self.replay.set_answer(None, session.config.language.value)
            self.detail.setHtml(para("The question-by-question feedback is not ready yet."))
            self.practise_button.hide()

    def current_item(self) -> QuestionFeedback | None:
        if self.session is None or self.session.reports.questions is None:
            return None
        row = self.list.currentRow()
        items = self.session.reports.questions.items
        return items[row] if 0 <= row < len(items) else None

    def _show(self, row: int) -> None:
        item = self.current_item()
        if item is None or self.session is None:
            return
        language = self.session.config.language
        number = self.labels[row]
        self.detail.setHtml(feedback_html(item, number, language, heading="h2"))
        self.answer_title.setText(labelled(number, heading("your_answer", language), language))
        self.replay.set_answer(self.session.answer_for(item.question_id), language.value)
        self.practise_button.setVisible(self._practise_hook is not None)

    def stop(self) -> None:
        self.replay.stop()
