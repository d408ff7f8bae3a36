"""kill -9 at random moments of a terminal interview fed from a WAV folder, each followed by `--continue`.

Real subprocesses, the real store, the real Whisper tiny.en model. A moment is chosen at random among the
lines the interview prints as it goes (a question asked: its answer is being read and transcribed, its copy
written; an answer stored: the follow-up is being decided, or the reports are being written); the test waits for that line (no sleeps), kills the
process with SIGKILL, checks that nothing stored was lost, and continues. After the 10th kill the last
`--continue` runs to the end: every answer file must then have fed exactly one answer, in order.
"""

from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from uuid import UUID

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.enums import SessionStatus
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.conftest import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "speech"
# Short answers: the offline engine asks one follow-up to each of the 5 main questions, so 10 files are used.
CLIPS = ("cards_001", "goforward", "cards_002", "librivox_0880", "cards_003", "goforward", "cards_001",
         "cards_002", "cards_003", "goforward")  # fmt: skip
KILLS = 10
# Report lines are not moments: after the last one the process may exit before the signal lands.
MOMENTS = ("Q", "  follow-up:", "  answer (")


def _start(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "mockmate_desktop", "interview", *args],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in iter(process.stdout.readline, ""):
            lines.put(line)
        lines.put("")

    threading.Thread(target=read, daemon=True).start()
    return process, lines


def _kill_at(process: subprocess.Popen[str], lines: queue.Queue[str], skip: int, seen: list[str]) -> bool:
    """SIGKILL right after the `skip`-th progress line; False when the run ended before it."""
    count = 0
    while True:
        line = lines.get(timeout=120)
        if not line:
            process.wait(timeout=60)
            return False
        seen.append(line)
        if line.startswith(MOMENTS):
            count += 1
            if count > skip:
                process.send_signal(signal.SIGKILL)
                assert process.wait(timeout=60) == -signal.SIGKILL
                return True


def _stored(session_id: UUID) -> InterviewSession:
    store = SqliteStore.open(AppPaths.from_environment())
    try:
        return store.get_session(session_id)
    finally:
        store.close()


def _kept(session: InterviewSession) -> dict[str, tuple[str, str]]:
    return {str(a.question_id): (a.input_ref, a.transcript) for a in session.answers}


@pytest.mark.slow
def test_ten_kills_then_continue_use_every_answer_file_once_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    for index, clip in enumerate(CLIPS, start=1):
        shutil.copy(FIXTURES / f"{clip}.wav", folder / f"answer_{index:02d}.wav")
    env = dict(os.environ, MOCKMATE_WHISPER_MODEL="tiny.en")
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    common = ["--answers-dir", str(folder), "--no-tts"]
    args = ["--job-title", "Data Analyst", "--engine", "offline", *common]
    session_id: UUID | None = None
    before: dict[str, tuple[str, str]] = {}
    kills = 0
    while kills < KILLS:
        seen: list[str] = []
        process, lines = _start(args, env)
        killed = _kill_at(process, lines, rng.randrange(3), seen)
        if session_id is None:
            first = next(line for line in seen if line.startswith("Session "))
            session_id = UUID(first.split()[1])
            args = ["--continue", str(session_id), *common]
        assert killed, f"seed {seed}: the interview ended before kill {kills + 1}:\n{''.join(seen)}"
        kills += 1
        after = _kept(_stored(session_id))
        lost = {k: v for k, v in before.items() if after.get(k) != v}
        assert not lost, f"seed {seed}: kill {kills} lost answers {lost}"
        before = after

    assert session_id is not None
    finish = subprocess.run(
        [sys.executable, "-m", "mockmate_desktop", "interview", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finish.returncode == 0, f"seed {seed}\n{finish.stdout}\n{finish.stderr}"
    session = _stored(session_id)
    assert session.status is SessionStatus.COMPLETED and session.reports.complete
    ordered = sorted(session.questions, key=lambda q: q.position)
    answers = [session.answer_for(q.id) for q in ordered]
    assert all(a is not None and not a.skipped for a in answers)
    used = [a.input_ref for a in answers if a is not None]
    assert used == [f"answer_{i:02d}.wav" for i in range(1, len(CLIPS) + 1)], f"seed {seed}"
    assert len(session.answers) == len(ordered)  # no answer written twice for one question
    audio = sorted((AppPaths.from_environment().audio_dir / str(session_id)).glob("*.wav"))
    referenced = sorted(
        (AppPaths.from_environment().home / a.audio_path).resolve() for a in session.answers if a.audio_path
    )
    assert [p.resolve() for p in audio] == referenced  # every left-over copy was cleaned up
