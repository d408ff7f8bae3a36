"""Reading questions aloud in a headless interview: synthesise with the app's TTS, play on the speaker.

Without an output device the question is still synthesised (and cached) and shown as text; the failure to
play is reported once, not for every question.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.enums import Language

if TYPE_CHECKING:
    from ..core.settings import Settings
    from ..speech.tts import Pyttsx3Synthesizer

log = logging.getLogger(__name__)
PLAY_TIMEOUT_S = 120.0


class QuestionSpeaker:
    def __init__(self, settings: Settings, cache_dir: Path) -> None:
        self._settings = settings
        self._cache_dir = cache_dir
        self._tts: Pyttsx3Synthesizer | None = None
        self._cannot_play: str | None = None

    def say(self, text: str, language: Language) -> None:
        from ..speech.protocols import SpeechUnavailableError
        from ..speech.tts import Pyttsx3Synthesizer

        if self._tts is None:
            self._tts = Pyttsx3Synthesizer(self._settings, self._cache_dir)
        path = self._tts.synthesize(text, language.value)
        if self._cannot_play is not None:
            return
        from ..speech.playback import WavPlayer

        player = WavPlayer()
        try:
            player.play(path)
        except SpeechUnavailableError as exc:
            self._cannot_play = str(exc)
            raise
        player.wait(PLAY_TIMEOUT_S)

    def close(self) -> None:
        if self._tts is not None:
            self._tts.close()
