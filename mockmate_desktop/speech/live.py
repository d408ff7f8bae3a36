"""Transcribe an answer while it is being spoken. Non-Qt API shared by the microphone, the GUI and the CLI.

Usage (any thread may feed; callbacks run on the feeding thread or on the pipeline's worker thread, so a
GUI must re-post them to its own thread, e.g. through Qt signals):

    live = LiveTranscription(transcriber, LiveConfig(language="en", segmenter=SegmenterConfig(...),
                                                     vocabulary=vocab),
                             callbacks=LiveCallbacks(on_partial=..., on_final=...))
    live.start()
    live.feed(chunk)            # float32 mono 16 kHz blocks of any size, from MicrophoneCapture or a file
    live.stop()                 # explicit end (stop button); the VAD may also end the answer by itself
    transcript = live.wait_final(timeout=30)

    # A WAV answer through exactly the same code: `feed_file(live, path, realtime=False)`.

Callbacks (all optional): on_partial(committed, tentative) whenever the text changes; on_state(state) with
"listening" / "speaking" / "paused" / "finishing" / "done"; on_end(reason) when the answer is over (before the
final transcript, so a UI can close the mic at once); on_final(Transcript) once; on_error(message);
on_silence(silent_s, needed_s) while the candidate pauses after speaking.

How it works: a streaming Silero VAD labels 32 ms frames; `domain.stream_core.StreamCore` (pure, no threads)
cuts the answer in the middle of pauses into stretches of a few seconds, says which pass to run next and
joins the results; this class runs those passes on a worker thread while the candidate keeps talking. Each
pass hears the audio before its stretch as context; the last words of a stretch are decided by the next
pass, which hears what followed them. When the candidate pauses (>= 256 ms) an idle worker transcribes the
unfinished stretch speculatively; if the answer ends there, that pass is the final part. If a pass is still
running when the answer ends, the last stretch's pass starts at once on a second thread beside it
(`LiveConfig.pass_beside`); it runs side by side only with a transcriber that decodes two calls at once
(`WhisperTranscriber(..., workers=2)`), otherwise it simply waits its turn. For English with
base, each pass gives Whisper's encoder the audio plus 10 s instead of a 30 s window
(speech/whisper_window.py). At the end only the last stretch is left, so the time to the final transcript
does not grow with the answer. Word times are on the answer's timeline.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..domain.end_of_turn import EndOfTurnConfig, EndOfTurnPolicy
from ..domain.segmentation import EndReason, SegmenterConfig, silent_spans
from ..domain.stream_core import CoreStats, Pass, StreamConfig, StreamCore
from ..domain.transcript import Transcript
from ..domain.vocabulary import PromptForm, Vocabulary, canonicalise
from .beside_pass import BesidePass
from .protocols import SAMPLE_RATE, AudioArray
from .vad import FRAME, FRAME_S, StreamingVad
from .vocabulary_prompt import VocabularyMode, live_prompt_form, whisper_prompt

if TYPE_CHECKING:
    from ..core.settings import Settings

log = logging.getLogger(__name__)
IDLE_POLL_S = 0.05  # the worker looks for a speculative pass this often while no stretch is queued
# The first words go on screen after this much of the answer's first stretch, before any pause (base has no
# tentative passes otherwise). Measured with base, realtime-fed fixtures on a loaded 2-core machine: median
# first partial 4.8 s -> 1.6 s into the clip (/work/notes/i12c.md).
FIRST_WORDS_S = 1.0


class ChunkTranscriber(Protocol):
    model_name: str

    def transcribe(
        self,
        audio: AudioArray,
        *,
        language: str | None = ...,
        initial_prompt: str | None = ...,
        hotwords: str | None = ...,
        vad: bool = ...,
        short_window: bool = ...,
        beam_size: int = ...,
    ) -> Transcript: ...


@dataclass(frozen=True)
class LiveConfig:
    language: str | None = "en"
    segmenter: SegmenterConfig = field(default_factory=SegmenterConfig)
    # None: the defaults for the model (tentative text only with tiny.en: one tentative pass in flight at
    # the stop delays base's final transcript from 0.9 s to 2.2 s median).
    stream: StreamConfig | None = None
    prompt: str | None = None  # an extra initial prompt, e.g. a disfluent one so fillers are written
    vocabulary: Vocabulary | None = None  # the interview's terms for this question (domain/vocabulary.py)
    vocabulary_mode: VocabularyMode = "prompt"
    # None: the form measured safe for live passes (`live_prompt_form`); set to compare forms on a bench.
    prompt_form: PromptForm | None = None
    # None: where short windows were measured to keep accuracy (see `uses_short_window`).
    short_window: bool | None = None
    # None: the segmenter's fixed end silence. Set: silence combined with whether the words look finished.
    end_of_turn: EndOfTurnConfig | None = None
    # At the end, run the last stretch's pass beside a pass still running instead of after it.
    pass_beside: bool = True
    # Whisper's beam for every pass. On the spoken set's tune split (streamed, with the vocabulary) beam 5
    # heard 90.2-91.5 % of the job's terms against greedy's 85.4-87.8 %, but on the held-out third it heard
    # 29 of 32 against greedy's 30 of 32, and its longer last pass put the stop latency of 60-180 s answers
    # at 0.66-1.01 s against greedy's 0.53-0.64 s (docs/issue-notes/issue-15c.md). Greedy it stays.
    beam_size: int = 1
    final_beam_size: int | None = None  # the last stretch's pass (what a stop waits for); None: `beam_size`


@dataclass
class LiveCallbacks:
    on_partial: Callable[[str, str], None] | None = None
    on_state: Callable[[str], None] | None = None
    on_end: Callable[[EndReason], None] | None = None
    on_final: Callable[[Transcript], None] | None = None
    on_error: Callable[[str], None] | None = None
    # (seconds silent since the last speech, seconds of silence that end the answer now), after each fed
    # block while the candidate pauses after speaking: lets a window show the end coming (and its cancel).
    on_silence: Callable[[float, float], None] | None = None


@dataclass
class LiveStats:
    end_reason: EndReason | None = None
    ended_at: float | None = None  # perf_counter when the end was decided
    final_at: float | None = None
    transcribe_seconds: list[float] = field(default_factory=list)
    worker_busy_at_end: bool = False  # a pass was still running when the answer ended
    final_pass_s: float | None = None  # the pass that produced the last part (None: nothing left to do)
    final_pass_audio_s: float | None = None  # ...and the audio it heard, context included
    final_pass_beside: bool = False  # ...and it ran beside the pass that was running at the end
    core: CoreStats = field(default_factory=CoreStats)

    @property
    def stretches(self) -> int:
        return self.core.stretches

    @property
    def tentative_passes(self) -> int:
        return self.core.tentative_passes

    @property
    def reused_tentative(self) -> bool:
        return self.core.reused_tentative


class LiveTranscription:
    def __init__(
        self,
        transcriber: ChunkTranscriber,
        config: LiveConfig | None = None,
        *,
        callbacks: LiveCallbacks | None = None,
        vad: StreamingVad | None = None,
    ) -> None:
        cfg = config or LiveConfig()
        self.config = cfg
        self._transcriber = transcriber
        self._language = cfg.language
        # Passes use an encoder window of the stretch plus 10 s instead of 30 s, with faster-whisper's VAD off
        # (the streaming VAD has already found the speech, and stretches end just after it). Measured with
        # base, streamed per stretch: median pass 0.51 s instead of 0.90 s, WER equal on the real-speech
        # fixtures (2.50 %) and lower on a 60 s answer (0.76 vs 1.52 %). With Whisper's VAD on as well, the
        # short window lost first words of a stretch that starts right at its speech ("Go forward" dropped).
        self._short_window = (
            uses_short_window(transcriber.model_name, cfg.language)
            if cfg.short_window is None
            else cfg.short_window
        )
        stream = cfg.stream or StreamConfig(
            tentative=transcriber.model_name.endswith(".en"), first_words_s=FIRST_WORDS_S
        )
        self._prompt_args = whisper_prompt(
            cfg.vocabulary,
            cfg.vocabulary_mode,
            cfg.prompt,
            cfg.prompt_form or live_prompt_form(self._short_window),
        )
        self._callbacks = callbacks or LiveCallbacks()
        self._vad = vad or StreamingVad()
        self._vad.reset()
        segmenter = replace(cfg.segmenter, frame_s=FRAME_S)
        policy = EndOfTurnPolicy(cfg.end_of_turn) if cfg.end_of_turn is not None else None
        self._core = StreamCore(
            segmenter, stream, policy, language=cfg.language or "en", model_name=transcriber.model_name
        )
        self._lock = threading.Lock()  # guards the core: fed by the audio thread, read by the worker
        self._wake = threading.Event()
        self._audio: list[AudioArray] = []
        self._samples = 0
        self._audio_lock = threading.Lock()
        self._worker = threading.Thread(target=self._run, name="live-transcription", daemon=True)
        self._final: Transcript | None = None
        self._done = threading.Event()
        self._state = ""
        self._partial = ("", "")
        self._probabilities: list[float] = []
        self._running: Pass | None = None  # the worker's pass in flight (guarded by `_lock`)
        self._beside: BesidePass | None = None
        self.stats = LiveStats(core=self._core.stats)

    # ---- producer side -------------------------------------------------------------------------------
    def start(self) -> None:
        self._set_state("listening")
        self._worker.start()

    @property
    def ended(self) -> bool:
        return self._core.ended is not None

    @property
    def elapsed_s(self) -> float:
        return self._samples / SAMPLE_RATE

    def feed(self, chunk: AudioArray) -> None:
        if self.ended:
            return
        data = np.asarray(chunk, dtype=np.float32).reshape(-1)
        with self._audio_lock:
            self._audio.append(data.copy())
            self._samples += len(data)
        ended = False
        with self._lock:
            for probability in self._vad.process(data):
                self._probabilities.append(probability)
                if self._core.push(probability):
                    self._wake.set()
                if self._core.ended is not None:
                    ended = True
                    break
            state = self._core.state
            progress = self._core.silence_progress()
        if ended:
            self._on_ended()
        else:
            self._set_state(state)
            if progress is not None and self._callbacks.on_silence:
                self._callbacks.on_silence(*progress)

    def stop(self, reason: EndReason = EndReason.STOPPED) -> None:
        with self._lock:
            if self._core.ended is not None:
                return
            self._core.stop(reason)
        self._on_ended()

    def wait_final(self, timeout: float | None = None) -> Transcript | None:
        self._done.wait(timeout)
        return self._final

    def silences(self) -> list[tuple[float, float]]:
        """VAD silent spans (>= 300 ms) of the answer so far, for `compute_delivery(..., silences=...)`."""
        return silent_spans(self._probabilities, FRAME_S, self._core.segmenter_config.threshold)

    @property
    def final(self) -> Transcript | None:
        return self._final

    @property
    def committed_text(self) -> str:
        with self._lock:
            return self._core.committed_text

    def _on_ended(self) -> None:
        self.stats.worker_busy_at_end = self._running is not None
        self.stats.end_reason = self._core.ended
        self.stats.ended_at = time.perf_counter()
        self._set_state("finishing")
        self._start_beside()
        self._wake.set()
        if self._callbacks.on_end and self._core.ended:
            self._callbacks.on_end(self._core.ended)

    # ---- worker side ---------------------------------------------------------------------------------
    def _audio_frames(self, start: int, end: int) -> AudioArray:
        with self._audio_lock:
            joined = np.concatenate(self._audio) if self._audio else np.zeros(0, dtype=np.float32)
            self._audio = [joined]
        return joined[start * FRAME : end * FRAME]

    def _start_beside(self) -> None:
        """The last stretch's pass, started now on its own thread if a pass is still running."""
        if not self.config.pass_beside:
            return
        with self._lock:
            running = self._running
            job = self._core.pass_beside(running) if running is not None else None
            if job is None:
                return
            self._beside = BesidePass(job)
        self._beside.start(lambda: self._call_whisper(job))

    def _call_whisper(self, job: Pass) -> Transcript:
        return self._transcriber.transcribe(
            self._audio_frames(job.audio_start, job.end),
            language=self._language,
            vad=not self._short_window,
            short_window=self._short_window,
            beam_size=self.config.final_beam_size
            if job.final and self.config.final_beam_size is not None
            else self.config.beam_size,
            **self._prompt_args,
        )

    def _transcribe(self, job: Pass) -> tuple[Pass, Transcript]:
        """Frames [job.audio_start, job.end): the stretch with the audio before it as context.

        A stretch alone (a 3 s sentence) loses Whisper's context and is misheard ("ill disposed" came back as
        "old supposed"); the audio before it restores the context at no cost (every pass is a 30 s window
        or the audio plus 10 s anyway). Previous text is deliberately NOT used as a prompt: measured, a text
        prompt of earlier words before a short stretch makes Whisper continue the prompt's pattern after the
        speech ends (hallucinated words and temperature fallbacks costing 10+ s). Only the interview's
        vocabulary and the caller's prompt (e.g. a disfluent one) are passed.

        Returns the pass whose audio the words are timed from: the beside pass where it stands for `job`.
        """
        beside = self._beside
        if beside is not None and beside.job.serves(job):
            raw, seconds = beside.result()
            self.stats.final_pass_beside = True
            self.stats.transcribe_seconds.append(seconds)
            return beside.job, raw
        began = time.perf_counter()
        with self._lock:
            self._running = job
        try:
            raw = self._call_whisper(job)
        finally:
            with self._lock:
                self._running = None
        self.stats.transcribe_seconds.append(time.perf_counter() - began)
        return job, raw

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    job = self._core.next_pass()
                    final = self._core.final
                if final is not None:
                    self._emit_partial()
                    self._finish_with(final)
                    return
                if job is None:
                    self._wake.wait(IDLE_POLL_S)
                    self._wake.clear()
                    continue
                job, raw = self._transcribe(job)
                if job.final:
                    self.stats.final_pass_s = self.stats.transcribe_seconds[-1]
                    self.stats.final_pass_audio_s = (job.end - job.audio_start) * FRAME_S
                with self._lock:
                    self._core.accept(job, raw)
                self._emit_partial()
        except Exception as exc:  # the answer's audio is kept by the caller; say what failed
            log.exception("live transcription failed")
            if self._callbacks.on_error:
                self._callbacks.on_error(f"transcription failed: {exc}")
            with self._lock:
                text, words = self._core.committed_text, self._core.words_so_far()
            self._finish_with(
                Transcript(
                    text=text,
                    words=words,
                    language=self._language or "en",
                    duration_s=self.elapsed_s,
                    model_name=self._transcriber.model_name,
                )
            )

    def _emit_partial(self) -> None:
        with self._lock:
            partial = (self._core.committed_text, self._core.tentative_text)
        if partial != self._partial:
            self._partial = partial
            if self._callbacks.on_partial:
                self._callbacks.on_partial(*partial)

    def _finish_with(self, transcript: Transcript) -> None:
        update: dict[str, object] = {"duration_s": self.elapsed_s}
        if self.config.vocabulary:
            update["text"] = canonicalise(transcript.text, self.config.vocabulary).text
        self._final = transcript.model_copy(update=update)
        self.stats.final_at = time.perf_counter()
        self._set_state("done")
        if self._callbacks.on_final:
            self._callbacks.on_final(self._final)
        self._done.set()

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            if self._callbacks.on_state:
                self._callbacks.on_state(state)


