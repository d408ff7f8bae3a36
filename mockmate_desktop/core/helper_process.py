"""How the app starts a helper process of its own, in a checkout and in a frozen build alike.

In a checkout a helper is `python -m MODULE`. A PyInstaller build has no interpreter to pass `-m` to, so it
runs its own executable again with MOCKMATE_ROLE naming the helper; `packaging/entry.py` routes that.
"""

from __future__ import annotations

import sys

ROLE_VARIABLE = "MOCKMATE_ROLE"
# Roles that may be started this way, by module name; anything else in the variable is ignored, never imported.
ROLES = {
    "pdf-worker": "mockmate_desktop.resume.pdf_worker",
    "whisper-worker": "mockmate_desktop.speech.whisper_worker",
}


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def helper_command(role: str) -> tuple[list[str], dict[str, str]]:
    """argv and the extra environment that start helper `role` as a child process."""
    module = ROLES[role]
    if is_frozen():
        return [sys.executable], {ROLE_VARIABLE: role}
    return [sys.executable, "-m", module], {}
