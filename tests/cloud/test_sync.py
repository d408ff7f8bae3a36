"""Sync against real emulators: a whole session and its resume PDF reach a second machine; replays and
outages neither lose nor duplicate anything; offline changes catch up."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.cli import main
from mockmate_desktop.domain.enums import Source
from mockmate_desktop.storage.cloud.connect import connect
from mockmate_desktop.storage.cloud.report import RetryPolicy, SyncReport
from tests.cloud.conftest import Emulators
from tests.support.cloud import CloudReader, add_resume, app_at, sign_in, sign_up, unique_email
from tests.support.emulators import EmulatorUnavailable, firestore_emulator, firestore_export, free_port
from tests.support.ui_sessions import complete_session

pytestmark = pytest.mark.cloud
FAST_RETRY = RetryPolicy(attempts=2, base_delay_s=0.05, max_delay_s=0.1)


def _sync(app: AppContext, **kwargs: object) -> SyncReport:
    session = connect(app, **kwargs)  # type: ignore[arg-type]
    try:
        return session.sync()
    finally:
        session.close()


def test_full_session_with_resume_pdf_reaches_a_second_empty_machine(cloud_env: Emulators, tmp_path: Path) -> None:
    first = AppContext.create()
    email = unique_email("roam")
    user = sign_up(first, email)
    profile, pdf = add_resume(first)
    session = complete_session(Source.OFFLINE)
    session.config.resume_id = profile.id
    first.store.save_session(session)
    local = first.store.get_session(session.id)

    report = _sync(first)
    assert report.state == "synced", report.errors
    assert report.pending == 0 and report.files_uploaded == 1
    assert report.documents_written == 2  # one interview, one resume

    reader = CloudReader(first)
    try:
        interviews = reader.docs(user.uid, "interviews")
        assert set(interviews) == {str(session.id)}  # document id = local UUID
        doc = interviews[str(session.id)]
        assert doc["config"]["job_title"] == "Backend Engineer" and doc["sources"] == ["offline"]
        assert len(doc["questions"]) == 3 and doc["answers"][0]["transcript"] and doc["reports"]["summary"]
        resume_doc = reader.docs(user.uid, "resumes")[str(profile.id)]
        assert resume_doc["storage_path"] == f"users/{user.uid}/resumes/{profile.id}.pdf"
        assert resume_doc["sha256"] == profile.file_sha256
        blob = reader.objects(user.uid)[resume_doc["storage_path"]]
        assert blob.content_type == "application/pdf"
        assert "https://" not in str(resume_doc)  # an object path, never a link
    finally:
        reader.close()

    second = app_at(tmp_path / "second-machine")
    assert second.store.list_sessions() == []
    sign_in(second, email)
    pulled = _sync(second)
    assert pulled.state == "synced", pulled.errors
    assert pulled.pulled == 2 and pulled.files_downloaded == 1

    copy = second.store.get_session(session.id)
    assert copy.model_dump(exclude={"owner_uid"}) == local.model_dump(exclude={"owner_uid"})
    copied_resume = second.store.get_resume(profile.id)
    assert second.store.resolve(copied_resume.stored_path or "").read_bytes() == pdf


def test_replaying_pushed_entries_changes_nothing(cloud_env: Emulators) -> None:
    app = AppContext.create()
    user = sign_up(app, unique_email("replay"))
    add_resume(app)
    for _ in range(2):
        app.store.save_session(complete_session())
    entries = app.store.pending_outbox(limit=1000)
    assert entries

    cloud = connect(app)
    reader = CloudReader(app)
    try:
        assert cloud.sync().state == "synced"
        before = (reader.docs(user.uid, "interviews"), reader.docs(user.uid, "resumes"))
        objects_before = {n: b.md5_hash for n, b in reader.objects(user.uid).items()}

        replay = SyncReport(uid=user.uid)
        cloud.engine.push_entries(entries, replay)  # the same outbox entries a second time
        assert replay.failed == 0 and replay.pushed == len(entries)
        assert replay.files_uploaded == 0  # the PDF in the bucket already has these bytes

        after = (reader.docs(user.uid, "interviews"), reader.docs(user.uid, "resumes"))
        assert after == before
        assert {n: b.md5_hash for n, b in reader.objects(user.uid).items()} == objects_before
    finally:
        reader.close()
        cloud.close()


def test_firestore_stopped_mid_sync_then_restarted_loses_and_duplicates_nothing(
    cloud_env: Emulators, tmp_path: Path
) -> None:
    if cloud_env.firestore.name != "firestore":
        pytest.skip("restarting with the same data needs Google's Firestore emulator (export and seed)")
    app = AppContext.create()
    user = sign_up(app, unique_email("outage"))
    sessions = [complete_session(job_title=f"Role {n}") for n in range(6)]
    for session in sessions:
        app.store.save_session(session)
    total = app.store.outbox_counts()["pending"]
    seed: list[Path] = []

    def stop_after_first_batch(report: SyncReport) -> None:
        if not seed:  # the emulator keeps its data across the restart, as the real service would
            try:
                seed.append(firestore_export(cloud_env.firestore, tmp_path / "export"))
            except EmulatorUnavailable as exc:
                pytest.skip(f"needs Google's Firestore emulator: {exc}")
            cloud_env.firestore.stop()

    broken = _sync(app, batch_size=2, retry=FAST_RETRY, on_batch=stop_after_first_batch)
    assert broken.state == "error" and "unreachable" in broken.errors[0]
    assert broken.pushed == 2 and broken.pending == total - 2
    assert {s.id for s in app.store.list_sessions()} == {s.id for s in sessions}  # nothing local lost

    restarted = firestore_emulator(cloud_env.workdir, port=cloud_env.firestore.port, seed=seed[0])
    restarted.start()
    cloud_env.firestore = restarted
    healed = _sync(app, batch_size=2)
    assert healed.state == "synced", healed.errors
    assert healed.pushed == total - 2 and healed.pending == 0

    reader = CloudReader(app)
    try:
        interviews = reader.docs(user.uid, "interviews")
    finally:
        reader.close()
    assert sorted(interviews) == sorted(str(s.id) for s in sessions)  # each exactly once
    for session in sessions:
        assert interviews[str(session.id)]["config"]["job_title"] == session.config.job_title


def test_two_users_cannot_see_each_others_data(cloud_env: Emulators, tmp_path: Path) -> None:
    alice_app = AppContext.create()
    alice = sign_up(alice_app, unique_email("alice"))
    add_resume(alice_app)
    alice_app.store.save_session(complete_session(job_title="Alice's interview"))
    assert _sync(alice_app).state == "synced"

    bob_app = app_at(tmp_path / "bob")
    bob = sign_up(bob_app, unique_email("bob"))
    bob_report = _sync(bob_app)
    assert bob_report.state == "synced" and bob_report.pulled == 0
    assert bob_app.store.list_sessions() == [] and bob_app.store.list_resumes() == []

    bob_cloud = connect(bob_app)
    try:
        docs, files = bob_cloud.engine.docs, bob_cloud.engine.files
        assert docs.list("interviews") == []
        from mockmate_desktop.storage.cloud.scope import ScopeError

        with pytest.raises(ScopeError):
            docs.get("..", "..", alice.uid, "interviews")
        with pytest.raises(ScopeError):
            files.download(f"users/{alice.uid}/resumes/x.pdf", tmp_path / "stolen.pdf")
        assert files.list_names() == []
    finally:
        bob_cloud.close()
    assert not (tmp_path / "stolen.pdf").exists()

    # Alice's data folder cannot be synced into Bob's account.
    from mockmate_desktop.storage.cloud.config import CloudConfigError

    with pytest.raises(CloudConfigError):
        sign_in(alice_app, bob.email)


def test_offline_start_with_pending_changes_then_sync(
    cloud_env: Emulators, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = AppContext.create()
    user = sign_up(app, unique_email("offline"))
    session = complete_session(job_title="Made on a train")
    app.store.save_session(session)
    pending = app.store.outbox_counts()["pending"]

    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", f"127.0.0.1:{free_port()}")  # nothing listens there
    offline = _sync(app, retry=FAST_RETRY)
    assert offline.state == "error" and "unreachable" in offline.errors[0]
    assert offline.pending == pending and app.store.get_session(session.id) == session

    from mockmate_desktop.storage.cloud.connect import status_text

    assert status_text(app).startswith("Cloud sync error: cloud unreachable")
    assert main(["sync"]) == 1
    assert "cloud unreachable" in capsys.readouterr().err

    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", cloud_env.firestore.host)
    online = _sync(app)
    assert online.state == "synced" and online.pending == 0 and online.pushed == pending
    assert status_text(app) == "Synced."
    reader = CloudReader(app)
    try:
        assert list(reader.docs(user.uid, "interviews")) == [str(session.id)]
    finally:
        reader.close()


def test_a_record_that_cannot_be_uploaded_is_kept_with_its_reason_and_the_rest_syncs(cloud_env: Emulators) -> None:
    app = AppContext.create()
    user = sign_up(app, unique_email("refused"))
    foreign = complete_session(job_title="Imported from another account")
    foreign.owner_uid = "someOtherUid"
    app.store.save_session(foreign)
    mine = complete_session(job_title="Mine")
    app.store.save_session(mine)
    foreign_entries = [e for e in app.store.pending_outbox(limit=100) if e.session_id == str(foreign.id)]

    report = _sync(app)
    assert report.state == "error" and "belongs to another account" in report.errors[0]
    assert report.failed == len(foreign_entries) and report.pending == len(foreign_entries)
    assert all(e.last_error and "another account" in e.last_error for e in app.store.pending_outbox(limit=100))
    assert app.store.get_session(foreign.id).config.job_title == "Imported from another account"
    reader = CloudReader(app)
    try:
        assert list(reader.docs(user.uid, "interviews")) == [str(mine.id)]
    finally:
        reader.close()


def test_the_grpc_transport_syncs_end_to_end_with_the_users_token(
    cloud_env: Emulators, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKMATE_FIRESTORE_TRANSPORT", "grpc")
    first = AppContext.create()
    email = unique_email("grpc")
    sign_up(first, email)
    profile, pdf = add_resume(first)
    session = complete_session(Source.OFFLINE)
    first.store.save_session(session)
    cloud = connect(first)
    try:
        assert type(cloud.engine.docs).__name__ == "GrpcDocuments"
        report = cloud.sync()
    finally:
        cloud.close()
    assert report.state == "synced", report.errors
    second = app_at(tmp_path / "second-machine")
    sign_in(second, email)
    pulled = _sync(second)
    assert pulled.state == "synced" and pulled.pulled == 2, pulled.errors
    assert second.store.get_session(session.id).id == session.id
    assert second.store.resolve(second.store.get_resume(profile.id).stored_path or "").read_bytes() == pdf


def test_practice_attempts_and_plan_reach_a_second_machine(cloud_env: Emulators, tmp_path: Path) -> None:
    """The coaching loop's re-answers and plan travel inside their interview's document, under the rules."""
    from mockmate_desktop.domain.enums import AnswerMode
    from mockmate_desktop.engine.offline.engine import OfflineEngine
    from mockmate_desktop.services.coaching import CoachingService, NewAttempt
    from tests.coaching.conftest import reported_session

    first = AppContext.create()
    email = unique_email("coach")
    sign_up(first, email)
    engine = OfflineEngine()
    session = reported_session(engine)
    first.store.save_session(session)
    coaching = CoachingService(first.store, engine.bank)
    question = coaching.find_question(session, "Q2")
    attempt = coaching.practise(
        session.id, question.id, NewAttempt(mode=AnswerMode.TYPED, transcript="I would measure first, then index.")
    ).attempt
    plan = coaching.plan(session.id)
    report = _sync(first)
    assert report.state == "synced", report.errors

    second = app_at(tmp_path / "second-machine")
    sign_in(second, email)
    pulled = _sync(second)
    assert pulled.state == "synced", pulled.errors
    copies = second.store.list_attempts(session.id)
    assert [a.id for a in copies] == [attempt.id] and copies[0].transcript == attempt.transcript
    assert copies[0].audio_path is None  # recordings of attempts stay on the machine that made them
    assert second.store.get_plan(session.id) == plan
