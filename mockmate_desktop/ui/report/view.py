"""The report page: which engine made it (always visible), Export, then the four tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...domain.interview import InterviewSession
from ...domain.report_headings import short_date
from ...domain.report_html import provenance_text
from ...services.report_export import ExportFormat
from ..widgets.badges import EngineBadge
from ..widgets.common import busy_bar, title
from .delivery_tab import DeliveryTab
from .export import attach_export_menu, choose_and_export
from .performance_tab import PerformanceTab
from .questions_tab import QuestionsTab
from .summary_tab import SummaryTab

if TYPE_CHECKING:
    from ..main_window import MainWindow


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
        # The title takes the room the buttons leave and wraps there: a long job title plus the date was
        # clipped mid-word at 1280x800 ("Python Developer (demo) — 0").
        self.title.setWordWrap(True)
        header.addWidget(self.title, 1)
        self.badge = EngineBadge()
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.export_button = QPushButton("Export…")
        self.export_button.setObjectName("reportExport")
        self.export_menu = attach_export_menu(self.export_button, self.export)
        self.export_button.setEnabled(False)
        header.addWidget(self.export_button)
        # The coaching loop: drills from this report, ticked off by re-answers (ui/plan_dialog.py).
        self.plan_button = QPushButton("Practice plan…")
        self.plan_button.setObjectName("reportPlan")
        self.plan_button.setToolTip(
            "3-5 drills built from this report, ticked off by your measured re-answers"
        )
        self.plan_button.clicked.connect(lambda _checked=False: self._open_plan())
        self.plan_button.setEnabled(False)
        header.addWidget(self.plan_button)
        self.back_button = QPushButton("Back to home")
        self.back_button.setObjectName("reportBack")
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
        self.tabs.setObjectName("reportTabs")
        self.summary = SummaryTab()
        self.performance = PerformanceTab()
        self.questions = QuestionsTab(window)
        self.delivery = DeliveryTab()
        self.tabs.addTab(self.summary, "Summary")
        self.tabs.addTab(self.performance, "Performance Analysis")
        self.tabs.addTab(self.questions, "Question by Question")
        self.tabs.addTab(self.delivery, "Delivery")
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self.questions.stop())
        # Ctrl+Tab moves between the tabs wherever the focus is in the window (the sidebar included) while
        # this page shows; a hidden page's shortcuts do not fire.
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self, lambda s=step: self.step_tab(s))
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)

    def step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def export(self, fmt: ExportFormat) -> None:
        if self.session is not None:
            choose_and_export(self.window_, self.session, fmt)

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the report (or closing the window) stops a replay instead of playing on unseen.
        self.questions.stop()
        super().hideEvent(event)

    def _open_plan(self) -> None:
        from ..plan_dialog import open_plan

        if self.session is not None:
            open_plan(self.window_.shell, self, self.session.id)

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
        when = short_date((session.started_at or session.created_at).astimezone(), session.config.language)
        demo = " (demo)" if session.is_demo else ""
        self.title.setText(f"{session.config.job_title}{demo} — {when}")
        self.badge.set_sources(session.sources, demo=session.is_demo)
        self.export_button.setEnabled(True)
        self.plan_button.setEnabled(self.session is not None and self.session.reports.questions is not None)
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
