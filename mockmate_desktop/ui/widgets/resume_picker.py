"""Pick a resume file, parse it in a worker, and preview what was extracted with any warning."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.resume import ResumeProfile
from ..tasks import Lane
from .common import busy_bar, error_label, keep_space_when_hidden

if TYPE_CHECKING:
    from ..shell import Shell


class ResumePicker(QWidget):
    profile_changed = Signal(object)  # ResumeProfile | None
    parse_failed = Signal(str)

    def __init__(self, shell: Shell, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.shell = shell
        # Whether a resume is optional is said by the form that holds the picker; the picker only says
        # what it holds.
        self._empty_text = "No resume chosen" + (" (optional)" if optional else "")
        self.profile: ResumeProfile | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.choose_button = QPushButton("Choose resume…")
        self.choose_button.clicked.connect(lambda: self.choose())
        self.clear_button = QPushButton("Clear")
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setEnabled(False)
        self.file_label = QLabel(self._empty_text)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # untrusted text: never rich text
        # A long skills list must wrap, not widen the window.
        self.file_label.setWordWrap(True)
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        row.addWidget(self.file_label, 1)
        layout.addLayout(row)
        self.busy = busy_bar()
        keep_space_when_hidden(self.busy)
        layout.addWidget(self.busy)
        self.warning = error_label()
        layout.addWidget(self.warning)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText("The text read from your resume appears here.")
        self.preview.setMaximumHeight(110)
        # Where the resume is optional (setup) an empty preview would only take room; the analyzer keeps
        # it in place so that loading a resume does not move its form.
        self._compact = optional
        self.preview.setVisible(not optional)
        layout.addWidget(self.preview)

    def choose(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, "Choose your resume", "", "Resumes (*.pdf *.txt *.md);;All files (*)"
            )
        if not path:
            return
        chosen = path
        self.file_label.setText(f"Reading {chosen.rsplit('/', 1)[-1]}…")
        self.busy.show()
        self.choose_button.setEnabled(False)
        self.warning.hide()
        # Reading a resume stores its profile: the store's serialized lane.
        self.shell.tasks.run(
            lambda: self.shell.services.load_resume(chosen),
            self._loaded,
            self._failed,
            name="Reading resume",
            lane=Lane.STORE,
        )

    def _loaded(self, profile: ResumeProfile) -> None:
        self.busy.hide()
        self.choose_button.setEnabled(True)
        self.clear_button.setEnabled(True)
        self.profile = profile
        name = profile.original_name or "resume"
        skills = ", ".join(profile.skills_technical[:8])
        self.file_label.setText(
            f"{name} — {len(profile.text.split())} words" + (f"; skills: {skills}" if skills else "")
        )
        self.preview.setPlainText(profile.text[:5000])
        self.preview.show()
        if profile.warnings:
            self.warning.setText("⚠ " + " ".join(profile.warnings))
            self.warning.show()
        self.profile_changed.emit(profile)

    def _failed(self, exc: BaseException) -> None:
        from ..errors import describe

        self.busy.hide()
        self.choose_button.setEnabled(True)
        error = describe(exc)
        self.file_label.setText("Resume not used")
        self.warning.setText(f"{error.message} {error.fix}")
        self.warning.show()
        self.parse_failed.emit(error.message)

    def clear(self) -> None:
        self.profile = None
        self.preview.clear()
        self.preview.setVisible(not self._compact)
        self.warning.hide()
        self.file_label.setText(self._empty_text)
        self.clear_button.setEnabled(False)
        self.profile_changed.emit(None)
