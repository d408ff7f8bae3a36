"""Practise again: re-answer one question by voice or typing, then see both attempts side by side.

Recording runs on its own thread, transcription and scoring on the task runner; this dialog only shows.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain import numbers
from ..domain.attempts import AttemptComparison
from ..domain.enums import Language
from ..domain.numbering import question_labels
from .practise_recorder import PractiseRecorder
from .widgets.level_meter import LevelMeter

if TYPE_CHECKING:
    from ..domain.interview import InterviewSession
    from ..services.coaching import AttemptResult
    from .shell import Shell


class PractiseDialog(QDialog):
    def __init__(self, shell: Shell, parent: QWidget, session: InterviewSession, question_ids: list[UUID]) -> None:
        super().__init__(parent)
        self.setObjectName("practiseDialog")
        self.setWindowTitle("Practise again")
        self.setMinimumSize(900, 620)
        self.resize(1000, 720)  # room for a spoken answer's transcript on each side and the list of changes
        self._shell = shell
        self._session = session
        self._queue = list(question_ids)
        self._recorder: PractiseRecorder | None = None
        self._wav: Path | None = None
        self.last_result: AttemptResult | None = None
        self._busy = False  # an attempt is being transcribed or scored

        self.heading = QLabel()
        self.heading.setObjectName("practiseQuestion")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.record_button = QPushButton("Record answer")
        self.record_button.setObjectName("practiseRecord")
        self.record_button.clicked.connect(lambda _checked=False: self._toggle_recording())
        self.meter = LevelMeter()
        # Shown only while recording: idle, an empty bar beside the button reads as a text field.
        self.meter.setFixedHeight(14)
        self.meter.hide()
        self.typed = QPlainTextEdit()
        self.typed.setObjectName("practiseTyped")
        self.typed.setPlaceholderText("…or type your new answer here")
        self.typed.setTabChangesFocus(True)
        self.typed.setMaximumHeight(110)
        self.score_typed = QPushButton("Score typed answer")
        self.score_typed.setObjectName("practiseScoreTyped")
        self.score_typed.clicked.connect(lambda _checked=False: self._score_typed())
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # carries error text: never rich text
        self.status.setObjectName("practiseStatus")
        self.status.setWordWrap(True)
        self.before = QTextBrowser()
        self.before.setObjectName("practiseBefore")
        self.after = QTextBrowser()
        self.after.setObjectName("practiseAfter")
        self.changes = QTextBrowser()
        self.changes.setObjectName("practiseChanges")
        self.next_button = QPushButton("Next question")
        self.next_button.setObjectName("practiseNext")
        self.next_button.clicked.connect(lambda _checked=False: self._next())

        record_row = QHBoxLayout()
        # Aligned, so that the button keeps its own width while the meter (shown only when recording) is hidden.
        record_row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)
        record_row.addWidget(self.meter, 1)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.typed, 1)
        typed_row.addWidget(self.score_typed, 0, Qt.AlignmentFlag.AlignBottom)
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Interview answer</b>"), 0, 0)
        grid.addWidget(QLabel("<b>New attempt</b>"), 0, 1)
        grid.addWidget(self.before, 1, 0)
        grid.addWidget(self.after, 1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(record_row)
        layout.addLayout(typed_row)
        layout.addWidget(self.status)
        layout.addLayout(grid, 3)
        layout.addWidget(self.changes, 2)
        layout.addWidget(buttons)
        self._show_question()

    # questions ------------------------------------------------------------------------------------
    @property
    def question_id(self) -> UUID:
        return self._queue[0]

    def _show_question(self) -> None:
        question = next(q for q in self._session.questions if q.id == self.question_id)
        ref = question_labels(self._session.questions)[question.id]
        left = len(self._queue) - 1
        more = f"  ({left} more in this drill)" if left else ""
        self.heading.setText(f"{ref}: {question.text}{more}")
        self.next_button.setVisible(bool(left))
        answer = self._session.answer_for(question.id)
        self.before.setPlainText(answer.transcript if answer is not None and answer.transcript else "(no answer)")
        self.after.clear()
        self.changes.clear()
        self.typed.clear()
        self.status.setText("Record a new answer (Stop when done) or type one. It is scored like the interview.")

    def _next(self) -> None:
        if len(self._queue) > 1:
            self._queue.pop(0)
            self._show_question()

    # recording ------------------------------------------------------------------------------------
    def _toggle_recording(self) -> None:
        if self._recorder is not None:
            self._recorder.stop()
            self.record_button.setEnabled(False)
            self.status.setText("Finishing the recording…")
            return
        store = self._shell.services.store
        self._wav = store.new_audio_path(self._session.id, self.question_id)
        recorder = PractiseRecorder(self._shell.services, self._wav, self)
        recorder.level.connect(self.meter.set_level)
        recorder.failed.connect(self._recording_failed)
        recorder.recorded.connect(self._transcribe)
        recorder.finished.connect(self._recording_ended)
        self._recorder = recorder
        self.record_button.setText("Stop")
        self.meter.show()
        self.score_typed.setEnabled(False)
        self.status.setText("Recording… speak your answer, then press Stop.")
        recorder.start()

    def _recording_ended(self) -> None:
        self._recorder = None
        self.record_button.setText("Record answer")
        self.record_button.setEnabled(not self._busy)  # the recording may already be being scored
        self.score_typed.setEnabled(not self._busy)
        self.meter.reset()
        self.meter.hide()

    def _recording_failed(self, exc: object) -> None:
        self.status.setText("The recording failed; nothing was scored. You can type your answer instead.")
        if isinstance(exc, BaseException):
            self._shell.show_exception(exc, "Recording a practice answer")

    def _transcribe(self, wav: object) -> None:
        services = self._shell.services
        session, question_id = self._session, self.question_id
        path = Path(str(wav))
        self._set_busy(True)
        self.status.setText("Transcribing and scoring…")

        def work() -> Any:
            from ..services.coaching import attempt_from_recording

            transcriber = services.load_transcriber(services.settings.whisper_model)
            new = attempt_from_recording(
                transcriber, path, services.store.relative_path(path), session.config.language.value
            )
            return services.coaching().practise(session.id, question_id, new)

        self._shell.tasks.run(work, self.show_result, self._failed, name="Scoring a practice answer")

    def _score_typed(self) -> None:
        from ..domain.enums import AnswerMode
        from ..services.coaching import NewAttempt

        text = self.typed.toPlainText()
        if not text.strip():
            self.status.setText("Type an answer first, or record one.")
            return
        new = NewAttempt(mode=AnswerMode.TYPED, transcript=text)
        session_id, question_id = self._session.id, self.question_id
        self._set_busy(True)  # one click, one attempt: a second click while scoring would store it twice
        self.status.setText("Scoring…")
        self._shell.tasks.run(
            lambda: self._shell.services.coaching().practise(session_id, question_id, new),
            self.show_result,
            self._failed,
            name="Scoring a practice answer",
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.score_typed.setEnabled(not busy)
        self.record_button.setEnabled(not busy)
        self.next_button.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(f"Not scored: {exc}")

    # results --------------------------------------------------------------------------------------
    def show_result(self, result: AttemptResult) -> None:
        self._set_busy(False)
        self.last_result = result
        c = result.comparison
        scorer = result.attempt.scored_by
        self.before.setHtml(_side(c, before=True, scorer=scorer))
        self.after.setHtml(_side(c, before=False, scorer=scorer))
        self.changes.setHtml(_changes(c))
        sign = "+" if c.score_delta >= 0 else ""
        note = f" {result.attempt.scoring_note}" if result.attempt.scoring_note else ""
        self.status.setText(
            f"Score {_out_of_10(c.score_before)} → {_out_of_10(c.score_after)} ({sign}{c.score_delta:.1f}). "
            f"Both answers scored by {scorer} in {result.seconds:.2f} s; the attempt is kept.{note}"
        )


def _out_of_10(score: float) -> str:
    """ "7.6/10", "7/10": as the report writes a question's score, so the two can be compared at a glance."""
    return numbers.out_of(round(score, 1), 10, Language.EN)


