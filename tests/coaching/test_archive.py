"""Practice attempts and the plan travel in the session zip, and a zip with foreign practice is refused."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.enums import AnswerMode
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.coaching import CoachingService, NewAttempt
from mockmate_desktop.storage.archive import export_session, import_session
from mockmate_desktop.storage.archive_format import ArchiveError
from mockmate_desktop.storage.sqlite_store import SqliteStore

from .conftest import reported_session


def test_attempts_and_plan_round_trip_through_the_zip(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService, tmp_path: Path
) -> None:
    session = reported_session(engine)
    store.save_session(session)
    question = coaching.find_question(session, "Q1")
    attempt = coaching.practise(session.id, question.id, NewAttempt(mode=AnswerMode.TYPED, transcript="A venv.")).attempt
    plan = coaching.plan(session.id)
    archive = export_session(store, session.id, tmp_path / "s.zip")

    other = SqliteStore.open(AppPaths(home=tmp_path / "other", model_cache=tmp_path / "models").ensure())
    try:
        import_session(other, archive)
        assert [a.id for a in other.list_attempts(session.id)] == [attempt.id]
        assert other.get_plan(session.id) == plan
        pending = {e.entity for e in other.pending_outbox(limit=1000)}
        assert {"attempt", "practice_plan"} <= pending  # imported records sync like any other
    finally:
        other.close()


def test_practice_of_another_session_is_refused(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService, tmp_path: Path
) -> None:
    session = reported_session(engine)
    store.save_session(session)
    question = coaching.find_question(session, "Q1")
    coaching.practise(session.id, question.id, NewAttempt(mode=AnswerMode.TYPED, transcript="A venv."))
    good = export_session(store, session.id, tmp_path / "s.zip")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "practice.json":
                practice = json.loads(data)
                practice["attempts"][0]["session_id"] = "00000000-0000-4000-8000-000000000000"
                data = json.dumps(practice).encode()
                import hashlib

                for entry in manifest["files"]:
                    if entry["name"] == "practice.json":
                        entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
            if info.filename != "manifest.json":
                target.writestr(info.filename, data)
        target.writestr("manifest.json", json.dumps(manifest))
    other = SqliteStore.open(AppPaths(home=tmp_path / "other", model_cache=tmp_path / "models").ensure())
    try:
        with pytest.raises(ArchiveError, match="practice records do not match"):
            import_session(other, bad)
        assert other.list_sessions() == []
    finally:
        other.close()
