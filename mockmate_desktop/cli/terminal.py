"""Every line the CLI prints goes through the one sanitiser (core/safe_text.py), whoever wrote the print.

`safe_output()` swaps `sys.stdout` and `sys.stderr` for thin wrappers for the duration of a command, so
argparse's own messages (which quote the arguments), log lines and every `print` are covered without each
call site having to remember. The CLI itself prints no escape sequences, so nothing legitimate is lost.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TextIO

from ..core.safe_text import terminal_safe


class SafeStream:
    """A text stream that neutralises control characters before they reach the real one."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._inner.flush()

    def isatty(self) -> bool:
        return self._inner.isatty()

    def __getattr__(self, name: str) -> object:  # encoding, errors, fileno, buffer...
        return getattr(self._inner, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
