"""The shipped demo session: installs once from assets/demo, complete, real audio, labelled as a demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockmate_desktop.domain.enums import SessionStatus, Source
from mockmate_desktop.domain.report_text import render_markdown
from mockmate_desktop.services.demo import DemoUnavailableError, demo_archive_path, install_demo
from mockmate_desktop.storage.sqlite_store import SqliteStore


def test_demo_installs_once_complete_and_labelled(store: SqliteStore) -> None:
    archive = demo_archive_path()
    assert archive.stat().st_size < 5_000_000
    first = install_demo(store)
    assert first.installed_now
    session = first.session
    assert session.is_demo and session.status is SessionStatus.COMPLETED and session.reports.complete
    assert session.reports.sources == {Source.OFFLINE}
    voiced = [a for a in session.answers if a.audio_path]
    assert len(voiced) >= 5
    assert all(store.resolve(a.audio_path).is_file() for a in voiced if a.audio_path)
    # On-topic spoken answers (Whisper's output of the demo's espeak-ng answers) that show a good interview,
    # not a discouraging one.
    assert sum("Python" in a.transcript or "support" in a.transcript for a in session.answers) >= 3
    assert all(a.words and a.delivery is not None for a in voiced)
    summary = session.reports.summary
    assert summary is not None and summary.overall_score >= 60 and summary.selection_probability >= 40
    again = install_demo(store)
    assert not again.installed_now and again.session.id == session.id
    assert len(store.list_sessions()) == 1
    assert "DEMO" in render_markdown(session)


def test_a_missing_archive_is_a_clear_error(
    store: SqliteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKMATE_ASSETS", str(tmp_path))
    with pytest.raises(DemoUnavailableError, match="missing"):
        install_demo(store)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DemoUnavailableError, match="damaged"):
        install_demo(store, broken)
