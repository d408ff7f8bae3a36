"""Where MockMate keeps its data. `MOCKMATE_HOME` overrides the platform's user data folder."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .files import ensure_private_dir

APP_NAME = "MockMate"
_KINDS = {
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFREG: "a file",
}


class DataFolderError(Exception):
    """The data folder cannot be used at all; the message names it and says what to do."""


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

    @property
    def writable(self) -> bool:
        """False for a read-only data folder: list, show, report and export still work there."""
        return os.access(self.home, os.W_OK | os.X_OK)

    def ensure(self) -> AppPaths:
        """Create the data folder and its sub-folders; a read-only one is left as it is."""
        hint = "Set MOCKMATE_HOME to a folder you can write to (or unset it to use the default)."
        try:
            info = self.home.stat()
        except FileNotFoundError:
            info = None
        except OSError as exc:
            reason = "a part of its path is a file" if exc.errno == errno.ENOTDIR else exc.strerror
            raise DataFolderError(f"The data folder {self.home} cannot be used ({reason}). {hint}") from exc
        if info is not None and not stat.S_ISDIR(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a folder")
            raise DataFolderError(f"The data folder {self.home} is {kind}, not a folder. {hint}")
        if info is not None and not self.writable:
            if not os.access(self.home, os.R_OK | os.X_OK):
                raise DataFolderError(
                    f"The data folder {self.home} cannot be read (permission denied). {hint}"
                )
            return self
        try:
            for folder in (self.home, self.audio_dir, self.resumes_dir, self.gemini_cache_dir, self.log_dir):
                ensure_private_dir(folder)
        except OSError as exc:
            reason = "a part of its path is a file" if exc.errno == errno.ENOTDIR else exc.strerror
            raise DataFolderError(
                f"The data folder {self.home} cannot be created ({reason}). {hint}"
            ) from exc
        return self
