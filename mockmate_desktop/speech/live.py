"""Transcribe an answer while it is being spoken. Non-Qt API shared by the microphone, the GUI and the CLI.

Usage (any thread may feed; callbacks run on the feeding thread or on the pipeline's worker thread, so a
GUI must re-post them to its own thread, e.g. through Qt signals):

    live = LiveTranscription(transcriber, language="en", config=SegmenterConfig(...),
                             callbacks=LiveCallbacks(on_partial=..., on_final=...))
    live.start()
    live.feed(chunk)            # float32 mono 16 kHz blocks of any size, from MicrophoneCapture or a file
    live.stop()                 # explicit end (stop button); the VAD may also end the answer by itself
    transcript = live.wait_final(timeout=30)

    # A WAV answer through exactly the same code: `feed_file(live, path, realtime=False)`.

Callbacks (all optional): on_partial(committed, tentative) whenever the text changes; on_state(state) with
"listening" / "speaking" / "paused" / "finishing" / "done"; on_end(reason) when the answer is over (before the
final transcript, so a UI can close the mic at once); on_final(Transcript) once; on_error(message).

How it works: a streaming Silero VAD labels 32 ms frames; `domain.segmentation.Segmenter` cuts the answer in
the middle of pauses into stretches of a few seconds; a worker transcribes each finished stretch while the
candidate keeps talking (committed text), with the 3 s of audio before it as context (words of the context
are dropped by time, or by text near the boundary). When the candidate pauses (>= 256 ms) an idle worker
transcribes the unfinished stretch speculatively; if the answer ends there, that pass is the final part and
nothing is left to do. For English with base, each pass gives Whisper's encoder the audio plus 10 s instead
of a 30 s window (speech/whisper_window.py). Stretches that queue up behind a slow pass are merged into one
pass. With tiny.en the idle worker also refreshes tentative text every second. At the end only the last stretch is left, so the
time to the final transcript does not grow with the answer. Word times are on the answer's timeline.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from ..domain.delivery import WordTiming
from ..domain.segmentation import EndReason, Segmenter, SegmenterConfig, Stretch, silent_spans
from ..domain.transcript import Transcript
from .protocols import SAMPLE_RATE, AudioArray
from .vad import FRAME, StreamingVad

log = logging.getLogger(__name__)
CONTEXT_S = 3.0  # audio before a stretch given to Whisper as context (its words are dropped)
BOUNDARY_S = 0.35  # word-time uncertainty at a stretch boundary
SPECULATE_AFTER_FRAMES = 8  # 256 ms of silence after speech
MAX_MERGED_S = 26.0  # below Whisper's 30 s window, so a merged pass is still a single window


class ChunkTranscriber(Protocol):
    model_name: str

    def transcribe(
        self,
        audio: AudioArray,
        *,
        language: str | None = ...,
        initial_prompt: str | None = ...,
        vad: bool = ...,
        short_window: bool = ...,
    ) -> Transcript: ...


@dataclass
class LiveCallbacks:
    on_partial: Callable[[str, str], None] | None = None
    on_state: Callable[[str], None] | None = None
    on_end: Callable[[EndReason], None] | None = None
    on_final: Callable[[Transcript], None] | None = None
    on_error: Callable[[str], None] | None = None


@dataclass
class LiveStats:
    stretches: int = 0
    tentative_passes: int = 0
    reused_tentative: bool = False  # the final part came from a speculative pass (no wait at the end)
    reused_passes: int = 0
    end_reason: EndReason | None = None
    ended_at: float | None = None  # perf_counter when the end was decided
    final_at: float | None = None
    transcribe_seconds: list[float] = field(default_factory=list)
    worker_busy_at_end: bool = False  # a pass was still running when the answer ended
    final_pass_s: float | None = None  # the pass that produced the last part (None: nothing left to do)


class LiveTranscription:
    def __init__(
        self,
        transcriber: ChunkTranscriber,
        *,
        language: str | None = "en",
        config: SegmenterConfig | None = None,
        callbacks: LiveCallbacks | None = None,
        prompt: str | None = None,
        tentative: bool | None = None,
        vad: StreamingVad | None = None,
        context_s: float = CONTEXT_S,
        merge_backlog: bool = True,
        speculate: bool = True,
        short_window: bool | None = None,
    ) -> None:
        # Passes use an encoder window of the stretch plus 10 s instead of 30 s, with faster-whisper's VAD off
        # (the streaming VAD has already found the speech, and stretches end just after it). Measured with
        # base, streamed per stretch: median pass 0.51 s instead of 0.90 s, WER equal on the real-speech
        # fixtures (2.50 %) and lower on a 60 s answer (0.76 vs 1.52 %). With Whisper's VAD on as well, the
        # short window lost first words of a stretch that starts right at its speech ("Go forward" dropped).
        self._short_window = (
            uses_short_window(transcriber.model_name, language) if short_window is None else short_window
        )
        # Speculative passes make a VAD-ended answer final at once, but one still running when the stop
        # button is pressed right after the last word delays that stop by up to a pass.
        self._speculate = speculate
        self._context_s = context_s
        self._merge = merge_backlog
        self._transcriber = transcriber
        self._language = language
        self._callbacks = callbacks or LiveCallbacks()
        self._prompt = prompt
        # Tentative passes run when the worker is idle; one in flight at the stop delays the final transcript
        # by up to a pass (measured with base: 0.9 s -> 2.2 s median), so by default only tiny.en makes them.
        self._tentative = transcriber.model_name.endswith(".en") if tentative is None else tentative
        self._vad = vad or StreamingVad()
        self._vad.reset()
        self._segmenter = Segmenter(config or SegmenterConfig())
        self._audio: list[AudioArray] = []
        self._samples = 0
        self._audio_lock = threading.Lock()
        self._jobs: queue.Queue[Stretch] = queue.Queue()
        self._worker = threading.Thread(target=self._run, name="live-transcription", daemon=True)
        self._committed: list[Transcript] = []
        self._committed_offsets: list[float] = []
        self._tentative_text = ""
        self._tentative_cover: tuple[int, int, Transcript] | None = None  # (start, end frame, result)
        self._final: Transcript | None = None
        self._done = threading.Event()
        self._state = ""
        self._probabilities: list[float] = []
        self._busy = False
        self.stats = LiveStats()

    # ---- producer side -------------------------------------------------------------------------------
    def start(self) -> None:
        self._set_state("listening")
        self._worker.start()

    @property
    def ended(self) -> bool:
        return self._segmenter.ended is not None

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
        for probability in self._vad.process(data):
            self._probabilities.append(probability)
            for stretch in self._segmenter.push(probability):
                self._submit(stretch)
            if self.ended:
                break
        if not self.ended:
            silence = self._segmenter.silence_run
            self._set_state(
                "speaking"
                if self._segmenter.speaking
                else ("paused" if silence and self._segmenter.first_speech is not None else "listening")
            )

    def stop(self, reason: EndReason = EndReason.STOPPED) -> None:
        for stretch in self._segmenter.finish(reason):
            self._submit(stretch)

    def wait_final(self, timeout: float | None = None) -> Transcript | None:
        self._done.wait(timeout)
        return self._final

    def silences(self) -> list[tuple[float, float]]:
        """VAD silent spans (>= 300 ms) of the answer so far, for `compute_delivery(..., silences=...)`."""
        return silent_spans(
            self._probabilities, self._segmenter.config.frame_s, self._segmenter.config.threshold
        )

    @property
    def final(self) -> Transcript | None:
        return self._final

    def _submit(self, stretch: Stretch) -> None:
        if stretch.final:
            self.stats.worker_busy_at_end = self._busy
            self.stats.end_reason = self._segmenter.ended
            self.stats.ended_at = time.perf_counter()
            self._set_state("finishing")
            if self._callbacks.on_end and self._segmenter.ended:
                self._callbacks.on_end(self._segmenter.ended)
        self._jobs.put(stretch)

    # ---- worker side ---------------------------------------------------------------------------------
    def _audio_frames(self, start: int, end: int) -> AudioArray:
        with self._audio_lock:
            joined = np.concatenate(self._audio) if self._audio else np.zeros(0, dtype=np.float32)
            self._audio = [joined]
        return joined[start * FRAME : end * FRAME]

    def _context_prompt(self) -> str | None:
        # Previous stretches are deliberately NOT used as a prompt: measured, a text prompt before a short
        # stretch makes Whisper continue the prompt's pattern after the speech ends (hallucinated words and
        # temperature fallbacks costing 10+ s). Only the caller's prompt (e.g. a disfluent one) is passed.
        return self._prompt

    def _transcribe(self, start: int, end: int) -> Transcript:
        """Transcribe frames [start, end) with up to CONTEXT_S of the audio before them in front.

        A stretch alone (a 3 s sentence) loses Whisper's context and is misheard ("ill disposed" came back as
        "old supposed"); the audio before it restores the context at no cost (every pass is a 30 s window
        anyway). Stretches start in the middle of a pause, so the context's words all start before it and
        are dropped by time.
        """
        context = min(start, round(self._context_s * SAMPLE_RATE / FRAME))
        began = time.perf_counter()
        self._busy = True
        try:
            raw = self._transcriber.transcribe(
                self._audio_frames(start - context, end),
                language=self._language,
                initial_prompt=self._context_prompt(),
                vad=not self._short_window,
                short_window=self._short_window,
            )
        finally:
            self._busy = False
        self.stats.transcribe_seconds.append(time.perf_counter() - began)
        offset = context * FRAME / SAMPLE_RATE
        words = [
            w.model_copy(update={"start": max(0.0, w.start - offset), "end": max(0.0, w.end - offset)})
            for w in raw.words
            if self._is_new_word(w, offset)
        ]
        text = raw.text if context == 0 else " ".join(w.word for w in words)
        return raw.model_copy(
            update={"words": words, "text": text, "duration_s": (end - start) * FRAME / SAMPLE_RATE}
        )

    def _is_new_word(self, word: WordTiming, offset: float) -> bool:
        """Does `word` (timed from the start of the context) belong to the stretch, not to its context?

        Whisper stretches words over the pause next to them, so a word whose time touches the boundary is
        decided by text: it is context if it repeats one of the last two committed words.
        """
        if word.end <= offset - BOUNDARY_S:
            return False
        if word.start >= offset + BOUNDARY_S:
            return True
        tail = {_norm(w.word) for t in self._committed[-1:] for w in t.words[-2:]}
        return _norm(word.word) not in tail

    def _run(self) -> None:
        try:
            while True:
                try:
                    stretch = self._jobs.get(timeout=0.05)
                except queue.Empty:
                    self._maybe_tentative()
                    continue
                if self._handle(self._merge_backlog(stretch)):
                    return
        except Exception as exc:  # the answer's audio is kept by the caller; say what failed
            log.exception("live transcription failed")
            if self._callbacks.on_error:
                self._callbacks.on_error(f"transcription failed: {exc}")
            self._finish_with(self._assemble())

    def _merge_backlog(self, stretch: Stretch) -> Stretch:
        """Join stretches that queued up while the worker was busy: one Whisper pass costs about the same
        for 3 s as for 25 s (every call pads to a 30 s window), so a backlog is cleared in one pass."""
        while self._merge and not stretch.final:
            try:
                following = self._jobs.queue[0]
            except IndexError:
                break
            if (following.end - stretch.start) * FRAME / SAMPLE_RATE > MAX_MERGED_S:
                break
            self._jobs.get_nowait()
            stretch = Stretch(
                stretch.start,
                following.end,
                stretch.has_speech or following.has_speech,
                following.final,
                speech_end=following.speech_end or stretch.speech_end,
            )
        return stretch

    def _handle(self, stretch: Stretch) -> bool:
        result: Transcript | None = None
        cover = self._tentative_cover
        if (
            cover
            and stretch.has_speech
            and stretch.speech_end is not None
            and cover[0] == stretch.start
            and stretch.speech_end <= cover[1] <= stretch.speech_end + SPECULATE_AFTER_FRAMES + 1
        ):
            # A speculative pass made during the pause already covers every speech frame of this stretch.
            result = cover[2]
            self.stats.reused_passes += 1
            if stretch.final:
                self.stats.reused_tentative = True
        elif stretch.has_speech and stretch.end > stretch.start:
            result = self._transcribe(stretch.start, stretch.end)
            if stretch.final:
                self.stats.final_pass_s = self.stats.transcribe_seconds[-1]
        self._tentative_cover = None
        self._tentative_text = ""
        if result is not None:
            self._committed.append(result)
            self._committed_offsets.append(stretch.start * FRAME / SAMPLE_RATE)
            self.stats.stretches += 1
        self._emit_partial()
        if stretch.final:
            self._finish_with(self._assemble())
            return True
        return False

    def _maybe_tentative(self) -> None:
        seg = self._segmenter
        if seg.ended is not None or not seg.stretch_has_speech or seg.last_speech is None:
            return
        start, end = seg.stretch_start, seg.frames
        cover = self._tentative_cover
        covered = cover is not None and cover[0] == start and cover[1] > seg.last_speech
        # Speculative pass: the candidate has paused; if this is the end of the answer, the final transcript
        # is then ready before the silence timeout (or the stop button) arrives. Done for every model.
        if self._speculate and seg.silence_run >= SPECULATE_AFTER_FRAMES and not covered:
            end = min(end, seg.last_speech + 1 + SPECULATE_AFTER_FRAMES)
        # Otherwise (tentative text), re-run only once a second of new audio has come in since the last pass.
        elif not self._tentative or end - start < 16 or (cover and cover[0] == start and end - cover[1] < 31):
            return
        result = self._transcribe(start, end)
        self.stats.tentative_passes += 1
        if self._segmenter.stretch_start == start:
            self._tentative_cover = (start, end, result)
            self._tentative_text = result.text
            self._emit_partial()

    def _emit_partial(self) -> None:
        if self._callbacks.on_partial:
            self._callbacks.on_partial(self.committed_text, self._tentative_text)

    @property
    def committed_text(self) -> str:
        return " ".join(t.text for t in self._committed if t.text)

    def _assemble(self) -> Transcript:
        words: list[WordTiming] = []
        for offset, part in zip(self._committed_offsets, self._committed, strict=True):
            words.extend(
                w.model_copy(update={"start": w.start + offset, "end": w.end + offset}) for w in part.words
            )
        return Transcript(
            text=self.committed_text,
            words=words,
            language=self._committed[0].language if self._committed else (self._language or "en"),
            duration_s=self._samples / SAMPLE_RATE,
            model_name=self._transcriber.model_name,
        )

    def _finish_with(self, transcript: Transcript) -> None:
        self._final = transcript
        self.stats.final_at = time.perf_counter()
        self._set_state("done")
        if self._callbacks.on_final:
            self._callbacks.on_final(transcript)
        self._done.set()

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            if self._callbacks.on_state:
                self._callbacks.on_state(state)


def uses_short_window(model_name: str, language: str | None) -> bool:
    """Where short windows were measured to keep accuracy: base on English. tiny.en lost accuracy with them
    (streamed fixture WER 6.25 vs 3.75 %). Hindi and French have no real-speech fixtures to check them on, so
    they keep stock 30 s windows."""
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


def _norm(word: str) -> str:
    return "".join(ch for ch in word.lower() if ch.isalnum())
