"""What cloud sync needs from its caller: settings, where files live, and the local store. Callers pass
their own object (the CLI and the window pass the composition root's context, tests a plain `CloudDeps`);
nothing here imports the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ...core.environment import AppEnvironment
from ...core.paths import AppPaths
from ...core.settings import Settings
from ..sqlite_store import SqliteStore


class CloudHost(AppEnvironment, Protocol):
    """The app's settings and paths (`AppEnvironment`) and its local store."""

    @property
    def store(self) -> SqliteStore: ...


@dataclass(frozen=True)
class CloudDeps:
    settings: Settings
    paths: AppPaths
    store: SqliteStore
