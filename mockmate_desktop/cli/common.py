"""What every CLI command shares: the error type and lazy access to the composed services."""

from __future__ import annotations

import argparse
import errno
import getpass
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from ..app import AppContext
from ..core.files import InputTooLargeError, read_limited

# A job posting is 2-20 KB of text; 200 KB is ten of the longest. `/dev/zero` stops here, not at out-of-memory.
JOB_DESCRIPTION_BUDGET = 200_000
PASSWORD_BUDGET = 1024


class CliError(Exception):
    """A failure to report on one line to stderr with exit code 1."""


def require_file(path: Path, what: str = "") -> None:
    """A missing path and a device or folder get different messages; reading `/dev/zero` would never end."""
    name = f"{what} {path}".strip()
    if not path.exists():
        raise CliError(f"{name} does not exist")
    if path.is_dir():
        raise CliError(f"{name} is a folder, not a file")
    if not path.is_file():
        raise CliError(f"{name} is not a regular file (a device or pipe); give a saved file")


class UsageError(Exception):
    """Arguments argparse accepted but the command cannot use (e.g. an ambiguous id): exit code 2."""


@dataclass
class CommandContext:
    app: AppContext

    @classmethod
    def from_environment(cls) -> CommandContext:
        return cls(app=AppContext.create())


def clean_arguments(args: argparse.Namespace) -> argparse.Namespace:
    """Text arguments with undecodable bytes (lone surrogates in argv) replaced by U+FFFD.

    Such text cannot be stored (SQLite rejects it) or printed in UTF-8; file paths are `Path` objects and
    keep their bytes, so a file with an odd name still opens.
    """
    for name, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, name, "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value))
    return args


def read_job_description(path: Path, error: type[Exception] = CliError) -> str:
    """The text of a --jd-file, at most `JOB_DESCRIPTION_BUDGET` bytes; `error` carries any failure."""
    what = f"The job description {path}"
    try:
        data = read_limited(path, JOB_DESCRIPTION_BUDGET, what)
    except InputTooLargeError as exc:
        raise error(f"{exc} Keep only the job posting itself.") from exc
    except OSError as exc:
        raise error(f"cannot read the job description {path}: {exc.strerror or exc}") from exc
    if b"\x00" in data:
        raise error(f"{what} is not a text file (it holds binary data); save the job posting as plain text.")
    return data.decode("utf-8-sig", errors="replace")


def read_password(asked: object) -> str | None:
    """A PDF password from a prompt (terminal) or the first line of stdin, never from the command line.

    `asked` is the value of a `--password` option declared with `nargs="?", const=True`: True when the
    option was given alone, a string when a password was typed after it (refused: `ps` shows argv).
    """
    if asked is None or asked is False:
        return None
    if asked is not True:
        raise UsageError(
            "--password takes no value: a password on the command line is visible to other users (ps). "
            "Give --password alone and type it at the prompt, or pipe it on standard input."
        )
    if sys.stdin.isatty():
        return getpass.getpass("PDF password: ")
    line = sys.stdin.readline(PASSWORD_BUDGET + 1)
    if len(line) > PASSWORD_BUDGET:
        raise UsageError(f"the password on standard input is longer than {PASSWORD_BUDGET} characters")
    if not line:
        raise UsageError("--password: no password on standard input (pipe it in, or run in a terminal)")
    return line.rstrip("\r\n")


def disk_full(exc: BaseException) -> bool:
    """ENOSPC/EDQUOT from a file write, or SQLITE_FULL behind a store error."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(seen, sqlite3.Error) and getattr(seen, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def kept_session_message(exc: BaseException, session_id: UUID) -> str:
    """Why an interview stopped, that its session is kept, and the command that continues it."""
    again = f"`mockmate interview --continue {session_id}`"
    if disk_full(exc):
        return (
            f"No space left on the disk while saving session {session_id}; every answer saved before this "
            f"one is kept. Free some disk space, then continue with {again}."
        )
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or exc}{where}; session {session_id} is kept. Continue with {again}."
    return f"{exc} (session {session_id} is kept; continue with {again})"
