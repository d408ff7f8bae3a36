"""Composition root: the one place that builds the services and hands them to the CLI or the GUI.

Nothing here runs at import. Heavy services (Whisper, Gemini, Firebase) are built on first use so that a
command that needs none of them starts fast and works without them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .core.paths import AppPaths
from .core.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from .storage.sqlite_store import SqliteStore


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings = field(repr=False)

    @classmethod
    def create(cls, paths: AppPaths | None = None) -> AppContext:
        resolved = (paths or AppPaths.from_environment()).ensure()
        return cls(paths=resolved, settings=load_settings(resolved.settings_path))

    def save_settings(self) -> None:
        save_settings(self.settings, self.paths.settings_path)

    @cached_property
    def store(self) -> SqliteStore:
        from .storage.sqlite_store import SqliteStore

        return SqliteStore.open(self.paths)
