"""The report page: which engine made it (always visible), then the four tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...domain.enums import Source
from ...domain.interview import InterviewSession
from ..widgets.badges import EngineBadge
from ..widgets.common import busy_bar, title
from .delivery_tab import DeliveryTab
from .performance_tab import PerformanceTab
from .questions_tab import QuestionsTab
from .summary_tab import SummaryTab

if TYPE_CHECKING:
    from ..main_window import MainWindow


def provenance_text(session: InterviewSession) -> str:
    sources = session.sources
    parts = []
    if session.is_demo or Source.CACHED in sources:
        parts.append("Demo session: a recorded example interview shipped with MockMate, not your own.")
    if Source.OFFLINE in sources:
        parts.append("Offline engine: heuristic rubric scores computed on this computer.")
    if Source.GEMINI in sources:
        parts.append("Gemini: written by Google's Gemini model.")
    parts.extend(session.engine_notes)
    return " ".join(parts)


class ReportPage(QWidget):
    loaded = Signal(object)  # InterviewSession

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.session: InterviewSession | None = None
        self._shown_id: UUID | None = None
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = title("Report")
        header.addWidget(self.title)
        self.badge = EngineBadge()
        header.addWidget(self.badge)
        header.addStretch(1)
        self.back_button = QPushButton("Back to home")
        self.back_button.clicked.connect(lambda: window.go("home"))
        header.addWidget(self.back_button)
        layout.addLayout(header)
        self.provenance = QLabel()
        self.provenance.setTextFormat(Qt.TextFormat.PlainText)  # untrusted text: never rich text
        self.provenance.setWordWrap(True)
        self.provenance.setProperty("role", "hint")
        layout.addWidget(self.provenance)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        self.tabs = QTabWidget()
        self.summary = SummaryTab()
        self.performance = PerformanceTab()
        self.questions = QuestionsTab(window)
        self.delivery = DeliveryTab()
        self.tabs.addTab(self.summary, "Summary")
        self.tabs.addTab(self.performance, "Performance Analysis")
        self.tabs.addTab(self.questions, "Question by Question")
        self.tabs.addTab(self.delivery, "Delivery")
        layout.addWidget(self.tabs, 1)

    def load(self, session_id: UUID) -> None:
        self.busy.show()
        if self.session is None or self.session.id != session_id:
            self.title.setText("Opening the report…")
        store = self.window_.services.store

        def failed(exc: BaseException) -> None:
            self.busy.hide()
            self.window_.show_exception(exc, "Opening the report")

        self.window_.tasks.run(lambda: store.get_session(session_id), self.show_session, failed)

    def show_session(self, session: InterviewSession) -> None:
        self.busy.hide()
        self.session = session
        when = (session.started_at or session.created_at).astimezone().strftime("%d %b %Y")
        demo = " (demo)" if session.is_demo else ""
        self.title.setText(f"{session.config.job_title}{demo} — {when}")
        self.badge.set_sources(session.sources, demo=session.is_demo)
        self.provenance.setText(provenance_text(session))
        for tab in (self.summary, self.performance, self.questions, self.delivery):
            tab.set_session(session)
        if self.session_changed(session):
            self.tabs.setCurrentIndex(0)
        self.loaded.emit(session)

    def session_changed(self, session: InterviewSession) -> bool:
        changed = session.id != self._shown_id
        self._shown_id = session.id
        return changed
