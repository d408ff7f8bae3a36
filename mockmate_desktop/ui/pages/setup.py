"""Interview setup: the job, the interview, how you answer (with a microphone check), and the engine.

Start is never disabled without a reason on screen: the line next to it says what is missing, and each
field's own message sits under the field. Out-of-range values stay as typed and are marked, never silently
replaced by another number.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.settings import ANSWER_END_SILENCE_RANGE_S, THINKING_TIME_RANGE_S
from ...domain.config import MAX_QUESTIONS, MIN_QUESTIONS, InterviewConfig
from ...domain.enums import AnswerMode, Difficulty, EngineChoice, InterviewType, Language
from ...domain.messages import friendly_errors
from ..errors import describe
from ..tasks import Lane
from ..widgets.common import card, error_label, form_card, hint, scrolling_body, set_invalid, title
from ..widgets.mic_check import MicCheck
from ..widgets.plan_coverage import PlanCoveragePanel
from ..widgets.resume_picker import ResumePicker
from .settings import seconds_field

if TYPE_CHECKING:
    from ..shell import Shell

# The spin box accepts any number a person might type, so a 3 or a 20 stays visible and is explained.
_TYPED_COUNT_RANGE = (1, 99)


def _combo(values: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    for text, data in values:
        box.addItem(text, data)
    return box


def count_problem(count: int) -> str:
    if count < MIN_QUESTIONS:
        return f"{count} is too few: choose {MIN_QUESTIONS} to {MAX_QUESTIONS} questions."
    if count > MAX_QUESTIONS:
        return f"{count} is too many: choose {MIN_QUESTIONS} to {MAX_QUESTIONS} questions."
    return ""


class SetupPage(QWidget):
    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        layout = scrolling_body(self, max_width=980)
        layout.setSpacing(16)
        layout.addWidget(title("New interview"))
        layout.addWidget(self._job_card())
        layout.addWidget(self._interview_card())
        layout.addWidget(self._answers_card())
        # Which question would probe which requirement of the job, before anything starts.
        self.coverage = PlanCoveragePanel(
            self.shell, lambda: (self.validate(quiet_empty=True), self.resume.profile)
        )
        layout.addWidget(self.coverage)

        layout.addStretch(1)
        # The footer stays in view below the scrolling form: Start, and why it cannot start yet.
        footer, footer_column = card()
        self.form_error = error_label()
        footer_column.addWidget(self.form_error)
        row = QHBoxLayout()
        self.start_button = QPushButton("Start interview")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self.start)
        row.addWidget(self.start_button)
        self.start_reason = hint("")
        row.addWidget(self.start_reason, 1)
        footer_column.addLayout(row)
        outer = self.layout()
        assert outer is not None
        outer.addWidget(footer)

        self.job_title.textChanged.connect(lambda _t: self.validate(quiet_empty=True))
        self.job_title.returnPressed.connect(self.start)
        self.job_description.textChanged.connect(lambda: self.validate(quiet_empty=True))
        self.question_count.valueChanged.connect(lambda _v: self.validate(quiet_empty=True))
        self.voice_radio.toggled.connect(self._show_mode)
        self.voice_radio.toggled.connect(lambda _on: self.validate(quiet_empty=True))
        self.mic_check.checked.connect(lambda _heard: self.validate(quiet_empty=True))

    # cards ------------------------------------------------------------------------------------------
    def _job_card(self) -> QWidget:
        frame, form = form_card("The job")
        self.job_title = QLineEdit()
        self.job_title.setPlaceholderText("e.g. Backend Engineer")
        self.job_title_error = error_label()
        form.addRow("Job title", self.job_title)
        form.addRow("", self.job_title_error)

        self.job_description = QPlainTextEdit()
        self.job_description.setPlaceholderText("Paste the job description (optional but recommended)")
        self.job_description.setTabChangesFocus(True)
        self.job_description.setMaximumHeight(120)
        jd_box = QVBoxLayout()
        jd_box.addWidget(self.job_description)
        self.load_jd_button = QPushButton("Load from file…")
        self.load_jd_button.clicked.connect(lambda: self.load_job_description())
        jd_buttons = QHBoxLayout()
        jd_buttons.addWidget(self.load_jd_button)
        jd_buttons.addStretch(1)
        jd_box.addLayout(jd_buttons)
        self.jd_error = error_label()
        jd_box.addWidget(self.jd_error)
        form.addRow("Job description", jd_box)

        self.resume = ResumePicker(self.shell)
        form.addRow("Resume (optional)", self.resume)
        return frame

    def _interview_card(self) -> QWidget:
        frame, form = form_card("The interview")
        self.interview_type = _combo([(t.value.capitalize(), t) for t in InterviewType])
        self.interview_type.setCurrentIndex(list(InterviewType).index(InterviewType.OVERALL))
        form.addRow("Interview type", self.interview_type)
        self.difficulty = _combo([(d.value.capitalize(), d) for d in Difficulty])
        self.difficulty.setCurrentIndex(1)
        form.addRow("Difficulty", self.difficulty)
        self.question_count = QSpinBox()
        self.question_count.setRange(*_TYPED_COUNT_RANGE)
        self.question_count.setValue(5)
        self.question_count.setSuffix(" questions")
        self.question_count.setMaximumWidth(180)
        self.question_count.setToolTip(f"{MIN_QUESTIONS} to {MAX_QUESTIONS} questions")
        self.count_error = error_label()
        form.addRow("Length", self.question_count)
        form.addRow("", self.count_error)
        self.language = _combo([(lang.display_name, lang) for lang in Language])
        form.addRow("Language", self.language)
        self.engine = _combo(
            [
                ("Automatic", EngineChoice.AUTO),
                ("Gemini", EngineChoice.GEMINI),
                ("Offline", EngineChoice.OFFLINE),
            ]
        )
        self.engine.currentIndexChanged.connect(self._update_engine_note)
        form.addRow("Engine", self.engine)
        self.engine_note = hint("")
        form.addRow("", self.engine_note)
        return frame

    def _answers_card(self) -> QWidget:
        frame, form = form_card("Your answers")
        mode_row = QHBoxLayout()
        self.voice_radio = QRadioButton("Speak my answers")
        self.typed_radio = QRadioButton("Type my answers")
        self.voice_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.voice_radio)
        self.mode_group.addButton(self.typed_radio)
        mode_row.addWidget(self.voice_radio)
        mode_row.addWidget(self.typed_radio)
        mode_row.addStretch(1)
        form.addRow("Answers", mode_row)
        self.thinking_time = seconds_field(THINKING_TIME_RANGE_S)
        self.thinking_time.setToolTip("After a question, how long to wait before asking “Still thinking?”")
        self.answer_end = seconds_field(ANSWER_END_SILENCE_RANGE_S)
        self.answer_end.setToolTip("Silence that ends an answer when your words sound finished")
        self._timing_rows: list[QHBoxLayout] = []
        for label, field, explanation in (
            ("Thinking time", self.thinking_time, "before “Still thinking?” is asked (never skipped)"),
            ("End of answer", self.answer_end, "of silence ends an answer whose words sound finished"),
        ):
            row = QHBoxLayout()
            row.addWidget(field)
            row.addWidget(hint(explanation), 1)
            form.addRow(label, row)
            self._timing_rows.append(row)
        self.mic_check = MicCheck(self.shell)
        form.addRow("Microphone", self.mic_check)
        self._answers_form = form
        return frame

    def _show_mode(self, voice: bool) -> None:
        self._answers_form.setRowVisible(self.mic_check, voice)
        for row in self._timing_rows:  # silence matters only when speaking
            self._answers_form.setRowVisible(row, voice)

    def on_enter(self) -> None:
        s = self.shell.services.settings
        self.thinking_time.setValue(s.thinking_time_s)
        self.answer_end.setValue(s.answer_end_silence_s)
        self._update_engine_note()
        self.validate(quiet_empty=True)
        self.job_title.setFocus()

    def _update_engine_note(self) -> None:
        self.engine_note.setText(self.shell.services.engine_explanation(self.engine.currentData()))

    # validation -------------------------------------------------------------------------------------
    def build_config(self) -> InterviewConfig:
        profile = self.resume.profile
        return InterviewConfig(
            job_title=self.job_title.text().strip(),
            job_description=self.job_description.toPlainText().strip(),
            resume_id=profile.id if profile is not None else None,
            interview_type=self.interview_type.currentData(),
            difficulty=self.difficulty.currentData(),
            question_count=self.question_count.value(),
            language=self.language.currentData(),
            answer_mode=AnswerMode.VOICE if self.voice_radio.isChecked() else AnswerMode.TYPED,
            engine=self.engine.currentData(),
        )

    def validate(self, quiet_empty: bool = False) -> InterviewConfig | None:
        """The config, or None with every problem shown: under its field, and summed up next to Start.

        `quiet_empty` (while typing): an empty title is explained next to Start but not shouted in red.
        """
        for label in (self.job_title_error, self.jd_error, self.form_error, self.count_error):
            label.hide()
        empty_title = not self.job_title.text().strip()
        problem = count_problem(self.question_count.value())
        if problem:
            self.count_error.setText(problem)
            self.count_error.show()
        reasons: list[str] = ["Enter the job title to start."] if empty_title else []
        try:
            config = self.build_config()
        except ValidationError as exc:
            for item, message in zip(exc.errors(), friendly_errors(exc), strict=True):
                field = str(item["loc"][0]) if item["loc"] else ""
                if field == "question_count":
                    continue  # already shown in our own words under the field
                if field == "job_title" and empty_title:
                    if not quiet_empty:
                        self._show_field_error(
                            self.job_title_error, "Enter the job title, e.g. Backend Engineer."
                        )
                    continue
                target = {"job_title": self.job_title_error, "job_description": self.jd_error}.get(
                    field, self.form_error
                )
                self._show_field_error(target, message)
                if target is not self.form_error:
                    reasons.append("Correct the field marked in red.")
            if problem:
                reasons.append(f"Choose {MIN_QUESTIONS} to {MAX_QUESTIONS} questions.")
            self._mark_title()
            self._block_start(reasons or ["Correct the fields marked in red."])
            return None
        self._mark_title()
        self.start_button.setEnabled(True)
        self.start_button.setToolTip("")
        if self.voice_radio.isChecked() and self.mic_check.heard is False:
            # Not a blocker (the check may have been run in silence), but worth saying before a spoken interview.
            self.start_reason.setText(
                "Ready, but the microphone check heard nothing: test it again, or choose Type my answers."
            )
        else:
            self.start_reason.setText(
                "The questions are prepared when you start (Enter in the job title starts)."
            )
        return config

    def _mark_title(self) -> None:
        set_invalid(self.job_title, not self.job_title_error.isHidden())

    def _show_field_error(self, target: QWidget, message: str) -> None:
        # Next to its field the message needs no field name: "Job title is too short." -> "Is too short."
        if target is not self.form_error and message.lower().startswith(("job title ", "job description ")):
            rest = message.split(" ", 2)[2]
            message = rest[:1].upper() + rest[1:]
        assert isinstance(target, type(self.form_error))
        target.setText(message)
        target.show()

    def _block_start(self, reasons: list[str]) -> None:
        text = " ".join(dict.fromkeys(reasons))
        self.start_button.setEnabled(False)
        self.start_button.setToolTip(text)
        self.start_reason.setText(text)

    # actions ----------------------------------------------------------------------------------------
    def load_job_description(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, "Load job description", "", "Text or PDF (*.txt *.md *.pdf);;All files (*)"
            )
        if not path:
            return
        chosen = Path(path)
        self.load_jd_button.setEnabled(False)

        def done(text: str) -> None:
            self.load_jd_button.setEnabled(True)
            self.job_description.setPlainText(text)

        def failed(exc: BaseException) -> None:
            self.load_jd_button.setEnabled(True)
            self.jd_error.setText(describe(exc, "Loading the job description").message)
            self.jd_error.show()

        self.shell.tasks.run(lambda: self.shell.services.read_document(chosen), done, failed)

    def start(self) -> None:
        config = self.validate()
        if config is None:
            (self.question_count if self.count_error.isVisible() else self.job_title).setFocus()
            return
        self._keep_timing()
        self.mic_check.stop()  # the interview needs the microphone to itself
        self.shell.start_interview(config, self.resume.profile)

    def _keep_timing(self) -> None:
        """The timings chosen here are the user's settings from now on (Settings shows the same two)."""
        s = self.shell.services.settings
        if (s.thinking_time_s, s.answer_end_silence_s) == (
            self.thinking_time.value(),
            self.answer_end.value(),
        ):
            return
        s.thinking_time_s = self.thinking_time.value()
        s.answer_end_silence_s = self.answer_end.value()
        self.shell.tasks.run(
            self.shell.services.save_settings,
            on_error=lambda exc: self.shell.show_exception(exc, "Saving the answer timing"),
            name="Saving the answer timing",
            lane=Lane.STORE,
        )