def answer_config(
    settings: Settings,
    language: str,
    *,
    vocabulary: Vocabulary | None = None,
    auto_end: bool = True,
    prompt: str | None = None,
) -> LiveConfig:
    """The live configuration of an interview answer from the user's settings: the answer ends after
    `answer_end_silence_s` of silence when the words look finished, longer when they trail off, never on
    silence before any speech. `auto_end=False`: a recorded file is one whole answer, ended by its end."""
    segmenter = SegmenterConfig(
        end_silence_s=settings.answer_end_silence_s,
        first_word_grace_s=settings.first_word_grace_s,
        max_answer_s=settings.max_answer_s,
        auto_end=auto_end,
    )
    return LiveConfig(
        language=language,
        segmenter=segmenter,
        prompt=prompt,
        vocabulary=vocabulary,
        end_of_turn=EndOfTurnConfig(finished_silence_s=settings.answer_end_silence_s, language=language),
    )


def uses_short_window(model_name: str, language: str | None) -> bool:
    """Where short windows were measured to keep accuracy: base on English. tiny.en lost accuracy with them
    (streamed fixture WER 6.25 vs 3.75 %). Hindi and French keep stock 30 s windows until measured."""
    return not model_name.endswith(".en") and language == "en"


def feed_array(
    live: LiveTranscription,
    audio: AudioArray,
    *,
    realtime: bool = False,
    block_s: float = 0.1,
    stop_at_end: bool = True,
    on_block: Callable[[AudioArray], None] | None = None,
) -> None:
    """Feed audio in blocks as a microphone would; `realtime` paces blocks to the wall clock."""
    block = max(1, int(block_s * SAMPLE_RATE))
    began = time.perf_counter()
    sent = 0
    for index in range(0, len(audio), block):
        if live.ended:
            break
        if realtime:
            due = began + sent / SAMPLE_RATE
            wait = due - time.perf_counter()
            if wait > 0:
                threading.Event().wait(wait)  # pacing a simulated microphone, not waiting for a result
        piece = audio[index : index + block]
        if on_block:
            on_block(piece)
        live.feed(piece)
        sent += len(piece)
    if stop_at_end and not live.ended:
        live.stop()


def feed_file(
    live: LiveTranscription, path: Path, *, realtime: bool = False, stop_at_end: bool = True
) -> None:
    from .wavio import read_wav_16k_mono

    feed_array(live, read_wav_16k_mono(path), realtime=realtime, stop_at_end=stop_at_end)
