"""Bad remote data against real emulators: a planted invalid document is set aside (reported once) while the
rest syncs; a record dated in the future (planted with owner credentials, which bypass the rules, as data
written before the rules were deployed would be) cannot delete or overwrite local data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.cli import main
from mockmate_desktop.domain.enums import Source
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.domain.resume import ResumeProfile
from mockmate_desktop.storage.cloud import encode
from mockmate_desktop.storage.cloud.connect import connect
from mockmate_desktop.storage.cloud.diagnostics import diagnose
from mockmate_desktop.storage.cloud.quarantine import Quarantine
from mockmate_desktop.storage.cloud.report import SyncReport
from tests.cloud.conftest import Emulators
from tests.support.cloud import CloudReader, sign_up, unique_email
from tests.support.ui_sessions import complete_session

pytestmark = pytest.mark.cloud


def _sync(app: AppContext) -> SyncReport:
    session = connect(app)
    try:
        return session.sync()
    finally:
        session.close()


def test_a_planted_invalid_document_is_set_aside_once_and_sync_goes_on(
    cloud_env: Emulators, capsys: pytest.CaptureFixture[str]
) -> None:
    app = AppContext.create()
    user = sign_up(app, unique_email("planted"))
    reader = CloudReader(app)
    bad_ids = [str(uuid4()), str(uuid4())]
    try:
        interviews = reader.db.collection(f"users/{user.uid}/interviews")
        interviews.document(bad_ids[0]).set({"id": bad_ids[0], "questions": "🙃", "last_change": 12})
        interviews.document(bad_ids[1]).set({"id": "not-this-path", "deleted": False})
        # A resume whose file reference points outside the data folder: the document's fault, not a local one.
        escaping = complete_resume_doc(user.uid, stored_path="../../outside.pdf")
        reader.db.document(f"users/{user.uid}/resumes/{escaping['id']}").set(escaping)
        session = complete_session()
        app.store.save_session(session)

        first = _sync(app)
        assert first.state == "synced", first.errors  # the bad documents do not make the sync fail
        expected = [*(f"interviews/{i}" for i in bad_ids), f"resumes/{escaping['id']}"]
        assert sorted(q.split(":")[0] for q in first.quarantined) == sorted(expected)
        assert any("inside the data folder" in q for q in first.quarantined if q.startswith("resumes/"))
        assert "failed validation" in first.status_line()
        assert str(session.id) in reader.docs(user.uid, "interviews")  # the rest went up

        second = _sync(app)
        assert second.state == "synced" and second.quarantined == []  # reported once, then skipped quietly
        checks = {c.name: c for c in diagnose(app)}
        assert "3 cloud record(s)" in checks["cloud records set aside"].detail

        assert main(["sync", "--quarantine"]) == 0
        listed = capsys.readouterr().out
        assert all(f"interviews/{i}" in listed for i in bad_ids)

        # Mended in the cloud (a valid record under that id), it is taken in and leaves the list.
        other = complete_session()
        dumped = other.model_dump_json().replace(str(other.id), bad_ids[0])
        mended = InterviewSession.model_validate_json(dumped)
        interviews.document(bad_ids[0]).set(encode.interview_doc(mended, user.uid, {}))
        third = _sync(app)
        assert third.state == "synced", third.errors
        assert app.store.has_session(mended.id)
        left = [e.path for e in Quarantine(app.paths.home).entries()]
        assert left == sorted([f"interviews/{bad_ids[1]}", f"resumes/{escaping['id']}"])
        assert not (app.paths.home.parent.parent / "outside.pdf").exists()
    finally:
        reader.close()


def complete_resume_doc(uid: str, *, stored_path: str) -> dict[str, Any]:
    profile = ResumeProfile(
        source=Source.OFFLINE, file_sha256="0" * 64, original_name="cv.pdf", stored_path=stored_path, name="X"
    )
    return encode.resume_doc(profile, "0" * 64, f"users/{uid}/resumes/{profile.id}.pdf", "application/pdf")


def _synced_session(tag: str) -> tuple[AppContext, Any, InterviewSession]:
    """A signed-up user whose one session is already in the cloud."""
    app = AppContext.create()
    user = sign_up(app, unique_email(tag))
    session = complete_session()
    app.store.save_session(session)
    assert _sync(app).state == "synced"
    return app, user, session


def test_a_future_dated_tombstone_cannot_delete_local_data_and_is_overwritten(cloud_env: Emulators) -> None:
    app, user, session = _synced_session("future")
    reader = CloudReader(app)
    try:
        far = datetime.now(UTC) + timedelta(days=3650)
        reader.db.document(f"users/{user.uid}/interviews/{session.id}").set(
            {"schema": 1, "id": str(session.id), "deleted": True, "last_change": far}
        )
        report = _sync(app)
        assert report.state == "synced", report.errors
        assert report.clamped and f"interviews/{session.id}" in report.clamped[0]
        assert app.store.get_session(session.id).id == session.id  # nothing local was deleted
        doc = reader.docs(user.uid, "interviews")[str(session.id)]
        assert doc["deleted"] is False  # the local record was written back over the planted tombstone
        assert doc["last_change"] < datetime.now(UTC) + timedelta(minutes=5)
    finally:
        reader.close()


def test_a_future_dated_edit_never_wins_over_the_local_record(cloud_env: Emulators) -> None:
    app, user, session = _synced_session("future-edit")
    local_transcript = app.store.get_session(session.id).answers[0].transcript
    reader = CloudReader(app)
    try:
        ref = reader.db.document(f"users/{user.uid}/interviews/{session.id}")
        doc = ref.get().to_dict()
        doc["answers"][0]["transcript"] = "PLANTED"
        doc["answers"][0]["updated_at"] = (datetime.now(UTC) + timedelta(days=365)).isoformat()
        ref.set(doc)
        report = _sync(app)
        assert report.state == "synced", report.errors
        assert report.clamped
        assert app.store.get_session(session.id).answers[0].transcript == local_transcript
        assert reader.docs(user.uid, "interviews")[str(session.id)]["answers"][0]["transcript"] == local_transcript
    finally:
        reader.close()
