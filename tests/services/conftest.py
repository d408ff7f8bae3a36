"""Fixtures for the headless services: a store in the test's data folder, a test question bank, Whisper."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.offline_bank import write_bank


@pytest.fixture
def store() -> Iterator[SqliteStore]:
    opened = SqliteStore.open(AppPaths.from_environment())
    yield opened
    opened.close()


@pytest.fixture
def test_assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An assets folder holding the small test bank, used by the offline engine through MOCKMATE_ASSETS."""
    folder = tmp_path / "assets"
    write_bank(folder / "question_bank")
    monkeypatch.setenv("MOCKMATE_ASSETS", str(folder))
    return folder


@pytest.fixture(scope="session")
def tiny_whisper() -> Any:
    """The real Whisper tiny.en model, loaded once for the whole test session."""
    from mockmate_desktop.speech.whisper import WhisperTranscriber

    transcriber = WhisperTranscriber("tiny.en", AppPaths.from_environment({}).model_cache)
    transcriber.load()
    return transcriber
