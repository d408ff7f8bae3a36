"""Question by Question tab: each answer's transcript, score, feedback, model answer, STAR and recording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.interview import InterviewSession
from ...domain.reports import QuestionFeedback, StarPresence
from .text import bullets, esc, para, section

if TYPE_CHECKING:
    from ..main_window import MainWindow


def _star_html(star: StarPresence | None) -> str:
    if star is None:
        return ""
    chips = []
    for part in ("situation", "task", "action", "result"):
        present = getattr(star, part)
        colour = "#2e7d32" if present else "#9e9e9e"
        mark = "✔" if present else "✘"
        chips.append(f"<span style='color:{colour}'>{mark} {part.capitalize()}</span>")
    return section("STAR structure", "<p>" + " &nbsp; ".join(chips) + "</p>")


def feedback_html(item: QuestionFeedback) -> str:
    kind = "Follow-up question" if item.is_follow_up else "Question"
    delivery = ""
    if item.delivery is not None:
        d = item.delivery
        delivery = section(
            "Delivery",
            f"<p>{d.words_per_minute:.0f} words/min · {d.filler_count} fillers · {d.pause_count} pauses · "
            f"{d.duration_s:.0f} s</p>",
        )
    return (
        f"<h2>{esc(kind)}</h2><p><b>{esc(item.question)}</b></p>"
        f"<p>Score: <b>{item.score:.1f}/10</b> · {esc(item.source.label)}</p>"
        + section("Your answer", para(item.answer_transcript or "(no answer)"))
        + section("What went well", bullets(item.went_well))
        + section("To improve", bullets(item.to_improve))
        + section("Model answer", para(item.model_answer))
        + _star_html(item.star)
        + (section("Evidence", bullets(f"“{e}”" for e in item.evidence)) if item.evidence else "")
        + delivery
    )


class QuestionsTab(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.session: InterviewSession | None = None
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        self.list = QListWidget()
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setMinimumWidth(300)
        self.list.currentRowChanged.connect(self._show)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        right_layout.addWidget(self.detail, 1)
        row = QHBoxLayout()
        self.play_button = QPushButton("▶ Play my answer")
        self.play_button.clicked.connect(self.toggle_play)
        row.addWidget(self.play_button)
        row.addStretch(1)
        right_layout.addLayout(row)
        splitter.addWidget(right)
        splitter.setSizes([300, 600])
        window.player.finished.connect(self._reset_play)

    def set_session(self, session: InterviewSession) -> None:
        self.session = session
        self.list.clear()
        report = session.reports.questions
        items = report.items if report is not None else []
        for index, item in enumerate(items, start=1):
            prefix = "  ↳ " if item.is_follow_up else f"{index}. "
            row = QListWidgetItem(f"{prefix}{item.question[:70]}  ({item.score:.1f})")
            row.setToolTip(para(item.question))  # escaped: tooltips render rich text too
            self.list.addItem(row)
        if items:
            self.list.setCurrentRow(0)
        else:
            self.detail.setHtml(para("The question-by-question feedback is not ready yet."))
            self.play_button.setEnabled(False)

    def current_item(self) -> QuestionFeedback | None:
        if self.session is None or self.session.reports.questions is None:
            return None
        row = self.list.currentRow()
        items = self.session.reports.questions.items
        return items[row] if 0 <= row < len(items) else None

    def _show(self, _row: int) -> None:
        item = self.current_item()
        if item is None:
            return
        self.detail.setHtml(feedback_html(item))
        answer = self.session.answer_for(item.question_id) if self.session else None
        self.play_button.setEnabled(bool(answer and answer.audio_path))
        self.play_button.setToolTip("" if answer and answer.audio_path else "No recording for this answer")

    def toggle_play(self) -> None:
        player = self.window_.player
        if player.playing:
            player.stop()
            self._reset_play()
            return
        item = self.current_item()
        answer = self.session.answer_for(item.question_id) if self.session and item else None
        if answer is None or not answer.audio_path:
            return
        relative = answer.audio_path
        store = self.window_.services.store
        player.play(lambda: store.resolve(relative), on_error=self._play_failed)
        self.play_button.setText("■ Stop")

    def _reset_play(self) -> None:
        self.play_button.setText("▶ Play my answer")

    def _play_failed(self, exc: BaseException) -> None:
        self._reset_play()
        self.window_.show_exception(exc, "Playing the recording")
