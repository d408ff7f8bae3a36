"""The microphone side of one answer, on its own QThread: capture, live transcription, WAV on disk.

The thread reads audio blocks from the microphone, writes them to the answer's WAV as they come (a crash keeps
the audio), feeds them to the live transcription and reports the input level. The live transcription's
callbacks run on this thread or on its own worker; they only emit signals, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal

from ..domain.interview import InterviewSession, Question
from ..domain.transcript import Transcript
from .errors import ActionableError
from .microphone import rms

if TYPE_CHECKING:
    from ..domain.vocabulary import Vocabulary
    from .services import GuiServices

log = logging.getLogger(__name__)
FINAL_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class CapturedAnswer:
    transcript: Transcript
    audio_path: Path
    duration_s: float
    warning: str | None = None  # e.g. the microphone was lost mid-answer; what was heard is kept
    stopped: bool = False  # ended by the candidate (Stop/Space), not by silence or the device


class AnswerCapture(QThread):
    level = Signal(float)
    opened = Signal()  # the first audio block arrived: words spoken from now on are heard
    partial = Signal(str, str)  # committed, tentative
    transcribing = Signal()  # the microphone is closed; the last stretch is being transcribed
    voice = Signal(str)  # the live pipeline's state: "listening" / "speaking" / "paused" / "finishing" / "done"
    silence = Signal(float, float)  # seconds silent after speech, seconds of silence that end the answer
    captured = Signal(object)  # CapturedAnswer
    capture_failed = Signal(object, object)  # exception, the audio path kept so far (or None)

    def __init__(
        self,
        services: GuiServices,
        transcriber: Any,
        session: InterviewSession,
        question: Question,
        parent: QObject | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        # All state is set here, before start(): a stop requested before run() begins is never lost.
        self._services = services
        self._transcriber = transcriber
        self._session = session
        self._question = question
        self._stop = threading.Event()
        self._cancel = threading.Event()

    def request_stop(self) -> None:
        self._stop.set()

    def cancel(self) -> None:
        """Stop at once and report nothing (re-record, skip, leave); the partial WAV stays on disk."""
        self._cancel.set()
        self._stop.set()

    def _relay_partial(self, committed: str, tentative: str) -> None:
        if not self._cancel.is_set():
            self.partial.emit(committed, tentative)

    def _relay_state(self, state: str) -> None:
        if not self._cancel.is_set():
            self.voice.emit(state)

    def _relay_silence(self, silent_s: float, needed_s: float) -> None:
        if not self._cancel.is_set():
            self.silence.emit(silent_s, needed_s)

    def run(self) -> None:
        audio_path: Path | None = None
        try:
            audio_path = self._services.new_audio_path(self._session.id, self._question.id)
            result = self._record(audio_path)
        except Exception as exc:  # reported to the GUI as a banner; never a traceback on screen
            log.warning("recording failed: %s", exc, exc_info=True)
            if not self._cancel.is_set():
                self.capture_failed.emit(exc, audio_path)
            return
        if result is not None and not self._cancel.is_set():
            self.captured.emit(result)

    def _record(self, audio_path: Path) -> CapturedAnswer | None:
        from ..speech.live import LiveCallbacks

        errors: list[str] = []
        ended = threading.Event()
        live = self._services.live_transcription(
            self._transcriber,
            self._session.config.language,
            LiveCallbacks(
                on_partial=self._relay_partial,
                on_error=errors.append,
                on_end=lambda _r: ended.set(),
                on_state=self._relay_state,
                on_silence=self._relay_silence,
            ),
            vocabulary=self._vocabulary,
        )

        first = threading.Event()

        def on_audio(block: Any) -> None:
            if not first.is_set():
                first.set()
                self.opened.emit()
            live.feed(block)
            self.level.emit(rms(block))

        def on_error(message: str) -> None:
            errors.append(message)
            ended.set()  # e.g. the device was unplugged: end the answer with what was heard

        live.start()
        with self._services.open_microphone(wav_path=audio_path, on_audio=on_audio, on_error=on_error) as mic:
            # This worker thread only waits for the answer to end: by silence (VAD), Stop, or a device error.
            while not (ended.is_set() or self._stop.is_set() or live.ended):
                ended.wait(0.05)
        seconds = mic.stats.seconds
        if self._cancel.is_set():
            live.stop()
            # Let the transcription worker finish here so that nothing calls back after this thread ends.
            live.wait_final(timeout=FINAL_TIMEOUT_S)
            return None
        if not live.ended:
            live.stop()
        self.level.emit(0.0)
        self.transcribing.emit()
        transcript = live.wait_final(timeout=FINAL_TIMEOUT_S)
        if transcript is None:
            raise TimeoutError("The transcription did not finish in time; your recording is kept.")
        if mic.stats.error and not transcript.text:
            raise ActionableError(
                mic.stats.error, "Check the microphone, then re-record or type your answer."
            )
        if errors and not transcript.text and not mic.stats.error:
            raise ActionableError(errors[0], "Re-record the answer or type it instead.")
        warning = (
            f"{mic.stats.error} Check the microphone before the next answer." if mic.stats.error else None
        )
        if errors and warning is None:
            # Transcription stopped part-way (e.g. the speech process was killed): the words so far are kept,
            # the whole answer is in the recording; say so rather than present a shortened answer silently.
            warning = f"{errors[0].rstrip('.')}. The transcript may miss the end of this answer: re-record it if so."
        return CapturedAnswer(transcript, audio_path, seconds, warning, stopped=self._stop.is_set())
