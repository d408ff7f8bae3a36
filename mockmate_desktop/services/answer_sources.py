"""Where the candidate's answers come from in a headless interview: WAV files, the microphone, or typing.

WAV files and the microphone go through the same live pipeline (`speech.live.LiveTranscription`): files are
fed as fast as the pipeline takes them, not in real time, and the recording is kept at the store's path.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from ..domain.delivery import WordTiming
from ..domain.enums import AnswerMode, Language
from ..domain.interview import Question

if TYPE_CHECKING:
    from ..core.settings import Settings
    from ..domain.vocabulary import InterviewVocabulary, Vocabulary
    from ..speech.live import ChunkTranscriber

_ANSWER_FILE = re.compile(r"^answer_(\d+)\.wav$", re.IGNORECASE)
FILE_WAIT_S = 120.0  # a file's transcription is bounded; far longer than a 5-minute answer takes on 2 cores


class AnswerSourceError(Exception):
    """The answers cannot be read (bad folder, unreadable file, no microphone); says what to do."""


@dataclass
class CapturedAnswer:
    mode: AnswerMode
    text: str
    words: list[WordTiming] = field(default_factory=list)
    audio_path: Path | None = None
    duration_s: float = 0.0
    origin: str = ""  # e.g. the file name, for messages


def question_vocabulary(interview: InterviewVocabulary | None, question: Question) -> Vocabulary | None:
    """The words Whisper should expect while `question` is answered (None: no interview vocabulary set)."""
    return interview.for_question(question.text) if interview is not None else None


class AnswerSource(Protocol):
    description: str

    def next_answer(self, question: Question, audio_path: Path, language: Language) -> CapturedAnswer | None:
        """The next answer, its audio written to `audio_path`; None when no answer is left to take."""
        ...


def answer_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise AnswerSourceError(f"The answers folder {folder} does not exist.")
    found = sorted(
        (int(m.group(1)), p) for p in folder.iterdir() if p.is_file() and (m := _ANSWER_FILE.match(p.name))
    )
    if not found:
        raise AnswerSourceError(f"No answer_01.wav, answer_02.wav ... files in {folder}.")
    return [p for _, p in found]


class WavDirAnswers:
    """answer_01.wav, answer_02.wav ... in order; follow-up answers take the next file."""

    def __init__(self, folder: Path, transcriber: ChunkTranscriber) -> None:
        self.files = answer_files(folder)
        self.description = f"answers from {folder}"
        self._transcriber = transcriber
        self._next = 0
        # The interview's terms (JD, resume, employers); set by the interview, refreshed per question.
        self.vocabulary: InterviewVocabulary | None = None

    @property
    def used(self) -> int:
        return self._next

    def next_answer(self, question: Question, audio_path: Path, language: Language) -> CapturedAnswer | None:
        from ..domain.segmentation import SegmenterConfig
        from ..domain.stream_core import StreamConfig
        from ..speech.live import LiveConfig, LiveTranscription, feed_array
        from ..speech.wavio import WavFormatError, read_wav_16k_mono, write_wav

        if self._next >= len(self.files):
            return None
        path = self.files[self._next]
        self._next += 1
        try:
            audio = read_wav_16k_mono(path)
        except (OSError, WavFormatError) as exc:
            raise AnswerSourceError(f"{path.name} cannot be read as a WAV file ({exc}).") from exc
        write_wav(audio_path, audio)
        # A recorded file is one whole answer: the end is the file's end, not a pause inside it.
        live = LiveTranscription(
            self._transcriber,
            LiveConfig(
                language=language.value,
                segmenter=SegmenterConfig(auto_end=False),
                stream=StreamConfig(tentative=False),
                vocabulary=question_vocabulary(self.vocabulary, question),
            ),
        )
        live.start()
        feed_array(live, audio, realtime=False)
        transcript = live.wait_final(timeout=FILE_WAIT_S)
        if transcript is None:
            raise AnswerSourceError(f"Transcribing {path.name} did not finish within {FILE_WAIT_S:.0f} s.")
        return CapturedAnswer(
            mode=AnswerMode.VOICE,
            text=transcript.text,
            words=list(transcript.words),
            audio_path=audio_path,
            duration_s=transcript.duration_s,
            origin=path.name,
        )


class TypedAnswers:
    """Answers typed on standard input; an empty line ends an answer, end of input ends the interview."""

    description = "typed answers"

    def __init__(self, stream: TextIO | None = None, prompt: TextIO | None = None) -> None:
        self._in = stream or sys.stdin
        self._prompt = prompt or sys.stderr
        self._closed = False

    def next_answer(self, question: Question, audio_path: Path, language: Language) -> CapturedAnswer | None:
        if self._closed:
            return None
        print("Type your answer; finish with an empty line (end of input stops).", file=self._prompt)
        lines: list[str] = []
        while True:
            line = self._in.readline()
            if line == "":
                self._closed = True
                break
            if not line.strip():
                if lines:
                    break
                continue
            lines.append(line.rstrip("\n"))
        if not lines and self._closed:
            return None
        return CapturedAnswer(mode=AnswerMode.TYPED, text=" ".join(s.strip() for s in lines), origin="stdin")


class MicrophoneAnswers:
    """The real microphone, ended by the voice-activity detector (silence after speech, or the time limit)."""

    description = "the microphone"

    def __init__(self, transcriber: ChunkTranscriber, settings: Settings) -> None:
        self._transcriber = transcriber
        self._settings = settings
        self.vocabulary: InterviewVocabulary | None = None  # as WavDirAnswers.vocabulary

    def next_answer(self, question: Question, audio_path: Path, language: Language) -> CapturedAnswer | None:
        import threading

        from ..speech.capture import MicrophoneCapture
        from ..speech.live import LiveCallbacks, LiveTranscription, answer_config
        from ..speech.protocols import SpeechUnavailableError

        vocabulary = question_vocabulary(self.vocabulary, question)
        config = answer_config(self._settings, language.value, vocabulary=vocabulary)
        ended = threading.Event()
        errors: list[str] = []

        def failed(message: str) -> None:
            errors.append(message)
            ended.set()

        live = LiveTranscription(
            self._transcriber,
            config,
            callbacks=LiveCallbacks(on_end=lambda _reason: ended.set(), on_error=errors.append),
        )
        capture = MicrophoneCapture(
            device=self._settings.microphone,
            wav_path=audio_path,
            on_audio=live.feed,
            on_error=failed,
        )
        try:
            capture.start()
        except SpeechUnavailableError as exc:
            raise AnswerSourceError(f"{exc}. Use --answers-dir or --typed instead.") from exc
        live.start()
        print("Listening... the answer ends after a pause of silence (Ctrl-C stops).", file=sys.stderr)
        try:
            ended.wait(self._settings.max_answer_s + 5.0)
        finally:
            capture.stop()  # the WAV is complete on disk even when interrupted
            live.stop()
        transcript = live.wait_final(timeout=FILE_WAIT_S)
        if transcript is None:
            raise AnswerSourceError("The microphone answer could not be transcribed: " + "; ".join(errors))
        return CapturedAnswer(
            mode=AnswerMode.VOICE,
            text=transcript.text,
            words=list(transcript.words),
            audio_path=audio_path,
            duration_s=transcript.duration_s,
            origin="microphone",
        )
