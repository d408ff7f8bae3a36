"""How the app runs a helper process of its own in a frozen build and in a checkout alike.

In a checkout a helper is `python -m MODULE`. A PyInstaller build has no interpreter to pass `-m` to, so it
runs its own executable again with MOCKMATE_ROLE naming the helper; `run_role_or_cli` routes that. The
parts adapters need (`helper_command`) live in core/helpers.py, so that nothing below the entry points
imports this module (it imports the command line).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from .core.helpers import ROLE_VARIABLE, ROLES, helper_command, is_frozen

__all__ = ["ROLE_VARIABLE", "helper_command", "is_frozen", "run_role_or_cli"]


def run_role_or_cli() -> int:
    """The frozen build's main: a helper role if one was asked for, else the `mockmate` command line."""
    role = os.environ.pop(ROLE_VARIABLE, "")
    if role in ROLES:
        import importlib

        entry: Callable[[], None] = importlib.import_module(ROLES[role]).main
        entry()
        return 0
    from .cli import main

    return main()
