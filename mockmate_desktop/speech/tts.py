"""Questions read aloud: pyttsx3 (espeak-ng) synthesises to WAV files in one dedicated worker thread.

Never `say()`: it plays through an aplay subprocess and fails silently without a sound card. WAVs are cached
under the TTS cache folder keyed by text + voice + rate, so a replay or a repeated question costs nothing,
and the next question can be synthesised while the current one is being answered (`prepare`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..core.settings import Settings
from .protocols import SpeechUnavailableError

log = logging.getLogger(__name__)
UTTERANCE_TIMEOUT_S = 30.0  # a long question synthesises in well under a second
SYNTH_ATTEMPTS = 3


class _EspeakThread:
    """The one thread of the process that touches espeak. pyttsx3.init() hands every caller the same cached
    engine, and espeak is not thread-safe: two threads listing voices at once crashed the interpreter
    (SIGSEGV in ListVoices). So every synthesiser, preview and voice listing shares this thread, its engine
    and its utterance event."""

    def __init__(self) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tts")
        self.engine: Any = None
        self.utterance_done = threading.Event()


_ESPEAK_LOCK = threading.Lock()
_espeak: _EspeakThread | None = None


def _espeak_thread() -> _EspeakThread:
    global _espeak
    with _ESPEAK_LOCK:
        if _espeak is None:
            _espeak = _EspeakThread()
        return _espeak


class Pyttsx3Synthesizer:
    """The SpeechSynthesizer protocol. pyttsx3 engines are bound to the thread that made them: every call
    runs on the process's one espeak thread."""

    def __init__(self, settings: Settings, cache_dir: Path) -> None:
        self._settings = settings
        self._cache_dir = cache_dir
        self._espeak = _espeak_thread()
        self._executor = self._espeak.executor
        self._lock = threading.Lock()
        self._pending: dict[str, Future[Path]] = {}
        self._utterance_done = self._espeak.utterance_done

    def cache_path(self, text: str, language: str) -> Path:
        voice, rate = self._settings.voice_for(language), self._settings.tts_rate_wpm
        key = hashlib.sha256(f"{voice}\n{rate}\n{text}".encode()).hexdigest()[:32]
        return self._cache_dir / f"{key}.wav"

    def prepare(self, text: str, language: str) -> Future[Path]:
        """Start synthesising (or return the cached file) without waiting."""
        target = self.cache_path(text, language)
        with self._lock:
            if target.is_file() and target.stat().st_size > 44:
                done: Future[Path] = Future()
                done.set_result(target)
                return done
            pending = self._pending.get(str(target))
            if pending is not None:
                return pending
            future = self._executor.submit(self._synthesize, text, language, target)
            self._pending[str(target)] = future
            future.add_done_callback(lambda _f: self._forget(str(target)))
            return future

    def _forget(self, key: str) -> None:
        with self._lock:
            self._pending.pop(key, None)

    def synthesize(
        self, text: str, language: str, out_path: Path | None = None, timeout: float = 60.0
    ) -> Path:
        path = self.prepare(text, language).result(timeout=timeout)
        if out_path is not None and out_path != path:
            out_path.parent.mkdir(parents=True, exist_ok=True)
            out_path.write_bytes(path.read_bytes())
            return out_path
        return path

    def _engine_for_thread(self) -> Any:
        if self._espeak.engine is None:
            try:
                import pyttsx3
            except ImportError as exc:
                raise SpeechUnavailableError("pyttsx3 is not installed: pip install pyttsx3==2.99") from exc
            try:
                engine = pyttsx3.init("espeak")
            except (RuntimeError, OSError) as exc:
                raise SpeechUnavailableError(
                    f"The speech synthesiser could not start ({exc}); install espeak-ng "
                    "(Debian/Ubuntu: sudo apt install espeak-ng libespeak-ng1)"
                ) from exc
            engine.connect("finished-utterance", _on_utterance_done)
            self._espeak.engine = engine
        return self._espeak.engine

    def _synthesize(self, text: str, language: str, target: Path) -> Path:
        if not text.strip():  # espeak would never report a finished utterance for it
            raise SpeechUnavailableError("There is no text to read aloud")
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp.wav")
        # pyttsx3 2.99's espeak driver starts espeak in its asynchronous mode, and runAndWait() can return
        # before espeak's thread has written the file (seen as a rare "no audio" under load, and as its
        # "Audio saved" line escaping the stdout redirect): the file is complete only once a completed
        # "finished-utterance" fires. A run that still writes nothing is retried (the driver cancels a new
        # utterance while espeak reports the previous one as still playing: 0-6 of 24 hi/fr questions in
        # each of nine runs; the retry has always written the file).
        for attempt in range(SYNTH_ATTEMPTS):
            engine = self._engine_for_thread()
            engine.setProperty("voice", self._settings.voice_for(language))
            engine.setProperty("rate", self._settings.tts_rate_wpm)
            engine.save_to_file(text, str(tmp))
            self._utterance_done.clear()
            # The espeak driver prints "Audio saved to ..." on stdout, which would corrupt `--json` output.
            with contextlib.redirect_stdout(io.StringIO()):
                engine.runAndWait()
                self._utterance_done.wait(UTTERANCE_TIMEOUT_S)
            if tmp.is_file() and tmp.stat().st_size > 44:
                os.replace(tmp, target)
                return target
            # Not a new engine: pyttsx3.init() hands back the same cached one (its proxy keeps it alive), and
            # each "restart" only connected our callback once more.
            log.warning("speech synthesis produced no audio (attempt %d); trying again", attempt + 1)
        raise SpeechUnavailableError(
            f"The speech synthesiser produced no audio for voice {self._settings.voice_for(language)!r}"
        )

    def voices(self) -> list[str]:
        """Voice ids the engine offers (runs on the espeak thread)."""
        return [voice_id for voice_id, _name, _languages in self.voice_details()]

    def voice_details(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(id, name, language codes) of every voice the engine offers, listed on the espeak thread."""

        def collect() -> list[tuple[str, str, tuple[str, ...]]]:
            found = []
            for raw in self._engine_for_thread().getProperty("voices"):
                codes = tuple(str(c.decode() if isinstance(c, bytes) else c).lower() for c in raw.languages or ())
                found.append((str(raw.id), str(raw.name or raw.id), codes))
            return found

        return self._executor.submit(collect).result(60)

    def close(self) -> None:
        """Stop this synthesiser's queued work; the shared espeak thread stays for the rest of the process."""
        with self._lock:
            pending = list(self._pending.values())
        for future in pending:
            future.cancel()


def _on_utterance_done(completed: bool = True, **_event: Any) -> None:
    # The driver also reports a cancelled utterance (completed=False) at the start of many runs, about 20 ms
    # before the real one finishes: only a completed utterance means the file is written.
    if completed and _espeak is not None:
        _espeak.utterance_done.set()
