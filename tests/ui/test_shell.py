"""Pages built over the narrow shell alone (no main window): what they ask of navigation and messages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import EngineChoice
from mockmate_desktop.ui.pages.resume import ResumePage
from mockmate_desktop.ui.pages.setup import SetupPage
from mockmate_desktop.ui.shell import Shell
from tests.ui.recording_shell import RecordingMessages, RecordingNavigator, recording_shell


@pytest.fixture
def shell(qtbot, ctx: AppContext) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    yield from recording_shell(ctx)


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
