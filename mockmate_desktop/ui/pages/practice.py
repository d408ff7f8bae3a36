"""Practise one question: type (or paste) an answer to one question and get its score and feedback at once.

The same service as `mockmate score`; scoring runs on the task pool, never on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain import numbers
from ...domain.enums import Difficulty, Language
from ...engine.semantic.loader import shared_loader
from ...services.practice import PracticeRequest, PracticeResult, practise
from ..report.text import bullets, esc, para, section
from ..widgets.common import error_label, hint, title

if TYPE_CHECKING:
    from ..shell import Shell


def result_html(result: PracticeResult) -> str:
    # Headings, criterion names and point statuses in the practice's language, as its feedback is.
    criteria = "".join(
        f"<li><b>{esc(result.criterion_label(c))}</b> {numbers.out_of(c['score'], 10, result.language)}: {esc(str(c['explanation']))}</li>"
        for c in result.criteria
    )
    points = [
        f"[{result.status(p['status'])}] {p['point']}" + (f" — “{p['quote']}”" if p.get("quote") else "")
        for p in result.points
    ]
    return (
        f"<p>{esc(result.heading('score'))} <b>{numbers.out_of(result.score, 10, result.language)}</b> · {esc(result.engine)}</p>"
        + "".join(para(f"⚠ {cap}") for cap in result.caps)
        + section(result.heading("criteria"), f"<ul>{criteria}</ul>")
        + (section(result.heading("expected_points"), bullets(points)) if points else "")
        + section(result.heading("went_well"), bullets(result.went_well, result.heading("nothing_yet")))
        + section(result.heading("improvements"), bullets(result.to_improve))
        + (section(result.heading("model_answer"), para(result.model_answer)) if result.model_answer else "")
    )


class PracticePage(QWidget):
    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        layout = QVBoxLayout(self)
        layout.addWidget(title("Practise one question"))
        layout.addWidget(hint("Type an answer to one question and get a score with quoted evidence at once."))
        form = QFormLayout()
        self.question = QLineEdit()
        self.question.setPlaceholderText("e.g. Tell me about a time you disagreed with a colleague.")
        form.addRow("Question", self.question)
        self.kind = QComboBox()
        self.kind.addItems(["from the question bank / guess", "technical", "behavioural"])
        self.difficulty = QComboBox()
        self.difficulty.addItems([d.value for d in Difficulty])
        self.difficulty.setCurrentText(Difficulty.INTERMEDIATE.value)
        self.language = QComboBox()
        for lang in Language:
            self.language.addItem(lang.display_name, lang.value)
        self.engine = QComboBox()
        self.engine.addItems(["offline", "gemini"])
        row = QHBoxLayout()
        for widget in (self.kind, self.difficulty, self.language, self.engine):
            row.addWidget(widget)
        form.addRow("Type, level, language, engine", row)
        layout.addLayout(form)
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText("Your answer…")
        layout.addWidget(self.answer, 1)
        self.score_button = QPushButton("Score my answer")
        self.score_button.clicked.connect(self.score)
        layout.addWidget(self.score_button)
        self.error = error_label()
        layout.addWidget(self.error)
        self.result = QTextBrowser()
        layout.addWidget(self.result, 2)
        # The sentence model loads in a background thread from start-up, so the first score does not wait.
        shared_loader().start()

    def request(self) -> PracticeRequest:
        kind = self.kind.currentText()
        return PracticeRequest(
            question=self.question.text(),
            answer=self.answer.toPlainText(),
            question_type=kind if kind in ("technical", "behavioural") else None,  # type: ignore[arg-type]
            difficulty=Difficulty(self.difficulty.currentText()),
            language=Language(self.language.currentData()),
            engine="gemini" if self.engine.currentText() == "gemini" else "offline",
        )

    def score(self) -> None:
        self.error.setText("")
        request = self.request()
        settings = self.shell.services.settings
        self.score_button.setEnabled(False)
        self.shell.tasks.run(
            lambda: practise(request, settings), self._show, self._failed, name="Scoring the answer"
        )

    def _show(self, result: object) -> None:
        self.score_button.setEnabled(True)
        if isinstance(result, PracticeResult):
            self.result.setHtml(result_html(result))

    def _failed(self, exc: BaseException) -> None:
        self.score_button.setEnabled(True)
        self.error.setText(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
