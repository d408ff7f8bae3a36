"""What every CLI command shares: the error type and lazy access to the composed services."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from ..app import AppContext


class CliError(Exception):
    """A failure to report on one line to stderr with exit code 1."""


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
