"""A shell for building pages without the main window: navigation and messages are recorded, not shown."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from mockmate_desktop.app import AppContext
from mockmate_desktop.ui.errors import UserError
from mockmate_desktop.ui.model_status import SpeechModelStatus
from mockmate_desktop.ui.player import SoundPlayer
from mockmate_desktop.ui.services import GuiServices
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


def recording_shell(ctx: AppContext) -> Iterator[Shell]:
    """For a fixture: real services, task runner, player and model status over `ctx`'s data folder."""
    services = GuiServices(ctx)
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
