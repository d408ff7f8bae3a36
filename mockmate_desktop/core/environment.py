"""What lower layers may know of the running app: its settings and where its files live.

The composition root (`app.AppContext`) fits this shape; adapters and services take it (or just the settings
and paths) as a parameter, so nothing below `cli/` and `ui/launch.py` imports `app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .paths import AppPaths
    from .settings import Settings


class AppEnvironment(Protocol):
    @property
    def settings(self) -> Settings: ...

    @property
    def paths(self) -> AppPaths: ...
