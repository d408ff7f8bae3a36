"""Where MockMate keeps its data. `MOCKMATE_HOME` overrides the platform's user data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .files import ensure_private_dir

APP_NAME = "MockMate"


@dataclass(frozen=True)
class AppPaths:
    home: Path
    model_cache: Path

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> AppPaths:
        env = os.environ if environ is None else environ
        home_override = env.get("MOCKMATE_HOME")
        home = (
            Path(home_override).expanduser() if home_override else Path(platformdirs.user_data_dir(APP_NAME))
        )
        # The assembled Whisper model is ~145 MB: it is shared between data folders (tests use many homes).
        cache_override = env.get("MOCKMATE_MODEL_CACHE")
        model_cache = (
            Path(cache_override).expanduser()
            if cache_override
            else Path(platformdirs.user_cache_dir(APP_NAME)) / "models"
        )
        return cls(home=home.resolve(), model_cache=model_cache.resolve())

    @property
    def db_path(self) -> Path:
        return self.home / "mockmate.sqlite3"

    @property
    def settings_path(self) -> Path:
        return self.home / "settings.json"

    @property
    def audio_dir(self) -> Path:
        return self.home / "audio"

    @property
    def resumes_dir(self) -> Path:
        return self.home / "resumes"

    @property
    def gemini_cache_dir(self) -> Path:
        return self.home / "gemini-cache"

    @property
    def tts_cache_dir(self) -> Path:
        return self.home / "tts"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    def ensure(self) -> AppPaths:
        for folder in (self.home, self.audio_dir, self.resumes_dir, self.gemini_cache_dir, self.log_dir):
            ensure_private_dir(folder)
        return self
