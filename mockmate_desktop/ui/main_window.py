"""The main window: a sidebar of destinations, a stack of pages, a message banner and a status line."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .cloud_status import CloudSyncStatus
from .errors import UserError, describe
from .model_status import SpeechModelStatus
from .pages.first_run import FirstRunPage
from .pages.home import HomePage
from .pages.interview import InterviewPage
from .pages.practice import PracticePage
from .pages.progress import ProgressPage
from .pages.resume import ResumePage
from .pages.settings import SettingsPage
from .pages.setup import SetupPage
from .player import SoundPlayer
from .practise_dialog import PractiseDialog
from .report.text import para
from .report.view import ReportPage
from .shell import Shell
from .tasks import TaskRunner
from .theme import apply_theme
from .widgets.banner import Banner
from .widgets.keyboard import keyboard_friendly

if TYPE_CHECKING:
    from ..domain.config import InterviewConfig
    from ..domain.resume import ResumeProfile
    from .services import GuiServices

log = logging.getLogger(__name__)

# Below this the setup form and the report tabs no longer fit side by side with the sidebar.
MINIMUM_SIZE = QSize(960, 640)
_NAV = (
    ("home", "Home"),
    ("setup", "New interview"),
    ("progress", "Progress"),
    ("practice", "Practise one question"),
    ("resume", "Resume analyzer"),
    ("settings", "Settings"),
)
# The sidebar section a page belongs to. The sidebar always has a current row while it can take focus: a
# QListWidget given focus with no current row makes its first row current, which used to navigate to Home.
_SECTION = {"report": "home", "interview": "setup"}


class MainWindow(QMainWindow):
    def __init__(self, services: GuiServices) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle("MockMate — interview practice")
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(1180, 760)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, services.settings.theme)
        self.tasks = TaskRunner(self)
        self.tasks.unhandled_error.connect(lambda name, exc: self.show_error(describe(exc, name)))

        self.banner = Banner()
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(0, 0))
        for key, text in _NAV:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
        self.sidebar.currentItemChanged.connect(self._on_nav)
        # A click or Enter on the highlighted section (Home while a report is open) still goes there.
        self.sidebar.itemClicked.connect(self._on_nav_item)
        self.sidebar.itemActivated.connect(self._on_nav_item)

        self.speech_status = SpeechModelStatus(services, self.tasks, self)
        self.player = SoundPlayer(services, self.tasks, self)
        # What pages may use of the window: services, tasks, player, navigation (this window), messages.
        self.shell = Shell(services, self.tasks, self.player, self.speech_status, self, self.banner)
        self.pages: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        self.home = HomePage(self)
        self.setup = SetupPage(self.shell)
        self.interview = InterviewPage(self)
        self.report = ReportPage(self)
        # "Practise again" on a report question opens the coaching loop's side-by-side re-answer.
        self.report.questions.practise_again_hook = lambda session, item: PractiseDialog(
            self.shell, self, session, [item.question_id]
        ).show()
        self.resume = ResumePage(self.shell)
        self.progress = ProgressPage(self.shell)
        self.settings_page = SettingsPage(self.shell, lambda: self.cloud_status.restart())
        self.first_run = FirstRunPage(self.shell)
        keyboard_friendly(self.home.table, self.home.open_selected)
        self.practice = PracticePage(self.shell)
        for key, page in (
            ("home", self.home),
            ("setup", self.setup),
            ("interview", self.interview),
            ("report", self.report),
            ("resume", self.resume),
            ("progress", self.progress),
            ("settings", self.settings_page),
            ("first_run", self.first_run),
            ("practice", self.practice),
        ):
            self.pages[key] = page
            self.stack.addWidget(page)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 12, 16, 8)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._sidebar_panel())
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        for index, (key, _text) in enumerate(_NAV, start=1):
            QShortcut(QKeySequence(f"Ctrl+{index}"), self, lambda k=key: self.go(k))

        if services.settings.first_run_done:
            self.go("home")
        else:
            self.go("first_run")

    def _sidebar_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("sidebarPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel.setFixedWidth(210)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 8)
        name = QLabel("MockMate")
        name.setObjectName("appName")
        tagline = QLabel("Interview practice, on your computer")
        tagline.setObjectName("appTagline")
        tagline.setWordWrap(True)
        column.addWidget(name)
        column.addWidget(tagline)
        column.addWidget(self.sidebar, 1)
        return panel

    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # untrusted text: never rich text
        self.status_busy = QProgressBar()
        self.status_busy.setRange(0, 0)
        self.status_busy.setMaximumWidth(120)
        self.status_busy.setMaximumHeight(10)
        self.status_busy.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.status_busy)
        self.speech_status.changed.connect(self._on_speech_status)
        self._on_speech_status()
        self.cloud_label = QLabel()
        self.cloud_label.setTextFormat(Qt.TextFormat.PlainText)  # untrusted text: never rich text
        self.statusBar().addPermanentWidget(self.cloud_label)
        self.cloud_status = CloudSyncStatus(self.services.ctx, self)
        self.cloud_status.changed.connect(self._on_cloud_status)
        self.cloud_status.start()

    def _on_cloud_status(self, text: str) -> None:
        # Configuration problems can be long: the bar shows the start, the tooltip the whole sentence.
        metrics = self.cloud_label.fontMetrics()
        self.cloud_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, 420))
        self.cloud_label.setToolTip(para(text))  # escaped: tooltips render rich text too

    def _on_speech_status(self) -> None:
        self.status_label.setText(self.speech_status.text)
        self.status_busy.setVisible(self.speech_status.loading)

    # navigation -------------------------------------------------------------------------------------
    @property
    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next((k for k, w in self.pages.items() if w is widget), "")

    def go(self, key: str) -> None:
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        self.sidebar.blockSignals(True)
        nav_keys = [k for k, _ in _NAV]
        section = _SECTION.get(key, key)
        self.sidebar.setCurrentRow(nav_keys.index(section) if section in nav_keys else -1)
        self.sidebar.blockSignals(False)
        # A live interview owns the microphone: leaving the sidebar usable would invite a second one.
        self.sidebar.setEnabled(key not in ("interview", "first_run"))
        entered = getattr(page, "on_enter", None)
        if callable(entered):
            entered()
        if key == "home":
            # Back home usually follows a finished interview or an edit: a good moment to upload it.
            self.cloud_status.poke()

    def _on_nav(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.go(str(current.data(Qt.ItemDataRole.UserRole)))

    def _on_nav_item(self, item: QListWidgetItem) -> None:
        key = str(item.data(Qt.ItemDataRole.UserRole))
        if key != self.current_page:
            self.go(key)

    def open_report(self, session_id: UUID) -> None:
        self.report.load(session_id)
        self.go("report")

    def start_interview(self, config: InterviewConfig, resume: ResumeProfile | None) -> None:
        self.interview.start_new(config, resume)

    # messages --------------------------------------------------------------------------------------
    def show_error(self, error: UserError) -> None:
        self.banner.show_error(error)

    def show_exception(self, exc: BaseException, doing: str = "") -> None:
        self.banner.show_error(describe(exc, doing))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.player.stop()
        self.interview.shutdown()
        self.settings_page.shutdown()
        self.setup.mic_check.shutdown()
        self.tasks.wait_for_done(30_000)
        self.cloud_status.stop()
        self.services.close()
        super().closeEvent(event)
