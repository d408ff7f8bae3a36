"""Recordings a crash left behind are cleaned, or re-attached to their question, when the interview is opened
again; a WAV cut short by a full disk (stale header sizes, a half sample at the end) is repaired first."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path
from typing import Any

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, SessionStatus
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.answer_sources import recording_recoverer
from mockmate_desktop.services.orchestrator import InterviewOrchestrator, Response
from mockmate_desktop.services.recordings import close_unplanned
from mockmate_desktop.speech.wavio import read_wav
from mockmate_desktop.storage.sqlite_store import SqliteStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "speech"
CONFIG = InterviewConfig(job_title="Backend Engineer", question_count=5, answer_mode=AnswerMode.VOICE)


def _cut_short(source: Path, target: Path, keep_bytes: int) -> None:
    """What a full disk leaves: the header written for the whole answer, then only part of the data."""
    data = source.read_bytes()
    target.write_bytes(data[: 44 + keep_bytes])


def _left_behind(store: SqliteStore, interview: InterviewOrchestrator) -> dict[str, Path]:
    """One file of each kind; the first question is answered, the next three are not."""
    ordered = sorted(interview.session.questions, key=lambda q: q.position)
    answered, q2, q3, q4 = ordered[0], ordered[1], ordered[2], ordered[3]
    interview.submit(answered.id, Response(mode=AnswerMode.TYPED, text="I led the migration to Postgres."))
    folder = store.home / "audio" / str(interview.session_id)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "answered": folder / f"{answered.id}-0a.wav",  # a re-recorded take of an answered question
        "copy": folder / f"{q2.id}-0b.copy.wav",  # a copy of an answers-folder file: the file is still there
        "spoken": folder / f"{q2.id}-0c.wav",  # the microphone recording of an answer cut off by a kill
        "full_disk": folder / f"{q3.id}-0d.wav",  # cut short by a full disk, half a sample at the end
        "empty": folder / f"{q4.id}-0e.wav",  # a take cancelled at once
    }
    for key in ("answered", "copy", "spoken"):
        shutil.copy(FIXTURES / "jfk.wav", files[key])
    _cut_short(FIXTURES / "jfk.wav", files["full_disk"], 16_000 * 2 * 6 + 1)
    _cut_short(FIXTURES / "jfk.wav", files["empty"], 1_600)
    return files


def test_left_over_recordings_are_cleaned_and_kept_for_a_start_that_can_transcribe(
    store: SqliteStore, test_assets: Path
) -> None:
    interview = InterviewOrchestrator.start(store, OfflineEngine(), CONFIG)
    files = _left_behind(store, interview)
    _again, tidied = InterviewOrchestrator.open(store, OfflineEngine(), interview.session_id, recover=None)
    assert {r.path.name for r in tidied} == {files[k].name for k in ("answered", "copy", "empty")}
    assert all(r.reattached is None for r in tidied)
    assert not files["answered"].exists() and not files["copy"].exists() and not files["empty"].exists()
    # Without a transcriber (the typed terminal) a spoken answer is kept on disk for a later start.
    assert files["spoken"].exists() and files["full_disk"].exists()


@pytest.mark.slow
def test_a_spoken_answer_left_by_a_kill_is_reattached_and_a_cut_short_one_repaired(
    store: SqliteStore, test_assets: Path, tiny_whisper: Any
) -> None:
    interview = InterviewOrchestrator.start(store, OfflineEngine(), CONFIG)
    files = _left_behind(store, interview)
    again, tidied = InterviewOrchestrator.open(
        store, OfflineEngine(), interview.session_id, recover=recording_recoverer(tiny_whisper)
    )
    attached = {r.path.name: r.reattached for r in tidied if r.reattached}
    assert set(attached) == {files["spoken"].name, files["full_disk"].name}
    stored = store.get_session(interview.session_id)
    for key in ("spoken", "full_disk"):
        answer = stored.answer_for(attached[files[key].name])  # type: ignore[arg-type]
        assert answer is not None and answer.audio_path and store.resolve(answer.audio_path) == files[key]
        assert "country" in answer.transcript.lower() or "fellow" in answer.transcript.lower()
        assert answer.input_ref.startswith("microphone (recovered")
    # The header now says what the file holds: whole samples, about the 6 s that reached the disk.
    raw = files["full_disk"].read_bytes()
    assert struct.unpack("<I", raw[40:44])[0] == len(raw) - 44 and (len(raw) - 44) % 2 == 0
    samples, rate = read_wav(files["full_disk"])
    assert rate == 16_000 and 5.9 < len(samples) / rate <= 6.0
    # Both re-attached answers were main questions: their follow-up decisions were made on opening.
    assert not any(a.follow_up_pending for a in stored.answers)
    assert stored.status is SessionStatus.IN_PROGRESS and again.next_prompt() is not None


def test_an_in_progress_session_without_questions_is_closed_not_offered(store: SqliteStore) -> None:
    from mockmate_desktop.domain.interview import InterviewSession

    legacy = InterviewSession(config=CONFIG, status=SessionStatus.IN_PROGRESS)  # what a failed plan once left
    store.save_session(legacy)
    assert legacy.id not in {s.id for s in store.resumable_sessions()}
    assert close_unplanned(store) == [legacy.id]
    assert store.get_session(legacy.id).status is SessionStatus.ABANDONED


def test_start_up_sweeps_what_no_open_would_tidy(store: SqliteStore, test_assets: Path) -> None:
    from mockmate_desktop.services.recordings import sweep_recordings

    done = InterviewOrchestrator.start(store, OfflineEngine(), CONFIG)
    while (prompt := done.next_prompt()) is not None:
        done.skip(prompt.question.id)
    assert done.finish().completed
    going_on = InterviewOrchestrator.start(store, OfflineEngine(), CONFIG)
    audio = store.home / "audio"
    stray = {
        "completed": audio / str(done.session_id) / f"{done.session.questions[0].id}-1.wav",
        "deleted": audio / "5a1c1c4e-0000-4000-8000-000000000000" / "x-2.wav",
        "going_on": audio / str(going_on.session_id) / f"{going_on.session.questions[0].id}-3.wav",
    }
    for path in stray.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / "jfk.wav", path)
    removed = sweep_recordings(store)
    assert stray["completed"] in removed and stray["deleted"].parent in removed
    assert not stray["completed"].exists() and not stray["deleted"].parent.exists()
    assert stray["going_on"].exists()  # still re-attachable when that interview is opened
