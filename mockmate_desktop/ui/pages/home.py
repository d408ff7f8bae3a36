"""Home: start something new, or pick up a past session (open, resume, export, delete)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import SessionStatus
from ...domain.interview import InterviewSession
from ...services.report_export import ExportFormat
from ..errors import is_vanished_database
from ..report.export import attach_export_menu, choose_and_export, export_session
from ..report.text import para
from ..widgets.badges import EngineBadge
from ..widgets.common import busy_bar, hint, title
from .home_recovery import RecoveryCard

if TYPE_CHECKING:
    from ..main_window import MainWindow

_COLUMNS = ("Date", "Job title", "Type", "Score", "Engine", "Synced", "Status")
_STATUS_TEXT = {
    SessionStatus.DRAFT: "Not started",
    SessionStatus.IN_PROGRESS: "Interrupted",
    SessionStatus.COMPLETED: "Completed",
    SessionStatus.ABANDONED: "Ended early",
}


class HomePage(QWidget):
    sessions_loaded = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.sessions: list[InterviewSession] = []
        layout = QVBoxLayout(self)
        layout.addWidget(title("Practise your next interview"))
        layout.addWidget(
            hint(
                "Questions are read aloud, your spoken answers are transcribed on this computer, and you get a "
                "detailed report at the end."
            )
        )
        actions = QHBoxLayout()
        self.new_button = QPushButton("New interview")
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(lambda: window.go("setup"))
        self.resume_analyzer_button = QPushButton("Analyze a resume")
        self.resume_analyzer_button.clicked.connect(lambda: window.go("resume"))
        self.demo_button = QPushButton("Open the demo session")
        self.demo_button.setToolTip("A recorded interview with real speech, labelled as a demo")
        self.demo_button.clicked.connect(lambda: self.open_demo())
        for button in (self.new_button, self.resume_analyzer_button, self.demo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        history_header = QHBoxLayout()
        history_title = QLabel("Past sessions")
        history_title.setStyleSheet("font-size: 15px; font-weight: 600;")
        history_header.addWidget(history_title)
        self.busy = busy_bar()
        history_header.addWidget(self.busy)
        history_header.addStretch(1)
        layout.addLayout(history_header)

        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        # The table, or in its place while there are no sessions, a card saying what to do.
        self.history = QStackedWidget()
        self.history.addWidget(self.table)
        self.empty_state = self._empty_state(window)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        # Or, when the database vanished, what was found on disk (instead of "no interviews").
        self.recovery = RecoveryCard(window, self.refresh)
        empty_layout.addWidget(self.recovery)
        empty_layout.addWidget(self.empty_state)
        empty_layout.addStretch(1)
        self.history.addWidget(empty_page)
        layout.addWidget(self.history, 1)

        row = QHBoxLayout()
        self.open_button = QPushButton("Open report")
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.continue_button = QPushButton("Resume interview")
        self.continue_button.clicked.connect(lambda: self.resume_selected())
        self.export_button = QPushButton("Export…")
        self.export_button.setObjectName("exportSession")
        self.export_menu = attach_export_menu(self.export_button, self.export_selected)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        for button in (self.open_button, self.continue_button, self.export_button, self.delete_button):
            row.addWidget(button)
        for widget, name in (
            (self.new_button, "newInterview"),
            (self.demo_button, "openDemo"),
            (self.table, "sessionsTable"),
            (self.open_button, "openReport"),
            (self.continue_button, "resumeInterview"),
            (self.export_button, "exportSession"),
            (self.delete_button, "deleteSession"),
        ):
            widget.setObjectName(name)
        row.addStretch(1)
        layout.addLayout(row)
        self._update_buttons()

    def _show_session_buttons(self, shown: bool) -> None:
        for button in (self.open_button, self.continue_button, self.export_button, self.delete_button):
            button.setVisible(shown)

    def _empty_state(self, window: MainWindow) -> QFrame:
        """No sessions yet: say what an interview is and offer to start one where the table would be."""
        card = QFrame()
        card.setObjectName("homeEmptyState")
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(20, 16, 20, 16)
        heading = QLabel("No interviews yet")
        heading.setProperty("role", "section")
        inner.addWidget(heading)
        self.empty_label = hint(
            "Start a new interview: enter the job title and description, answer the questions out loud "
            "(or type them), and get your report with a score and what to work on. Or open the demo to see "
            "what a finished report looks like."
        )
        inner.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.empty_start_button = QPushButton("Start a new interview")
        self.empty_start_button.setObjectName("emptyStartInterview")
        self.empty_start_button.setProperty("role", "primary")
        self.empty_start_button.clicked.connect(lambda: window.go("setup"))
        demo = QPushButton("Open the demo session")
        demo.clicked.connect(lambda: self.open_demo())
        row.addWidget(self.empty_start_button)
        row.addWidget(demo)
        row.addStretch(1)
        inner.addLayout(row)
        return card

    # data -------------------------------------------------------------------------------------------
    def on_enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        # Only the newest refresh is shown: an older one may finish later with stale rows.
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation
        self.busy.show()
        services = self.window_.services
        self.window_.tasks.run_store(
            services.history,
            lambda history: self._show_sessions(history) if generation == self._generation else None,
            self._history_failed,
            name="Loading past sessions",
        )

    def _history_failed(self, exc: BaseException) -> None:
        if not is_vanished_database(exc):
            self._failed("Loading past sessions")(exc)
            return
        self.busy.hide()
        self.empty_state.hide()  # "No interviews yet" would read as if every session were lost
        self.history.setCurrentIndex(1)
        self._show_session_buttons(False)
        self.recovery.show_problem(exc)

    def _failed(self, doing: str):  # type: ignore[no-untyped-def]
        def handler(exc: BaseException) -> None:
            self.busy.hide()
            self.window_.show_exception(exc, doing)

        return handler

    def _show_sessions(self, history: tuple[Sequence[InterviewSession], set[UUID]]) -> None:
        self.busy.hide()
        self.recovery.hide()
        sessions, synced = history
        self.sessions = sorted(sessions, key=lambda s: s.started_at or s.created_at, reverse=True)
        self.table.setRowCount(len(self.sessions))
        for row, session in enumerate(self.sessions):
            when = (session.started_at or session.created_at).astimezone()
            score = session.overall_score
            job = session.config.job_title + ("  (demo)" if session.is_demo else "")
            cells = (
                when.strftime("%d %b %Y %H:%M"),
                job,
                session.config.interview_type.value.capitalize(),
                "—" if score is None else str(score),
                "",
                "Yes" if session.id in synced else "No",
                _STATUS_TEXT.get(session.status, session.status.value),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(session.id))
                self.table.setItem(row, column, item)
            badge = EngineBadge()
            badge.set_sources(session.sources, demo=session.is_demo)
            holder = QWidget()
            holder_layout = QHBoxLayout(holder)
            holder_layout.setContentsMargins(4, 2, 4, 2)
            holder_layout.addWidget(badge)
            self.table.setCellWidget(row, 4, holder)
        self.history.setCurrentIndex(0 if self.sessions else 1)
        self.empty_state.setVisible(not self.sessions)
        self._show_session_buttons(bool(self.sessions))
        self._update_buttons()
        self.sessions_loaded.emit()

    def selected(self) -> InterviewSession | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.sessions[rows[0].row()]

    def select_session(self, session_id: UUID) -> bool:
        for row, session in enumerate(self.sessions):
            if session.id == session_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        session = self.selected()
        has = session is not None
        self.open_button.setEnabled(has and session is not None and session.reports.summary is not None)
        self.continue_button.setEnabled(
            has
            and session is not None
            and session.status in (SessionStatus.IN_PROGRESS, SessionStatus.DRAFT)
            and not session.is_demo
        )
        self.export_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # actions ----------------------------------------------------------------------------------------
    def open_selected(self) -> None:
        session = self.selected()
        if session is None:
            return
        if session.reports.summary is None and session.status is SessionStatus.IN_PROGRESS:
            self.resume_selected()
            return
        self.window_.open_report(session.id)

    def resume_selected(self) -> None:
        session = self.selected()
        if session is not None:
            self.window_.interview.resume_session(session.id)

    def open_demo(self) -> None:
        self.busy.show()
        self.window_.tasks.run(
            self.window_.services.open_demo, self._demo_ready, self._failed("Opening the demo session")
        )

    def _demo_ready(self, session_id: UUID) -> None:
        self.busy.hide()
        self.window_.open_report(session_id)

    def export_selected(self, fmt: ExportFormat = ExportFormat.PDF) -> None:
        """Asks where to save the selected session as `fmt` (the dialog also offers the other formats)."""
        session = self.selected()
        if session is not None:
            choose_and_export(self.window_, session, fmt)

    def export_selected_to(self, path: str | Path) -> None:
        """Exports without asking (the format follows the extension)."""
        session = self.selected()
        if session is not None:
            export_session(self.window_, session, Path(path))

    def delete_selected(self, confirmed: bool = False) -> None:
        session = self.selected()
        if session is None:
            return
        if not confirmed:
            answer = QMessageBox.question(
                self,
                "Delete session",
                para(  # escaped: a message box renders a title that looks like markup as rich text
                    f"Delete the interview for “{session.config.job_title}” with its recordings and reports? "
                    "This cannot be undone."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        session_id = session.id
        self.window_.tasks.run_store(
            lambda: self.window_.services.store.delete_session(session_id),
            lambda _r: self.refresh(),
            self._failed("Deleting the session"),
        )
