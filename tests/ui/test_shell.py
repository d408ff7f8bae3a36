"""Pages built over the narrow shell alone (no main window): what they ask of navigation and messages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import EngineChoice
from mockmate_desktop.ui.errors import UserError
from mockmate_desktop.ui.model_status import SpeechModelStatus
from mockmate_desktop.ui.pages.resume import ResumePage
from mockmate_desktop.ui.pages.setup import SetupPage
from mockmate_desktop.ui.player import SoundPlayer
from mockmate_desktop.ui.shell import Shell
from mockmate_desktop.ui.tasks import TaskRunner


@dataclass
class RecordingNavigator:
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def go(self, key: str) -> None:
        self.calls.append(("go", key))

    def open_report(self, session_id: UUID) -> None:
        self.calls.append(("open_report", session_id))

    def start_interview(self, config: Any, resume: Any) -> None:
        self.calls.append(("start_interview", config))


@dataclass
class RecordingMessages:
    shown: list[str] = field(default_factory=list)

    def show_error(self, error: UserError) -> None:
        self.shown.append(error.message)

    def show_message(self, message: str, fix: str = "", kind: str = "info") -> None:
        self.shown.append(message)


@pytest.fixture
def shell(qtbot, ctx: AppContext) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    services = ctx.gui_services()
    tasks = TaskRunner()
    built = Shell(
        services,
        tasks,
        SoundPlayer(services, tasks),
        SpeechModelStatus(services, tasks),
        RecordingNavigator(),
        RecordingMessages(),
    )
    yield built
    assert tasks.wait_for_done(30_000)
    services.close()


def test_setup_asks_the_navigator_to_start(qtbot, shell: Shell) -> None:
    page = SetupPage(shell)
    qtbot.addWidget(page)
    page.on_enter()
    page.job_title.setText("Platform Engineer")
    page.engine.setCurrentIndex(page.engine.findData(EngineChoice.OFFLINE))
    page.start_button.click()
    navigator = shell.navigator
    assert isinstance(navigator, RecordingNavigator)
    assert [name for name, _ in navigator.calls] == ["start_interview"]
    assert navigator.calls[0][1].job_title == "Platform Engineer"


def test_resume_page_reports_a_failed_load_through_the_shell(qtbot, shell: Shell, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ResumePage(shell)
    qtbot.addWidget(page)
    page.load_job_description(str(tmp_path / "missing.txt"))
    messages = shell.messages
    assert isinstance(messages, RecordingMessages)
    qtbot.waitUntil(lambda: bool(messages.shown), timeout=10_000)
    assert "missing.txt" in messages.shown[0]
