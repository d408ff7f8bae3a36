"""GUI fixtures: the real main window on the offscreen platform, over a fresh data folder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.ui.launch import build_window
from mockmate_desktop.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def tiny_transcriber(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The real Whisper tiny.en, loaded and warmed up once for the whole test session."""
    from mockmate_desktop.speech.whisper import WhisperTranscriber

    transcriber = WhisperTranscriber("tiny.en", tmp_path_factory.mktemp("model-cache"))
    transcriber.load()
    transcriber.warm_up()
    return transcriber


@pytest.fixture
def ctx() -> AppContext:
    context = AppContext.create()
    context.settings.first_run_done = True
    context.settings.whisper_model = "tiny.en"
    return context


def _close(win: MainWindow) -> None:
    win.close()
    assert win.tasks.wait_for_done(60_000)


@pytest.fixture
def window(qtbot, ctx: AppContext) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The window without the speech model (pages that do not listen)."""
    win = build_window(ctx, load_speech=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    _close(win)


@pytest.fixture
def speech_window(qtbot, ctx: AppContext, tiny_transcriber: Any) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The window with the real tiny.en model handed in, as the app would have it after its background load."""
    win = build_window(ctx, transcribers={"tiny.en": tiny_transcriber})
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.speech_status.transcriber is not None, timeout=30_000)
    yield win
    _close(win)
