"""Child process for the kill -9 test: runs an interview against the real store and reports each commit.

    python -m tests.support.crash_writer FD MODE STOP_AT

Writes one line to file descriptor FD per event: `session <id>` once the plan is committed, then
`committed <n> <answer id> <wav sha256>` right after each `save_answer` returns. MODE `free` keeps
answering (re-recording the questions in turn) until killed; MODE `midwrite` stops in the middle of writing
the recording of answer STOP_AT (file open, half its frames written), says `recording <n>`, and waits there
to be killed. Answer n's recording is `wav_for(n)`, so the parent can check any answer's file byte for byte.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import wave
from pathlib import Path

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import SessionStatus
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.storage import questions_for, write_wav

QUESTIONS = 5


def wav_params(n: int) -> tuple[float, float]:
    return 0.25, 200.0 + 15 * n


def wav_for(n: int, path: Path) -> str:
    seconds, frequency = wav_params(n)
    return write_wav(path, seconds=seconds, frequency=frequency)


def main(fd: int, mode: str, stop_at: int) -> None:
    out = os.fdopen(fd, "w", buffering=1)
    store = SqliteStore.open(AppPaths.from_environment())
    session = InterviewSession(
        config=InterviewConfig(job_title="Crash Test Engineer", question_count=QUESTIONS)
    )
    store.save_session(session)
    store.set_status(session.id, SessionStatus.IN_PROGRESS)
    questions = questions_for(QUESTIONS)
    for question in questions:
        store.add_question(session.id, question)
    out.write(f"session {session.id}\n")
    for n in itertools.count():
        question = questions[n % QUESTIONS]
        path = store.new_audio_path(session.id, question.id)
        if mode == "midwrite" and n == stop_at:
            recorder = wave.open(str(path), "wb")  # noqa: SIM115 - deliberately never closed
            recorder.setnchannels(1)
            recorder.setsampwidth(2)
            recorder.setframerate(16_000)
            recorder.writeframes(b"\x01\x00" * 2_000)
            out.write(f"recording {n}\n")
            threading.Event().wait()  # killed here, with the recording open and half written
        sha = wav_for(n, path)
        answer = Answer(
            question_id=question.id,
            transcript=f"answer number {n}",
            audio_path=store.relative_path(path),
            duration_s=wav_params(n)[0],
        )
        store.save_answer(session.id, answer)
        out.write(f"committed {n} {answer.id} {sha}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
