"""Two machines, one account: last writer wins per record, deletions travel, audio only when opted in,
and `mockmate sync --json` prints the counts."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.cli import main
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.storage.cloud.connect import connect
from mockmate_desktop.storage.cloud.report import SyncReport
from tests.cloud.conftest import Emulators
from tests.support.cloud import CloudReader, app_at, sign_in, sign_up, unique_email
from tests.support.ui_sessions import complete_session

pytestmark = pytest.mark.cloud


def _sync(app: AppContext) -> SyncReport:
    cloud = connect(app)
    try:
        report = cloud.sync()
    finally:
        cloud.close()
    assert report.state == "synced", report.errors
    return report


def _two_machines(tmp_path: Path, tag: str) -> tuple[AppContext, AppContext, InterviewSession]:
    first = AppContext.create()
    email = unique_email(tag)
    sign_up(first, email)
    session = complete_session()
    first.store.save_session(session)
    _sync(first)
    second = app_at(tmp_path / "second")
    sign_in(second, email)
    _sync(second)
    return first, second, first.store.get_session(session.id)


def _edit_first_answer(app: AppContext, session: InterviewSession, text: str) -> None:
    answer = app.store.get_session(session.id).answers[0].model_copy()
    answer.transcript = text
    answer.touch()
    app.store.save_answer(session.id, answer)


def test_the_later_edit_of_the_same_answer_wins_whatever_the_sync_order(cloud_env: Emulators, tmp_path: Path) -> None:
    first, second, session = _two_machines(tmp_path, "lww")
    _edit_first_answer(first, session, "Earlier edit on the first machine.")
    _edit_first_answer(second, session, "Later edit on the second machine.")

    _sync(second)  # the later edit reaches the cloud first...
    _sync(first)  # ...and the earlier one, pushed afterwards, must not overwrite it
    _sync(second)

    for app in (first, second):
        assert app.store.get_session(session.id).answers[0].transcript == "Later edit on the second machine."
    one, two = (a.store.get_session(session.id) for a in (first, second))
    assert one.model_dump(exclude={"owner_uid"}) == two.model_dump(exclude={"owner_uid"})


def test_edits_to_different_records_are_both_kept(cloud_env: Emulators, tmp_path: Path) -> None:
    first, second, session = _two_machines(tmp_path, "merge")
    _edit_first_answer(first, session, "First machine reworded answer one.")
    second_answer = second.store.get_session(session.id).answers[1].model_copy()
    second_answer.transcript = "Second machine reworded answer two."
    second_answer.touch()
    second.store.save_answer(session.id, second_answer)

    _sync(first)
    _sync(second)
    _sync(first)
    for app in (first, second):
        answers = app.store.get_session(session.id).answers
        transcripts = {a.id: a.transcript for a in answers}
        assert transcripts[session.answers[0].id] == "First machine reworded answer one."
        assert transcripts[session.answers[1].id] == "Second machine reworded answer two."


def test_a_deletion_on_one_machine_reaches_the_other(cloud_env: Emulators, tmp_path: Path) -> None:
    first, second, session = _two_machines(tmp_path, "delete")
    first.store.delete_session(session.id)
    _sync(first)
    report = _sync(second)
    assert report.pulled == 1
    assert second.store.list_sessions() == []


def test_answer_audio_is_uploaded_only_when_the_user_opts_in(cloud_env: Emulators, tmp_path: Path) -> None:
    app = AppContext.create()
    email = unique_email("audio")
    user = sign_up(app, email)
    session = complete_session()
    app.store.save_session(session)
    answer = app.store.get_session(session.id).answers[0]
    wav = app.store.new_audio_path(session.id, answer.question_id)
    wav.write_bytes(b"RIFF" + bytes(range(256)) * 40)
    answer.audio_path = app.store.relative_path(wav)
    answer.touch()
    app.store.save_answer(session.id, answer)

    _sync(app)
    reader = CloudReader(app)
    try:
        assert not any("/audio/" in name for name in reader.objects(user.uid))  # off by default

        app.settings.sync_answer_audio = True
        answer.touch()
        app.store.save_answer(session.id, answer)
        assert _sync(app).files_uploaded == 1
        name = f"users/{user.uid}/interviews/{session.id}/audio/{answer.id}.wav"
        blob = reader.objects(user.uid)[name]
        assert blob.content_type == "audio/wav"
    finally:
        reader.close()

    second = app_at(tmp_path / "second")
    second.settings.sync_answer_audio = True
    sign_in(second, email)
    assert _sync(second).files_downloaded == 1
    assert second.store.resolve(answer.audio_path).read_bytes() == wav.read_bytes()


def test_sync_cli_prints_counts_as_json(cloud_env: Emulators, capsys: pytest.CaptureFixture[str]) -> None:
    app = AppContext.create()
    sign_up(app, unique_email("cli-sync"))
    app.store.save_session(complete_session())
    pending = app.store.outbox_counts()["pending"]

    assert main(["sync", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["state"] == "synced" and printed["pushed"] == pending and printed["pending"] == 0
    assert printed["documents_written"] == 1

    assert main(["sync"]) == 0
    out = capsys.readouterr().out
    assert "pushed 0 change(s)" in out and "Synced." in out


def test_background_loop_syncs_at_start_and_when_poked(cloud_env: Emulators) -> None:
    from mockmate_desktop.storage.cloud.background import SyncLoop

    app = AppContext.create()
    sign_up(app, unique_email("loop"))
    app.store.save_session(complete_session())
    outcomes: list[tuple[str, SyncReport | None]] = []
    arrived = threading.Condition()

    def on_status(text: str, report: SyncReport | None) -> None:
        with arrived:
            outcomes.append((text, report))
            arrived.notify_all()

    loop = SyncLoop(app, on_status, interval_s=3600)
    loop.start()
    try:
        with arrived:
            assert arrived.wait_for(lambda: len(outcomes) >= 1, timeout=60)
        assert outcomes[0][0] == "Synced." and outcomes[0][1] is not None and outcomes[0][1].pushed > 0
        app.store.save_session(complete_session(job_title="Second session"))
        loop.poke()
        with arrived:
            assert arrived.wait_for(lambda: len(outcomes) >= 2, timeout=60)
        report = outcomes[1][1]
        assert report is not None and report.pushed > 0 and report.pending == 0
    finally:
        loop.stop()


def test_a_file_missing_on_one_machine_is_restored_and_the_cloud_keeps_its_reference(cloud_env: Emulators, tmp_path: Path) -> None:
    from tests.support.cloud import add_resume

    first = AppContext.create()
    email = unique_email("keepref")
    user = sign_up(first, email)
    profile, _ = add_resume(first)
    _sync(first)
    second = app_at(tmp_path / "second")
    sign_in(second, email)
    _sync(second)

    copy = second.store.get_resume(profile.id)
    second.store.resolve(copy.stored_path or "").unlink()  # e.g. removed by hand on this machine
    copy.headline = "Edited on the second machine"
    copy.touch()
    second.store.save_resume(copy)
    report = _sync(second)
    assert report.pushed >= 1 and report.files_uploaded == 0 and report.files_downloaded == 1
    assert second.store.resolve(copy.stored_path or "").read_bytes()[:5] == b"%PDF-"

    reader = CloudReader(second)
    try:
        doc = reader.docs(user.uid, "resumes")[str(profile.id)]
    finally:
        reader.close()
    assert doc["summary"]["headline"] == "Edited on the second machine"
    assert doc["storage_path"] == f"users/{user.uid}/resumes/{profile.id}.pdf"
