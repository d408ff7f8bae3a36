"""How the app runs a helper process of its own in a frozen build and in a checkout alike.

In a checkout a helper is `python -m MODULE`. A PyInstaller build has no interpreter to pass `-m` to, so it
runs its own executable again with MOCKMATE_ROLE naming the helper; `run_role_or_cli` routes that.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

ROLE_VARIABLE = "MOCKMATE_ROLE"
# Roles that may be started this way; anything else in the variable is ignored, never imported.
_ROLES = {"pdf-worker": "mockmate_desktop.resume.pdf_worker"}


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def helper_command(role: str) -> tuple[list[str], dict[str, str]]:
    """argv and the extra environment that start helper `role` as a child process."""
    module = _ROLES[role]
    if is_frozen():
        return [sys.executable], {ROLE_VARIABLE: role}
    return [sys.executable, "-m", module], {}


def run_role_or_cli() -> int:
    """The frozen build's main: a helper role if one was asked for, else the `mockmate` command line."""
    role = os.environ.pop(ROLE_VARIABLE, "")
    if role in _ROLES:
        import importlib

        entry: Callable[[], None] = importlib.import_module(_ROLES[role]).main
        entry()
        return 0
    from .cli import main

    return main()
