"""The speech half of the GUI's services: the Whisper model, live transcription, microphone, TTS, playback.

A mixin of `GuiServices` (it uses its settings, paths, store and lock). Every method may block: call them
from workers only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from ..domain.enums import Language

if TYPE_CHECKING:
    from ..core.paths import AppPaths
    from ..core.settings import Settings
    from ..domain.vocabulary import Vocabulary
    from ..storage.sqlite_store import SqliteStore

log = logging.getLogger(__name__)


class SpeechServices:
    _lock: threading.Lock
    _transcribers: dict[str, Any]
    _tts: Any

    # Provided by GuiServices.
    @property
    def settings(self) -> Settings:
        raise NotImplementedError

    @property
    def paths(self) -> AppPaths:
        raise NotImplementedError

    @property
    def store(self) -> SqliteStore:
        raise NotImplementedError

    def prepare_model_files(self, name: str, on_progress: Callable[[int, int], None]) -> bool:
        """Join the base model's parts when they are not joined yet (a first run); True when it did."""
        from ..speech.model_files import base_needs_assembly, model_dir

        if name != "base" or not base_needs_assembly(self.paths.model_cache):
            return False
        model_dir(name, self.paths.model_cache, on_progress=on_progress)
        return True

    def load_transcriber(self, name: str) -> Any:
        with self._lock:
            cached = self._transcribers.get(name)
        if cached is not None:
            return cached
        from ..speech.factory import make_window_transcriber
        from ..speech.protocols import SpeechUnavailableError

        # In a child process: Whisper's Python parts would otherwise hold this process's GIL for up to
        # hundreds of ms at a time while the window runs (speech/whisper_process.py).
        transcriber = make_window_transcriber(name, self.paths.model_cache)
        try:
            transcriber.load()
            transcriber.warm_up()
        except OSError as exc:  # e.g. the model cache folder cannot be written
            _close(transcriber)
            raise SpeechUnavailableError(
                f"The Whisper {name} model could not be prepared in {self.paths.model_cache} ({exc.strerror or exc})"
            ) from exc
        except Exception:
            _close(transcriber)
            raise
        with self._lock:
            others = [t for n, t in self._transcribers.items() if n != name]
            self._transcribers = {name: transcriber}
        # Only one model's process is kept (a settings change picked another): each holds its model in memory.
        # A caller still holding one of these only pays a restart on its next call.
        for other in others:
            _close(other)
        return transcriber

    def live_transcription(
        self, transcriber: Any, language: Language, callbacks: Any, vocabulary: Vocabulary | None = None
    ) -> Any:
        """`vocabulary`: the interview's terms for the current question
        (`InterviewVocabulary.build(...).for_question(text)`, domain/vocabulary.py)."""
        from ..speech.live import LiveTranscription, answer_config

        config = answer_config(self.settings, language.value, vocabulary=vocabulary)
        return LiveTranscription(transcriber, config, callbacks=callbacks)

    def new_audio_path(self, session_id: UUID, question_id: UUID) -> Path:
        return self.store.new_audio_path(session_id, question_id)

    @contextmanager
    def open_microphone(
        self,
        device: str | None = None,
        *,
        wav_path: Path | None = None,
        on_audio: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> Iterator[Any]:
        from .microphone import open_microphone

        chosen = device if device is not None else self.settings.microphone
        with open_microphone(chosen, wav_path=wav_path, on_audio=on_audio, on_error=on_error) as mic:
            yield mic

    def list_microphones(self) -> list[str]:
        from ..speech.devices import list_devices

        return [str(d["name"]) for d in list_devices("input")]

    def _synthesizer(self) -> Any:
        with self._lock:
            if self._tts is None:
                from ..speech.tts import Pyttsx3Synthesizer

                self._tts = Pyttsx3Synthesizer(self.settings, self.paths.tts_cache_dir)
            return self._tts

    def speak_question(self, text: str, language: Language) -> Path:
        """The question's WAV (cached by text, voice and rate; usually made ahead by `prepare_speech`)."""
        return Path(self._synthesizer().synthesize(text, Language(language).value))

    def prepare_speech(self, texts: Sequence[str], language: Language) -> None:
        """Start synthesising upcoming questions so that the next one starts at once."""
        for text in texts:
            self._synthesizer().prepare(text, Language(language).value)

    def voice_details(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(id, name, language codes) of the installed voices."""
        return list(self._synthesizer().voice_details())

    def synthesize_preview(self, text: str, language: Language, voice: str, rate: int) -> Path:
        from ..speech.tts import Pyttsx3Synthesizer

        field = {"en": "tts_voice_en", "hi": "tts_voice_hi", "fr": "tts_voice_fr"}[Language(language).value]
        trial = self.settings.model_copy(
            update={field: voice or getattr(self.settings, field), "tts_rate_wpm": rate}
        )
        synthesizer = Pyttsx3Synthesizer(trial, self.paths.tts_cache_dir)
        try:
            return Path(synthesizer.synthesize(text, Language(language).value))
        finally:
            synthesizer.close()

    def play_file(self, path: Path, stop: threading.Event) -> None:
        """Plays to the end or until `stop` is set; this worker thread only waits on the player."""
        from ..speech.playback import WavPlayer

        player = WavPlayer()
        player.play(path)
        while not player.wait(0.05):
            if stop.is_set():
                player.stop()
        player.stop()

    def close(self) -> None:
        with self._lock:
            tts, self._tts = self._tts, None
            transcribers, self._transcribers = list(self._transcribers.values()), {}
        if tts is not None:
            tts.close()
        for transcriber in transcribers:
            _close(transcriber)


def _close(transcriber: Any) -> None:
    """Ends a Whisper child process; an in-process transcriber (tests inject them) has nothing to close."""
    close = getattr(transcriber, "close", None)
    if callable(close):
        close()
