"""Shown once: what runs on this computer, what goes to Gemini, and how to choose."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..tasks import Lane
from ..widgets.common import hint, title

if TYPE_CHECKING:
    from ..shell import Shell

_TEXT = """
<h3>Always on this computer</h3>
<ul>
<li>Questions are read aloud and your microphone is recorded here.</li>
<li>Your answers are transcribed here by a local Whisper model. Audio never leaves the computer.</li>
<li>Sessions, recordings and reports are stored in your data folder.</li>
</ul>
<h3>Offline engine (no key needed)</h3>
<p>Questions come from a built-in bank matched to the job and your resume; answers are scored with a
transparent rubric (relevance, structure, specifics, delivery). Reports are marked
<b>Offline heuristic</b>.</p>
<h3>Gemini (optional)</h3>
<p>With a Gemini API key (Settings), questions and reports are written by Google's Gemini model. The job
description, your resume text (contact details removed) and the transcripts of your answers are sent to
Google. Reports are marked <b>Gemini</b>. If Gemini is unreachable the interview continues offline and the
report says so.</p>
"""


class FirstRunPage(QWidget):
    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        layout = QVBoxLayout(self)
        layout.addWidget(title("Welcome to MockMate"))
        body = QLabel(_TEXT)
        body.setWordWrap(True)
        layout.addWidget(body)
        layout.addWidget(hint("You can change this at any time in Settings."))
        row = QHBoxLayout()
        self.start_button = QPushButton("Get started (offline)")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(lambda: self.finish("home"))
        self.settings_button = QPushButton("Add a Gemini key…")
        self.settings_button.clicked.connect(lambda: self.finish("settings"))
        row.addWidget(self.start_button)
        row.addWidget(self.settings_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def finish(self, next_page: str) -> None:
        services = self.shell.services
        services.settings.first_run_done = True
        self.shell.tasks.run(
            services.save_settings,
            None,
            lambda e: self.shell.show_exception(e, "Saving"),
            name="Saving settings",
            lane=Lane.STORE,  # in order with any other settings save
        )
        self.shell.go(next_page)
