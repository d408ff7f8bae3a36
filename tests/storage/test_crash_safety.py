"""kill -9 in the middle of an interview: every committed answer survives with its recording.

A real child process writes to the real store and reports each commit through a pipe; the parent
SIGKILLs it at a chosen point, reopens the data folder and checks what is there.
"""

from __future__ import annotations

import hashlib
import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.conftest import REPO_ROOT
from tests.support.crash_writer import wav_for

TIMEOUT_S = 60.0


@dataclass
class ChildRun:
    session_id: UUID
    committed: dict[int, tuple[str, str]] = field(default_factory=dict)  # n -> (answer id, sha256)
    last_line: str = ""


def _read_line(fd: int, deadline: float) -> str:
    """Read one line from the pipe, waiting on the fd (never sleeping) until the deadline."""
    buffer = b""
    while not buffer.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(0.0, remaining))
        if not ready:
            raise TimeoutError(f"the child said nothing for {TIMEOUT_S} s")
        chunk = os.read(fd, 1)
        if not chunk:
            raise EOFError(f"the child exited early after {buffer!r}")
        buffer += chunk
    return buffer.decode().strip()


def run_and_kill(mode: str, stop_at: int) -> ChildRun:
    """Start the writer; SIGKILL it after `stop_at` commits (free) or mid-recording of answer `stop_at`."""
    read_fd, write_fd = os.pipe()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.crash_writer", str(write_fd), mode, str(stop_at)],
        cwd=REPO_ROOT,
        pass_fds=(write_fd,),
        env=os.environ.copy(),
    )
    os.close(write_fd)
    deadline = time.monotonic() + TIMEOUT_S
    try:
        kind, session_id = _read_line(read_fd, deadline).split()
        assert kind == "session"
        run = ChildRun(UUID(session_id))
        while True:
            line = _read_line(read_fd, deadline)
            run.last_line = line
            parts = line.split()
            if parts[0] == "committed":
                run.committed[int(parts[1])] = (parts[2], parts[3])
                if mode == "free" and len(run.committed) == stop_at:
                    break  # kill at once: the child is already busy with the next answer
            elif parts[0] == "recording":
                break
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=TIMEOUT_S) == -signal.SIGKILL
        return run
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=TIMEOUT_S)
        os.close(read_fd)


def _check_reopened(run: ChildRun, tmp_path: Path, *, may_have_one_more: bool) -> SqliteStore:
    store = SqliteStore.open(AppPaths.from_environment())
    assert store.integrity_problems() == []
    session = store.get_session(run.session_id)
    by_id = {str(a.id): a for a in session.answers}
    for n, (answer_id, sha) in run.committed.items():
        answer = by_id[answer_id]
        assert answer.transcript == f"answer number {n}"
        recording = store.resolve(answer.audio_path or "")
        assert hashlib.sha256(recording.read_bytes()).hexdigest() == sha
    extra = [a for a in session.answers if str(a.id) not in {i for i, _ in run.committed.values()}]
    assert len(extra) <= (1 if may_have_one_more else 0)
    for answer in extra:  # committed, but killed before it could report: it must be whole too
        n = int(answer.transcript.rsplit(" ", 1)[1])
        expected = wav_for(n, tmp_path / "expected.wav")
        assert hashlib.sha256(store.resolve(answer.audio_path or "").read_bytes()).hexdigest() == expected
    answered = {str(a.id) for a in session.answers}
    synced = {e.entity_id for e in store.pending_outbox(10_000) if e.entity == "answer"}
    assert answered == synced  # every committed answer has its outbox row
    assert run.session_id in [s.id for s in store.resumable_sessions()]
    return store


def test_kill_while_recording_keeps_every_committed_answer(tmp_path: Path) -> None:
    run = run_and_kill("midwrite", stop_at=3)
    assert run.last_line == "recording 3" and sorted(run.committed) == [0, 1, 2]
    store = _check_reopened(run, tmp_path, may_have_one_more=False)
    try:
        session = store.get_session(run.session_id)
        assert len(session.answers) == 3
        unanswered = [q for q in session.questions if session.answer_for(q.id) is None]
        assert [q.position for q in unanswered] == [3, 4]  # resume from the question being spoken
        # the half-written recording is on disk but no answer refers to it: at most that answer is lost
        folder = store.paths.audio_dir / str(run.session_id)
        referenced = {store.resolve(a.audio_path or "").name for a in session.answers}
        assert len([p for p in folder.iterdir() if p.name not in referenced]) == 1
    finally:
        store.close()


@pytest.mark.parametrize("stop_after", [1, 4, 9])
def test_kill_at_an_arbitrary_moment_keeps_every_committed_answer(tmp_path: Path, stop_after: int) -> None:
    run = run_and_kill("free", stop_at=stop_after)
    assert len(run.committed) == stop_after
    store = _check_reopened(run, tmp_path, may_have_one_more=True)
    store.close()
