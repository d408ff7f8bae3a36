"""The setup screen's coverage table: which planned question probes which requirement of the job.

Self-contained: it asks its page for the current settings (a callable), plans in the background with the
offline engine (the plan an offline interview starts with) and shows one row per requirement, required
first, with the questions that probe it, or "not covered". Every question's rationale shows as a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.config import InterviewConfig
from ...domain.resume import ResumeProfile
from ...services.plan_coverage import PlanPreview
from .common import hint

if TYPE_CHECKING:
    from ..shell import Shell

SettingsSource = Callable[[], tuple[InterviewConfig | None, ResumeProfile | None]]
_MAX_QUESTION_CHARS = 90


class PlanCoveragePanel(QWidget):
    def __init__(self, shell: Shell, settings: SettingsSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.button = QPushButton("Preview questions and coverage")
        self.button.clicked.connect(self.refresh)
        row.addWidget(self.button)
        self.status = QLabel("")
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Requirement", "Kind", "Probed by"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        layout.addWidget(self.table)
        self.questions = QLabel("")
        self.questions.setWordWrap(True)
        self.questions.hide()
        layout.addWidget(self.questions)
        layout.addWidget(
            hint("Offline preview: the plan an offline interview starts with. Gemini plans its own.")
        )

    def refresh(self) -> None:
        config, resume = self._settings()
        if config is None:
            self.status.setText("Enter a job title first.")
            return
        self.button.setEnabled(False)
        self.status.setText("Planning…")

        def work() -> PlanPreview:
            from ...domain.enums import EngineChoice
            from ...services.plan_coverage import preview_plan

            engine: Any = self._shell.services.build_engine(EngineChoice.OFFLINE)
            return preview_plan(engine, config, resume)

        self._shell.tasks.run(work, self.show_preview, self._failed, name="Previewing the plan")

    def _failed(self, exc: BaseException) -> None:
        from ..errors import describe

        self.button.setEnabled(True)
        self.status.setText(describe(exc, "Previewing the plan").message)

    def show_preview(self, preview: PlanPreview) -> None:
        self.button.setEnabled(True)
        covered, total = preview.required_covered
        self.status.setText(
            f"{covered} of {total} required skill groups probed."
            if total
            else "No job description: questions come from the role's field."
        )
        self.table.setRowCount(len(preview.rows))
        for index, row in enumerate(preview.rows):
            probed = (
                "; ".join(f"Q{n}: {_short(preview.questions[n - 1].text)}" for n in row.questions)
                or "not covered in this plan"
            )
            cells = (row.requirement, "required" if row.required else "nice to have", probed)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and row.questions:
                    item.setToolTip("\n".join(preview.questions[n - 1].rationale for n in row.questions))
                self.table.setItem(index, column, item)
        self.table.setVisible(bool(preview.rows))
        self.table.setFixedHeight(min(320, 34 + 30 * len(preview.rows)))
        lines = [f"Q{n}. {q.text} — {q.rationale}" for n, q in enumerate(preview.questions, 1)]
        self.questions.setText("\n".join(lines))
        self.questions.show()


def _short(text: str) -> str:
    return text if len(text) <= _MAX_QUESTION_CHARS else text[: _MAX_QUESTION_CHARS - 1].rstrip() + "…"
