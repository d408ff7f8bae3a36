"""A database gone missing next to recordings: Home says so and keeps the recordings aside on request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.ui.launch import build_window
from mockmate_desktop.ui.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "speech"


@pytest.fixture
def orphaned(ctx: AppContext) -> Path:
    """A data folder whose database is missing while one session's recording is still there."""
    folder = ctx.paths.audio_dir / "0f0e0d0c-0000-4000-8000-000000000001"
    folder.mkdir(parents=True)
    recording = folder / "answer.wav"
    recording.write_bytes((FIXTURES / "jfk.wav").read_bytes())
    assert not ctx.paths.db_path.exists()
    return recording


@pytest.fixture
def home_window(qtbot, ctx: AppContext, orphaned: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = build_window(ctx, load_speech=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    assert win.tasks.wait_for_done(60_000)


def test_a_vanished_database_shows_what_was_found_not_an_empty_history(qtbot, home_window, orphaned) -> None:
    home = home_window.home
    qtbot.waitUntil(lambda: home.recovery.isVisible(), timeout=10_000)
    detail = home.recovery.detail.text()
    assert "is missing" in detail and "1 answer recording(s) of 1 session(s)" in detail
    assert not home.empty_label.isVisible()  # not "No sessions yet"
    assert orphaned.exists() and not home_window.services.paths.db_path.exists()  # nothing changed yet


def test_keeping_the_recordings_aside_starts_a_new_history_and_deletes_nothing(
    qtbot, home_window, orphaned: Path
) -> None:
    home = home_window.home
    qtbot.waitUntil(lambda: home.recovery.isVisible(), timeout=10_000)
    original = orphaned.read_bytes()
    home.recovery.recover(confirmed=True)
    qtbot.waitUntil(lambda: not home.recovery.isVisible() and home.empty_label.isVisible(), timeout=10_000)
    paths = home_window.services.paths
    (kept,) = paths.home.glob("recovered-*/audio/*/answer.wav")
    assert kept.read_bytes() == original and not orphaned.exists()
    assert paths.db_path.exists()
    assert "Moved 1 recording(s) of 1 session(s)" in home_window.banner.text
