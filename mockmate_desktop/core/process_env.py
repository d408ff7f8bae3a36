"""Environment variables that one library needs while it loads, kept away from everything else.

Native libraries such as the embedding engine's OpenMP runtime read their settings from the environment once,
when they are loaded. Each bundles its own runtime, so a setting left in `os.environ` reaches whatever loads
next in this process and every child process started afterwards: the speech worker's CTranslate2 would
inherit a sleep-when-idle policy tuned for a different engine. So such settings exist only while their
library loads, under a lock that the starting of child processes also takes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

_LOCK = threading.Lock()


@contextmanager
def scoped_environment(defaults: Mapping[str, str], restore: tuple[str, ...] = ()) -> Iterator[None]:
    """Within the block, each of `defaults` is set unless the user already set it; afterwards those and the
    names in `restore` (which the code inside may change on its own) are exactly as they were before."""
    names = tuple(dict.fromkeys((*defaults, *restore)))
    with _LOCK:
        before = {name: os.environ.get(name) for name in names}
        try:
            for name, value in defaults.items():
                os.environ.setdefault(name, value)
            yield
        finally:
            for name, previous in before.items():
                if previous is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = previous


def child_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a child process: this process's, never caught while a library is loading with
    settings meant only for itself."""
    with _LOCK:
        found = dict(os.environ)
    found.update(extra or {})
    return found
