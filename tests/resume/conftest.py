"""Fixtures for resume tests: a real local store, the intake and analyzer, the local Gemini server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.core.settings import Settings
from mockmate_desktop.engine.gemini.resume import GeminiResumeReader
from mockmate_desktop.resume.analyzer import ResumeAnalyzer
from mockmate_desktop.resume.intake import ResumeIntake
from mockmate_desktop.resume.protocols import ResumeReader
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.fake_gemini import FakeGeminiServer, client_for, settings_for


@pytest.fixture
def store(mockmate_home: Path) -> Iterator[SqliteStore]:
    opened = SqliteStore.open(AppPaths.from_environment().ensure())
    yield opened
    opened.close()


@pytest.fixture
def offline_settings() -> Settings:
    return Settings()


@pytest.fixture
def intake(store: SqliteStore, offline_settings: Settings) -> ResumeIntake:
    return ResumeIntake(store, offline_settings)


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes], Path]:
    folder = tmp_path / "uploads"
    folder.mkdir()

    def write(name: str, data: bytes) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def fake_gemini() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer() as server:
        yield server


@pytest.fixture
def gemini_settings(fake_gemini: FakeGeminiServer) -> Settings:
    return settings_for(fake_gemini)


@pytest.fixture
def reader_factory(fake_gemini: FakeGeminiServer) -> Callable[[Settings], ResumeReader]:
    """The real client and SDK aimed at the local server, with short back-off so fault tests stay quick."""
    return lambda settings: GeminiResumeReader(client_for(fake_gemini, max_attempts=2))


@pytest.fixture
def gemini_intake(
    store: SqliteStore, gemini_settings: Settings, reader_factory: Callable[[Settings], ResumeReader]
) -> ResumeIntake:
    return ResumeIntake(store, gemini_settings, reader_factory=reader_factory)


@pytest.fixture
def gemini_analyzer(
    store: SqliteStore, gemini_settings: Settings, reader_factory: Callable[[Settings], ResumeReader]
) -> ResumeAnalyzer:
    return ResumeAnalyzer(gemini_settings, store, reader_factory=reader_factory)
