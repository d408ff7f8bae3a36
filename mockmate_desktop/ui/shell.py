"""The narrow interface pages depend on instead of the main window.

A page needs five things from its surroundings: the services, the task runner, the sound player (and the
speech model status), a way to move to another page, and a place to show errors. `Shell` bundles exactly
those. The main window builds one and is, behind it, only the navigator and (through its banner) the
message display, so a page cannot reach another page's widgets, and a test can build a page over a shell
with a recording navigator and no window at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from .errors import UserError, describe

if TYPE_CHECKING:
    from ..domain.config import InterviewConfig
    from ..domain.resume import ResumeProfile
    from .model_status import SpeechModelStatus
    from .player import SoundPlayer
    from .services import GuiServices
    from .tasks import TaskRunner


class Navigator(Protocol):
    def go(self, key: str) -> None: ...

    def open_report(self, session_id: UUID) -> None: ...

    def start_interview(self, config: InterviewConfig, resume: ResumeProfile | None) -> None: ...


class MessageDisplay(Protocol):
    def show_error(self, error: UserError) -> None: ...

    def show_message(self, message: str, fix: str = "", kind: str = "info") -> None: ...


@dataclass(frozen=True)
class Shell:
    services: GuiServices
    tasks: TaskRunner
    player: SoundPlayer
    speech: SpeechModelStatus
    navigator: Navigator
    messages: MessageDisplay

    def go(self, key: str) -> None:
        self.navigator.go(key)

    def open_report(self, session_id: UUID) -> None:
        self.navigator.open_report(session_id)

    def start_interview(self, config: InterviewConfig, resume: ResumeProfile | None) -> None:
        self.navigator.start_interview(config, resume)

    def show_error(self, error: UserError) -> None:
        self.messages.show_error(error)

    def show_exception(self, exc: BaseException, doing: str = "") -> None:
        self.messages.show_error(describe(exc, doing))

    def show_message(self, message: str, fix: str = "", kind: str = "info") -> None:
        self.messages.show_message(message, fix, kind)
