"""The practice plan of an interview: 3-5 drills, each started with one click, ticked by measured results."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .practise_dialog import PractiseDialog

if TYPE_CHECKING:
    from ..domain.interview import InterviewSession
    from ..domain.practice_plan import Drill, PracticePlan
    from .shell import Shell


class PlanDialog(QDialog):
    def __init__(self, shell: Shell, parent: QWidget, session: InterviewSession, plan: PracticePlan) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowTitle("Practice plan")
        self.setMinimumSize(720, 560)
        self._shell = shell
        self._session = session
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self._list = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self._list)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(
            QLabel("A drill is ticked when your re-answers reach 7/10 and meet its delivery target, as measured.")
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.show_plan(plan)

    def show_plan(self, plan: PracticePlan) -> None:
        while self._list.count():
            item = self._list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        done = sum(d.done for d in plan.drills)
        self.summary.setText(
            f"<b>{done} of {len(plan.drills)} drills done</b> · wording by {html.escape(plan.source.label)}"
        )
        for index, drill in enumerate(plan.drills):
            self._list.addWidget(self._card(index, drill))
        self._list.addStretch(1)

    def _card(self, index: int, drill: Drill) -> QWidget:
        card = QFrame()
        card.setObjectName(f"drill{index}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(card)
        tick = "✔" if drill.done else "○"
        points = "".join(f"<li>{html.escape(p)}</li>" for p in drill.points)
        target = (
            f"<p>Delivery target: {html.escape(drill.delivery_target.label)} "
            f"(was {drill.delivery_target.measured:.1f})</p>"
            if drill.delivery_target is not None
            else ""
        )
        done = f"<p><i>Done: {html.escape(drill.done_evidence)}</i></p>" if drill.done else ""
        text = QLabel(
            f"<p><b>{tick} {html.escape(drill.title)}</b> — {', '.join(drill.question_refs)}</p>"
            f"<p>Why: {html.escape(drill.reason)}</p><ul>{points}</ul>{target}{done}"
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        start = QPushButton("Practise this drill" if not drill.done else "Practise again")
        start.setObjectName(f"drillStart{index}")
        start.clicked.connect(lambda _checked=False, ids=list(drill.question_ids): self._start(ids))
        column.addWidget(text)
        column.addWidget(start, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _start(self, question_ids: list[UUID]) -> None:
        dialog = PractiseDialog(self._shell, self, self._session, question_ids)
        dialog.finished.connect(lambda _code: self._refresh())
        dialog.show()

    def _refresh(self) -> None:
        session_id = self._session.id
        self._shell.tasks.run(
            lambda: self._shell.services.coaching().plan(session_id),
            self.show_plan,
            lambda exc: self._shell.show_exception(exc, "Updating the practice plan"),
            name="Updating the practice plan",
        )


def open_plan(shell: Shell, parent: QWidget, session_id: UUID) -> None:
    """Build or load the plan in the background, then show it."""

    def load() -> tuple[InterviewSession, PracticePlan]:
        return shell.services.store.get_session(session_id), shell.services.coaching().plan(session_id)

    shell.tasks.run(
        load,
        lambda pair: PlanDialog(shell, parent, pair[0], pair[1]).show(),
        lambda exc: shell.show_exception(exc, "Opening the practice plan"),
        name="Opening the practice plan",
    )
