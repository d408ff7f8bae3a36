"""The live interview: the question, a clear state, the microphone meter and the words as they come."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.config import InterviewConfig
from ...domain.enums import Language, QuestionKind
from ...domain.interview import Question
from ...domain.numbering import QuestionNumber, number_questions, progress_label
from ...domain.report_text import label
from ...domain.resume import ResumeProfile
from ..errors import describe
from ..interview_controller import PHASE_TEXT, InterviewController, Phase
from ..widgets.common import busy_bar, hint
from ..widgets.level_meter import LevelMeter
from ..widgets.still_thinking import StillThinkingCard
from ..widgets.transcript_view import TranscriptView

if TYPE_CHECKING:
    from ..main_window import MainWindow

_COUNTDOWN_STYLE = (
    "color:#b06000; font-weight:600; font-size:15px"  # amber: reads on the light and the dark theme
)
_READING = (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)
# The keys of the answer being given: a typed answer has no Space, R or pauses (the spoken keys were shown).
_SPOKEN_KEYS = (
    "Space stops the answer · R replays the question · The answer also ends by itself after a pause (a "
    "countdown shows it coming; keep talking to go on) · Then check the text: Space or Enter goes on, R "
    "re-records."
)
_TYPED_KEYS = (
    "Ctrl+Enter submits the answer · Replay question reads it again · Speak instead opens the microphone."
)
_BUSY = {Phase.PREPARING, Phase.LOADING, Phase.SPEAKING, Phase.TRANSCRIBING, Phase.THINKING, Phase.REPORTING}


class InterviewPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.controller = InterviewController(window)
        c = self.controller
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.progress_label = QLabel("Interview")
        self.progress_label.setProperty("role", "title")
        top.addWidget(self.progress_label)
        self.kind_label = QLabel()
        top.addWidget(self.kind_label)
        top.addStretch(1)
        self.elapsed_label = QLabel("0:00")
        self.elapsed_label.setToolTip("Time spent on this answer")
        top.addWidget(self.elapsed_label)
        layout.addLayout(top)

        self.question_label = QLabel("")
        self.question_label.setProperty("role", "question")
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)  # untrusted text: never rich text
        self.question_label.setWordWrap(True)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.question_label)

        state_row = QHBoxLayout()
        self.state_label = QLabel(PHASE_TEXT[Phase.IDLE])
        self.state_label.setProperty("role", "state")
        self.state_label.setAccessibleName("Interview state")
        self.state_label.setObjectName("interviewState")
        state_row.addWidget(self.state_label, 1)
        # Both countdowns sit on the state line, so showing them never moves the transcript; the end
        # countdown takes the state's place while it shows (it says more than "Listening").
        self.end_countdown = QLabel()
        self.end_countdown.setObjectName("endCountdown")
        self.end_countdown.setStyleSheet(_COUNTDOWN_STYLE)
        self.end_countdown.setAccessibleName("Answer ending countdown")
        self.end_countdown.hide()
        state_row.addWidget(self.end_countdown)
        self.review_countdown = QLabel()
        self.review_countdown.setObjectName("reviewCountdown")
        self.review_countdown.setStyleSheet(_COUNTDOWN_STYLE)
        self.review_countdown.hide()
        state_row.addWidget(self.review_countdown)
        self.meter = LevelMeter()
        self.meter.setFixedWidth(220)
        state_row.addWidget(self.meter)
        layout.addLayout(state_row)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        self.still_thinking = StillThinkingCard()
        layout.addWidget(self.still_thinking)

        self.transcript = TranscriptView()
        self.transcript.setObjectName("liveTranscript")
        layout.addWidget(self.transcript, 1)
        self.final_transcript = QPlainTextEdit()
        self.final_transcript.setObjectName("finalTranscript")
        self.final_transcript.setReadOnly(True)
        self.final_transcript.setAccessibleName("Your answer as transcribed")
        self.final_transcript.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes to Next / Re-record
        self.final_transcript.setStyleSheet("font-size:15px")
        self.final_transcript.setPlaceholderText(
            "No words were recognised in this take. Re-record (R), or go on with no answer (Space)."
        )
        self.final_transcript.hide()
        # Clicking or scrolling in the text holds the review's auto-continue: the candidate is reading it.
        self.final_transcript.installEventFilter(self)
        self.final_transcript.viewport().installEventFilter(self)
        layout.addWidget(self.final_transcript, 1)
        self.typed = QPlainTextEdit()
        self.typed.setPlaceholderText("Type your answer here. Ctrl+Enter submits it.")
        self.typed.hide()
        layout.addWidget(self.typed, 1)

        buttons = QHBoxLayout()
        self.replay_button = QPushButton("Replay question")
        self.stop_button = QPushButton("Stop answer (Space)")
        self.stop_button.setProperty("role", "primary")
        self.accept_button = QPushButton("Next question (Space)")
        self.accept_button.setObjectName("acceptAnswer")
        self.accept_button.setProperty("role", "primary")
        self.rerecord_button = QPushButton("Re-record (R)")
        self.rerecord_button.setObjectName("reRecord")
        self.skip_button = QPushButton("Skip")
        self.type_button = QPushButton("Type instead")
        self.submit_button = QPushButton("Submit answer")
        self.submit_button.setProperty("role", "primary")
        self.end_button = QPushButton("End interview…")
        for button in (
            self.replay_button,
            self.stop_button,
            self.accept_button,
            self.submit_button,
            self.rerecord_button,
            self.skip_button,
            self.type_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        layout.addLayout(buttons)
        self.keys_hint = hint(_SPOKEN_KEYS)
        self.keys_hint.setObjectName("interviewKeys")
        layout.addWidget(self.keys_hint)

        self.replay_button.clicked.connect(c.ask)
        self.stop_button.clicked.connect(c.stop_answer)
        self.accept_button.clicked.connect(c.accept_answer)
        self.still_thinking.start_button.clicked.connect(c.keep_thinking)
        self.still_thinking.skip_button.clicked.connect(c.skip)
        self.rerecord_button.clicked.connect(self._re_record)
        self.skip_button.clicked.connect(c.skip)
        self.type_button.clicked.connect(self._toggle_typing)
        self.submit_button.clicked.connect(self._submit)
        self.end_button.clicked.connect(lambda: self.end_early())
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self, c.space)
        self.space.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.replay_key = QShortcut(QKeySequence(Qt.Key.Key_R), self, self._r_key)
        self.replay_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.enter_keys = [
            QShortcut(QKeySequence(key), self, c.accept_answer)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        for shortcut in self.enter_keys:
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Return"), self.typed, self._submit)

        c.phase_changed.connect(self._on_phase)
        c.question_changed.connect(self._on_question)
        c.level.connect(self.meter.set_level)
        c.transcript.connect(self.transcript.set_text)
        c.review.connect(self._on_review)
        c.mic_opened.connect(lambda: self.state_label.setText(PHASE_TEXT[Phase.LISTENING]))
        c.timers.still_thinking.connect(self.still_thinking.setVisible)
        c.timers.end_countdown.connect(self._on_end_countdown)
        c.timers.review_countdown.connect(self._on_review_countdown)
        c.failed.connect(lambda exc, doing: window.show_error(describe(exc, doing)))
        c.notice.connect(lambda text: window.banner.show_message(text, kind="warning"))
        c.reports_done.connect(self._on_reports_done)
        c.report_arrived.connect(self._on_report)
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_elapsed)
        self._on_phase(Phase.IDLE.value)

    # entry points -----------------------------------------------------------------------------------
    def start_new(self, config: InterviewConfig, resume: ResumeProfile | None) -> None:
        self._prepare_view()
        self.window_.go("interview")
        self.controller.start(config, resume)

    def resume_session(self, session_id: UUID) -> None:
        self._prepare_view()
        self.window_.go("interview")
        self.controller.resume(session_id)

    def _prepare_view(self) -> None:
        self.question_label.setText("")
        self.progress_label.setText("Interview")
        self.transcript.set_text("", "")
        self.final_transcript.clear()
        self.typed.clear()
        self.window_.speech_status.start()

    # rendering --------------------------------------------------------------------------------------
    def _on_question(self, question: Question, number: int, total: int) -> None:
        follow_up = question.kind is QuestionKind.FOLLOW_UP
        session = self.controller.session
        known = number_questions(session.questions) if session is not None else {}
        position = known.get(question.id) or QuestionNumber(number, 1 if follow_up else 0)
        language = session.config.language if session is not None else Language.EN
        self.progress_label.setText(progress_label(position, total, language))
        # Next to the heading, in the heading's language ("Q2 relance (sur 5)"): the report's own word.
        self.kind_label.setText(label("follow_up", language) if follow_up else "")
        # The clock restarts when the answer opens; until then it showed the last answer's time.
        self.elapsed_label.setText("0:00")
        self.kind_label.setStyleSheet("color:#b06000; font-weight:600" if follow_up else "")
        self.question_label.setText(question.text)
        self.transcript.set_text("", "")
        self.typed.clear()

    def _on_phase(self, value: str) -> None:
        phase = Phase(value)
        # Until the microphone delivers audio, "Listening" would be a promise words could fall through.
        opening = phase is Phase.LISTENING and not self.controller.mic_open
        self.state_label.setText("Opening the microphone…" if opening else PHASE_TEXT[phase])
        self.busy.setVisible(phase in _BUSY)
        asking = phase in (Phase.SPEAKING, Phase.LISTENING, Phase.TRANSCRIBING, Phase.TYPING)
        typing, reviewing = phase is Phase.TYPING, phase is Phase.REVIEW
        self.stop_button.setVisible(not typing and not reviewing)
        self.stop_button.setEnabled(phase is Phase.LISTENING)
        self.accept_button.setVisible(reviewing)
        self.space.setEnabled(phase in (Phase.LISTENING, Phase.REVIEW))
        for shortcut in self.enter_keys:
            shortcut.setEnabled(reviewing)
        self.replay_key.setEnabled(phase in (Phase.LISTENING, Phase.SPEAKING, Phase.REVIEW))
        self.submit_button.setVisible(typing)
        self.typed.setVisible(typing)
        self.keys_hint.setText(_TYPED_KEYS if typing else _SPOKEN_KEYS)
        self.transcript.setVisible(not typing and not reviewing)
        self.final_transcript.setVisible(reviewing)
        self.meter.setVisible(not typing and not reviewing)
        self.replay_button.setEnabled(asking)
        self.rerecord_button.setEnabled(phase in (Phase.LISTENING, Phase.REVIEW))
        self.skip_button.setEnabled(asking or reviewing)
        self.type_button.setEnabled(phase in (Phase.LISTENING, Phase.TYPING, Phase.SPEAKING))
        self.type_button.setText("Speak instead" if typing else "Type instead")
        self.end_button.setEnabled(phase not in (Phase.REPORTING, Phase.DONE, Phase.IDLE))
        if phase in (Phase.LISTENING, Phase.TYPING):
            self._tick.start()
            if typing:
                self.typed.setFocus()
            else:
                self.setFocus()
        elif reviewing:
            self._tick.stop()
            self.accept_button.setFocus()
        elif phase is not Phase.TRANSCRIBING:
            self._tick.stop()
        if phase is not Phase.LISTENING:
            self.meter.reset()

    def _on_review(self, text: str) -> None:
        # The whole final text, last sentence included: what will be submitted, shown before it is.
        self.final_transcript.setPlainText(text)

    def _on_end_countdown(self, seconds: int) -> None:
        self.end_countdown.setText(f"Ending your answer in {seconds} s — keep talking to go on")
        self.end_countdown.setVisible(seconds > 0)
        self.state_label.setVisible(seconds <= 0)

    def _on_review_countdown(self, seconds: int) -> None:
        self.review_countdown.setText(f"Next question in {seconds} s")
        self.review_countdown.setVisible(seconds > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _READING and watched in (self.final_transcript, self.final_transcript.viewport()):
            self.controller.timers.hold_review()
        return super().eventFilter(watched, event)

    def _r_key(self) -> None:
        """R re-records while a take is under review; otherwise it replays the question."""
        if self.controller.phase is Phase.REVIEW:
            self.controller.re_record()
        else:
            self.controller.ask()

    def _update_elapsed(self) -> None:
        seconds = int(self.controller.answer_clock.elapsed() / 1000)
        self.elapsed_label.setText(f"{seconds // 60}:{seconds % 60:02d}")

    def _on_report(self, report: object) -> None:
        name = type(report).__name__.replace("Report", "").lower() or "report"
        self.state_label.setText(f"Writing your report… ({name} ready)")

    def _on_reports_done(self, session_id: UUID) -> None:
        self.window_.open_report(session_id)

    # actions ----------------------------------------------------------------------------------------
    def _re_record(self) -> None:
        self.controller.re_record()

    def _toggle_typing(self) -> None:
        if self.controller.phase is Phase.TYPING:
            self.controller.switch_to_voice()
        else:
            self.window_.player.stop()
            self.controller.switch_to_typing()

    def _submit(self) -> None:
        self.controller.submit_typed(self.typed.toPlainText())

    def end_early(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self,
                "End the interview",
                "End the interview now? Your answers so far are kept and the report covers them.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.controller.end_early()

    def shutdown(self) -> None:
        self.controller.shutdown()
