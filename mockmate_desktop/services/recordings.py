"""Recordings a crash left behind: a WAV on disk that no stored answer refers to.

A kill while an answer is given leaves its WAV (the microphone writes it as it records) but no answer row; a
full disk leaves a WAV cut short with stale header sizes. When an interview is opened again, each such file is
either re-attached or cleaned:
- a copy of an input file (`*.copy.wav`, made from a WAV folder) is deleted: the input is still in its folder
  and is taken again for the same question;
- a microphone recording of a question that is still unanswered is re-attached as that question's answer
  when it holds speech and `recover` can transcribe it (its header is rewritten from the real length first);
- everything else (an answered question, a re-recorded take, an unreadable or empty file) is deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from ..domain.delivery import WordTiming
from ..domain.enums import Language
from ..domain.interview import InterviewSession
from ..storage.protocols import SessionStore

log = logging.getLogger(__name__)
COPY_SUFFIX = ".copy.wav"
MIN_RECOVERABLE_S = 0.5  # shorter than this holds no answer: a take cancelled at once


@dataclass(frozen=True)
class Transcribed:
    text: str
    words: list[WordTiming]
    duration_s: float


RecoverRecording = Callable[[Path, Language], Transcribed]


@dataclass(frozen=True)
class Recovered:
    """What was done with one left-over recording (`reattached` names the question it now answers)."""

    path: Path
    reattached: UUID | None


def orphans(store: SessionStore, session: InterviewSession) -> list[Path]:
    folder = store.home / "audio" / str(session.id)
    if not folder.is_dir():
        return []
    referenced = {store.resolve(a.audio_path).resolve() for a in session.answers if a.audio_path}
    # Newest first: when a question has several takes (a re-record cut off by a kill), the last one is kept.
    left = [p for p in folder.glob("*.wav") if p.resolve() not in referenced]
    return sorted(left, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def tidy_recordings(
    store: SessionStore, session: InterviewSession, recover: RecoverRecording | None
) -> list[Recovered]:
    from ..domain.enums import AnswerMode
    from ..domain.interview import Answer

    done: list[Recovered] = []
    answered = {a.question_id for a in session.answers}
    questions = {q.id: q for q in session.questions}
    for path in orphans(store, session):
        question_id = _question_of(path)
        wanted = (
            not path.name.endswith(COPY_SUFFIX) and question_id in questions and question_id not in answered
        )
        audio_s = _repair(path) if wanted else 0.0
        if audio_s >= MIN_RECOVERABLE_S and question_id is not None:
            if recover is None:
                continue  # kept for a start that can transcribe it (the typed terminal cannot)
            try:
                heard = recover(path, session.config.language)
            except Exception as exc:  # kept on disk for another try; never a reason not to continue
                log.warning("could not transcribe the left-over recording %s: %s", path.name, exc)
                continue
            answer = Answer(
                question_id=question_id,
                mode=AnswerMode.VOICE,
                transcript=heard.text,
                words=heard.words,
                audio_path=path.resolve().relative_to(store.home.resolve()).as_posix(),
                duration_s=heard.duration_s,
                input_ref="microphone (recovered after an interruption)",
                follow_up_pending=questions[question_id].parent_id is None,
            )
            store.save_answer(session.id, answer)
            answered.add(question_id)
            done.append(Recovered(path, question_id))
            continue
        path.unlink(missing_ok=True)
        done.append(Recovered(path, None))
    return done


def _question_of(path: Path) -> UUID | None:
    """Recordings are named `<question id>-<random>.wav` by the store."""
    try:
        return UUID(path.name[:36])
    except ValueError:
        return None


def _repair(path: Path) -> float:
    """Rewrite the file from the audio it really holds (a crash or a full disk leaves stale header sizes);
    returns its seconds, 0 when nothing usable is in it."""
    from ..speech.protocols import SAMPLE_RATE
    from ..speech.wavio import WavFormatError, read_wav_16k_mono, write_wav

    try:
        audio = read_wav_16k_mono(path)
    except (OSError, WavFormatError, ValueError) as exc:
        log.info("left-over recording %s is unreadable: %s", path.name, exc)
        return 0.0
    seconds = len(audio) / SAMPLE_RATE
    if seconds >= MIN_RECOVERABLE_S:
        try:
            write_wav(path, audio)
        except OSError as exc:  # e.g. the disk is still full: keep it as it is, it still reads
            log.warning("could not rewrite %s: %s", path.name, exc)
    return seconds


def close_unplanned(store: SessionStore) -> list[UUID]:
    """Sessions left in progress without a single question (a plan that failed before plans were stored with
    their session) can never be continued: they are marked abandoned so that nothing offers to resume them."""
    from ..domain.enums import SessionStatus

    closed = [
        s.id for s in store.list_sessions() if s.status is SessionStatus.IN_PROGRESS and not s.questions
    ]
    for session_id in closed:
        store.set_status(session_id, SessionStatus.ABANDONED)
    return closed


def sweep_recordings(store: SessionStore) -> list[Path]:
    """At start-up: left-overs that no later open would tidy. Folders of deleted sessions go; in a completed
    session nothing can be re-attached, so its orphans go. Sessions that can still continue keep theirs
    for `tidy_recordings` (which may re-attach them)."""
    import shutil

    from ..domain.enums import SessionStatus
    from ..storage.errors import NotFoundError

    removed: list[Path] = []
    audio = store.home / "audio"
    if not audio.is_dir():
        return removed
    for folder in sorted(p for p in audio.iterdir() if p.is_dir()):
        try:
            session = store.get_session(UUID(folder.name))
        except (ValueError, NotFoundError):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
            continue
        if session.status is SessionStatus.COMPLETED:
            for path in orphans(store, session):
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed
