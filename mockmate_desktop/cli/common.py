"""What every CLI command shares: the error type and lazy access to the composed services."""

from __future__ import annotations

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
