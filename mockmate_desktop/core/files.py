"""File writes that are private to the user and never leave a half-written file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    # mkdir's mode is filtered by the umask and ignored for existing folders. Only group and other bits are
    # taken away: a folder the user made read-only for themselves stays read-only.
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077 or mode & 0o700 == 0:
        os.chmod(path, (mode & 0o700) or PRIVATE_DIR_MODE)
    return path


def read_limited(path: Path, budget: int, what: str) -> bytes:
    """At most `budget` bytes of an untrusted file, or an OSError-free `InputTooLargeError`.

    Reads one byte past the budget instead of trusting the size the file system reports: `/dev/zero`,
    a FIFO or a file still growing has no honest size.
    """
    with open(path, "rb") as handle:
        data = handle.read(budget + 1)
    if len(data) > budget:
        raise InputTooLargeError(what, budget)
    return data


class InputTooLargeError(ValueError):
    """An untrusted input is larger than its budget; the message states the budget."""

    def __init__(self, what: str, budget: int) -> None:
        super().__init__(f"{what} is larger than {human_size(budget)}, the limit, so it was not used.")
        self.budget = budget


def human_size(size: int) -> str:
    """Decimal units, as file managers show them: 200 KB, 10 MB, 1 GB."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a sibling temp file, fsync, then rename: a crash leaves the old file or the new one.

    A folder it creates is private; an existing one (the user's Desktop, say) keeps its mode. An existing
    target that is not a regular file (`/dev/null`, a FIFO) is refused: the rename would replace it.
    """
    refuse_special_target(path)
    if not path.parent.is_dir():
        ensure_private_dir(path.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)


def refuse_special_target(path: Path) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file, so it was not replaced; give a file name", str(path))


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def fsync_dir(path: Path) -> None:
    """Make a rename durable; some platforms cannot open folders, which is harmless there."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_private(path: Path) -> None:
    os.chmod(path, PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE)
