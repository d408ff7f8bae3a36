"""Interview setup: what job, which kind of interview, and which engine will run it (and why)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.config import MAX_QUESTIONS, MIN_QUESTIONS, InterviewConfig
from ...domain.enums import AnswerMode, Difficulty, EngineChoice, InterviewType, Language
from ...domain.messages import friendly_errors
from ..widgets.common import error_label, hint, scrolling_body, title
from ..widgets.plan_coverage import PlanCoveragePanel
from ..widgets.resume_picker import ResumePicker

if TYPE_CHECKING:
    from ..main_window import MainWindow


def _combo(values: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    for text, data in values:
        box.addItem(text, data)
    return box


class SetupPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        layout = scrolling_body(self, max_width=980)
        layout.addWidget(title("New interview"))
        form = QFormLayout()
        layout.addLayout(form)

        self.job_title = QLineEdit()
        self.job_title.setPlaceholderText("e.g. Backend Engineer")
        self.job_title_error = error_label()
        form.addRow("Job title", self.job_title)
        form.addRow("", self.job_title_error)

        self.job_description = QPlainTextEdit()
        self.job_description.setPlaceholderText("Paste the job description (optional but recommended)")
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

        self.resume = ResumePicker(window)
        form.addRow("Resume", self.resume)

        self.interview_type = _combo([(t.value.capitalize(), t) for t in InterviewType])
        self.interview_type.setCurrentIndex(list(InterviewType).index(InterviewType.OVERALL))
        form.addRow("Interview type", self.interview_type)
        self.difficulty = _combo([(d.value.capitalize(), d) for d in Difficulty])
        self.difficulty.setCurrentIndex(1)
        form.addRow("Difficulty", self.difficulty)
        self.question_count = QSpinBox()
        self.question_count.setRange(MIN_QUESTIONS, MAX_QUESTIONS)
        self.question_count.setValue(5)
        self.question_count.setSuffix(" questions")
        form.addRow("Length", self.question_count)
        self.language = _combo([(lang.display_name, lang) for lang in Language])
        form.addRow("Language", self.language)

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

        self.coverage = PlanCoveragePanel(
            window, lambda: (self.validate(quiet_empty=True), self.resume.profile)
        )
        layout.addWidget(self.coverage)
        self.form_error = error_label()
        layout.addWidget(self.form_error)
        row = QHBoxLayout()
        self.start_button = QPushButton("Start interview")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self.start)
        row.addWidget(self.start_button)
        row.addWidget(QLabel("The questions are prepared when you start."))
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

        self.job_title.textChanged.connect(lambda _t: self.validate(quiet_empty=True))
        self.job_description.textChanged.connect(lambda: self.validate(quiet_empty=True))

    def on_enter(self) -> None:
        self._update_engine_note()
        self.validate(quiet_empty=True)
        self.job_title.setFocus()

    def _update_engine_note(self) -> None:
        choice = self.engine.currentData()
        note = self.window_.services.engine_explanation(choice)
        self.engine_note.setText(note)

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
        for label in (self.job_title_error, self.jd_error, self.form_error):
            label.hide()
        try:
            config = self.build_config()
        except ValidationError as exc:
            messages = friendly_errors(exc)
            for item, message in zip(exc.errors(), messages, strict=True):
                field = str(item["loc"][0]) if item["loc"] else ""
                if quiet_empty and field == "job_title" and not self.job_title.text().strip():
                    continue
                target = {"job_title": self.job_title_error, "job_description": self.jd_error}.get(
                    field, self.form_error
                )
                # Next to its field the message needs no field name: "Job title is too short." -> "Too short."
                if target is not self.form_error and " " in message:
                    rest = (
                        message.split(" ", 2)[2]
                        if message.lower().startswith(("job title", "job description"))
                        else message
                    )
                    message = rest[:1].upper() + rest[1:]
                target.setText(message)
                target.show()
            self.start_button.setEnabled(False if not quiet_empty else bool(self.job_title.text().strip()))
            return None
        self.start_button.setEnabled(True)
        return config

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
            from ..errors import describe

            self.load_jd_button.setEnabled(True)
            self.jd_error.setText(describe(exc, "Loading the job description").message)
            self.jd_error.show()

        self.window_.tasks.run(lambda: self.window_.services.read_document(chosen), done, failed)

    def start(self) -> None:
        config = self.validate()
        if config is None:
            return
        self.window_.interview.start_new(config, self.resume.profile)
