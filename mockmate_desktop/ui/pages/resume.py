"""Resume analyzer: a resume and a job description in; suitability, matched and missing skills, advice out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import EngineChoice
from ...domain.resume import ResumeAnalysis
from ..errors import describe
from ..report.text import bullets, esc, para, section
from ..widgets.badges import EngineBadge
from ..widgets.common import busy_bar, card, empty_state, error_label, hint, keep_space_when_hidden, title
from ..widgets.resume_picker import ResumePicker
from ..widgets.score_gauge import ScoreGauge

if TYPE_CHECKING:
    from ..shell import Shell


def analysis_html(analysis: ResumeAnalysis) -> str:
    matched = [
        f"{m.skill}"
        + (f" (as “{m.matched_as}”)" if m.matched_as and m.matched_as != m.skill else "")
        + (f" — in {', '.join(m.found_in)}" if m.found_in else "")
        for m in analysis.matched
    ]
    missing = [f"{m.skill}" + ("" if m.required else " (nice to have)") for m in analysis.missing]
    suggestions = "".join(
        f"<li><b>{esc(s.section)}</b>: "
        + (f"<s>{esc(s.original)}</s> → " if s.original else "")
        + f"{esc(s.suggested)}<br><i>{esc(s.reason)}</i></li>"
        for s in analysis.suggestions
    )
    engine = "" if analysis.engine_score is None else f", engine judgement {analysis.engine_score}"
    return (
        f"<p>Suitability <b>{analysis.suitability_score}/100</b> (skill coverage "
        f"{analysis.deterministic_score}{engine}) · {esc(analysis.source.label)}</p>"
        + section("Summary", para(analysis.summary))
        + section("Matched skills", bullets(matched, "No required skills found in the resume."))
        + section("Missing skills", bullets(missing, "Nothing missing."))
        + section("Strengths", bullets(analysis.strengths))
        + section("Gaps", bullets(analysis.gaps))
        + section("Suggestions", f"<ul>{suggestions}</ul>" if suggestions else para("No suggestions."))
    )


class ResumePage(QWidget):
    analysed = Signal(object)  # ResumeAnalysis

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        self.analysis: ResumeAnalysis | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(title("Resume analyzer"))
        layout.addWidget(
            hint(
                "See how well your resume fits a job: matched and missing skills, and concrete "
                "rewrites that add missing keywords truthfully."
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        left, left_column = card("Your resume and the job")
        form = QFormLayout()
        left_column.addLayout(form)
        left_column.addStretch(1)
        # Required: a file or pasted text (either one); the label says so instead of "(optional)".
        self.picker = ResumePicker(shell, optional=False)
        form.addRow("Resume", self.picker)
        self.pasted = QPlainTextEdit()
        self.pasted.setPlaceholderText("…or paste the resume text here")
        self.pasted.setTabChangesFocus(True)
        self.pasted.setMaximumHeight(90)
        form.addRow("", self.pasted)
        form.addRow("", hint("Choose a resume file or paste its text: one of the two is needed."))
        self.job_title = QLineEdit()
        self.job_title.setPlaceholderText("e.g. Data Engineer")
        form.addRow("Job title", self.job_title)
        self.job_description = QPlainTextEdit()
        self.job_description.setPlaceholderText("Paste the job description")
        self.job_description.setTabChangesFocus(True)
        jd_row = QVBoxLayout()
        jd_row.addWidget(self.job_description)
        self.load_jd = QPushButton("Load from file…")
        self.load_jd.clicked.connect(lambda: self.load_job_description())
        jd_buttons = QHBoxLayout()
        jd_buttons.addWidget(self.load_jd)
        jd_buttons.addStretch(1)
        jd_row.addLayout(jd_buttons)
        form.addRow("Job description", jd_row)
        self.engine = QComboBox()
        for text, choice in (
            ("Automatic", EngineChoice.AUTO),
            ("Gemini", EngineChoice.GEMINI),
            ("Offline", EngineChoice.OFFLINE),
        ):
            self.engine.addItem(text, choice)
        form.addRow("Engine", self.engine)
        # Always in the layout with room for two lines: a message appearing never moves the form.
        self.error = error_label()
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing())
        self.error.show()
        form.addRow("", self.error)
        buttons = QHBoxLayout()
        self.analyze_button = QPushButton("Analyze")
        self.analyze_button.setProperty("role", "primary")
        self.analyze_button.clicked.connect(self.analyze)
        buttons.addWidget(self.analyze_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.busy = busy_bar()
        keep_space_when_hidden(self.busy)
        form.addRow("", self.busy)
        splitter.addWidget(left)

        right, right_layout = card("Fit for the job")
        head = QHBoxLayout()
        self.gauge = ScoreGauge(caption="Suitability")
        head.addWidget(self.gauge)
        self.badge = EngineBadge()
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addStretch(1)
        right_layout.addLayout(head)
        self.result = QTextBrowser()
        self.result.hide()
        right_layout.addWidget(self.result, 1)
        self.empty = empty_state(
            "No analysis yet.\n\nChoose or paste your resume, paste the job description, then press "
            "Analyze: the suitability score, matched and missing skills, and suggested rewrites appear here."
        )
        right_layout.addWidget(self.empty, 1)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 560])
        self.picker.profile_changed.connect(lambda _p: self._clear_error())
        self.pasted.textChanged.connect(self._clear_error)
        self.job_description.textChanged.connect(self._clear_error)

    def _clear_error(self) -> None:
        """A message about missing input goes as soon as the input is there (the space stays)."""
        self.error.clear()

    def load_job_description(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, "Load job description", "", "Text or PDF (*.txt *.md *.pdf)"
            )
        if not path:
            return
        chosen = Path(path)
        self.shell.tasks.run(
            lambda: self.shell.services.read_document(chosen),
            self.job_description.setPlainText,
            lambda exc: self.shell.show_exception(exc, "Loading the job description"),
        )

    def analyze(self) -> None:
        self.error.clear()
        jd = self.job_description.toPlainText().strip()
        profile = self.picker.profile
        pasted = self.pasted.toPlainText().strip()
        if profile is None and not pasted:
            self.error.setText("Choose a resume file or paste its text.")
            return
        if len(jd.split()) < 5:
            self.error.setText("Paste the job description (at least a few words) to compare against.")
            return
        title_text = self.job_title.text().strip()
        choice = self.engine.currentData()
        services = self.shell.services
        self.busy.show()
        self.analyze_button.setEnabled(False)

        def work() -> ResumeAnalysis:
            resume = profile if profile is not None else services.resume_from_text(pasted)
            return services.analyze_resume(resume, jd, title_text, choice)

        # Mostly engine work (maybe a Gemini call): the pool, so it never holds up the store's lane.
        self.shell.tasks.run(work, self._show, self._failed, name="Analyzing the resume")

    def _show(self, analysis: ResumeAnalysis) -> None:
        self.busy.hide()
        self.analyze_button.setEnabled(True)
        self.analysis = analysis
        self.gauge.set_score(analysis.suitability_score)
        self.badge.set_sources([analysis.source])
        self.result.setHtml(analysis_html(analysis))
        self.empty.hide()
        self.result.show()
        self.analysed.emit(analysis)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.analyze_button.setEnabled(True)
        self.error.setText(describe(exc, "Analyzing the resume").message)
        self.shell.show_exception(exc, "Analyzing the resume")