def _side(c: AttemptComparison, *, before: bool, scorer: str) -> str:
    """The transcript with the word diff marked: removed words on the left, added words on the right."""
    parts: list[str] = []
    for run in c.word_diff:
        text = html.escape(run.text)
        if run.kind == "same":
            parts.append(text)
        elif run.kind == "removed" and before:
            parts.append(f"<span style='background:#fde2e1;text-decoration:line-through'>{text}</span>")
        elif run.kind == "added" and not before:
            parts.append(f"<span style='background:#dff5e1'>{text}</span>")
    score = c.score_before if before else c.score_after
    by = f"<span style='color:#5f6b7a'> · scored by {html.escape(scorer)}</span>"
    return f"<p><b>{_out_of_10(score)}</b>{by}</p><p>{' '.join(parts) or '(no words)'}</p>"


def _changes(c: AttemptComparison) -> str:
    rows: list[str] = []
    for title, items in (
        ("Now covered", c.now_covered),
        ("Still missing", c.still_missing),
        ("No longer covered", c.no_longer_covered),
    ):
        if items:
            rows.append(f"<p><b>{title}</b></p><ul>{''.join(f'<li>{html.escape(i)}</li>' for i in items)}</ul>")
    if c.star_gained or c.star_lost:
        rows.append(
            f"<p><b>STAR</b>: gained {', '.join(c.star_gained) or 'none'}; lost {', '.join(c.star_lost) or 'none'}</p>"
        )
    for change in c.delivery:
        arrow = "" if change.metric == "words_per_minute" else (" (better)" if change.improved else " (worse)")
        if change.before == change.after:
            arrow = ""
        rows.append(
            f"<p>{change.metric.replace('_', ' ')}: {change.before:.1f} → {change.after:.1f} {change.unit}{arrow}</p>"
        )
    return "".join(rows) or "<p>No changes in covered points or delivery.</p>"


def open_practise(shell: Shell, parent: QWidget, session_id: UUID, question_ids: list[UUID]) -> None:
    """Open the dialog for one question, or for a drill's questions in turn, once the session is loaded
    (in the background: the GUI thread does no database work)."""

    def show(session: InterviewSession) -> None:
        PractiseDialog(shell, parent, session, question_ids).show()

    shell.tasks.run(
        lambda: shell.services.store.get_session(session_id),
        show,
        lambda exc: shell.show_exception(exc, "Opening the practice"),
        name="Opening the practice",
    )
