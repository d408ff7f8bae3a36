"""Turns any exception from a service into a sentence and a next step for the banner; never a traceback."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pydantic import ValidationError

from ..domain.messages import friendly_message

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UserError:
    message: str
    fix: str = ""
    kind: str = "error"  # error | warning | info


class ActionableError(Exception):
    """Raised by the GUI itself when it already knows what to tell the user and what they can do."""

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.fix = fix


def _class_names(exc: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


def is_vanished_database(exc: BaseException) -> bool:
    # By name: the GUI does not import storage errors (the services layer raises them).
    return "VanishedDatabaseError" in _class_names(exc)


def describe(exc: BaseException, doing: str = "") -> UserError:
    """Service errors carry messages written for users; everything else gets a generic sentence."""
    names = _class_names(exc)
    text = str(exc).strip() or type(exc).__name__
    prefix = f"{doing}: " if doing else ""
    if isinstance(exc, ActionableError):
        return UserError(prefix + text, exc.fix)
    if isinstance(exc, ValidationError):
        return UserError(prefix + friendly_message(exc), "Correct the highlighted fields and try again.")
    if "SpeechUnavailableError" in names:
        return UserError(prefix + text, "Check Settings → Microphone and Whisper model, or answer by typing.")
    if "EngineUnavailableError" in names:
        return UserError(
            prefix + text, "Check your internet connection, or choose the offline engine in the setup page."
        )
    if "CacheMissError" in names:
        return UserError(prefix + text, "This demo only replays what was recorded; start a new interview.")
    if "EngineError" in names:
        return UserError(
            prefix + text, "Check the Gemini key and model in Settings, or use the offline engine."
        )
    if is_vanished_database(exc):
        return UserError(
            prefix + text.split("; nothing was changed")[0] + ". Nothing was changed.",
            "Put your copy of the database back and restart, or use Home → Keep the recordings aside.",
        )
    if {"StoreError", "NotFoundError"} & names:
        return UserError(prefix + text, "Check that the data folder is writable (Settings → Data folder).")
    if any(n.startswith("Resume") and n.endswith("Error") for n in names):
        return UserError(prefix + text, "Try another file, or paste the resume text instead.")
    if {"AuthError", "CloudConfigError", "ScopeError"} & names:
        return UserError(
            prefix + text, "Check the email and password, or the Firebase settings (see the README)."
        )
    if "AssetsMissingError" in names:
        return UserError(prefix + text, "Reinstall MockMate.")
    if isinstance(exc, FileNotFoundError):
        return UserError(f"{prefix}File not found: {exc.filename or text}", "Pick the file again.")
    if isinstance(exc, PermissionError):
        return UserError(
            f"{prefix}No permission to use {exc.filename or 'a file'}.", "Check folder permissions."
        )
    if isinstance(exc, OSError):
        return UserError(f"{prefix}{exc.strerror or text}", "Check the disk and the data folder.")
    if isinstance(exc, ImportError):
        return UserError(
            f"{prefix}A component is not installed ({exc.name or text}).",
            "Reinstall MockMate with `make setup`.",
        )
    # Unexpected: the details go to the log, the user gets a calm sentence.
    log.error("unexpected error %s", doing or "", exc_info=exc)
    first_line = text.splitlines()[0][:200]
    return UserError(
        f"{prefix}Something went wrong ({first_line}).", "Try again; details are in the log folder."
    )
