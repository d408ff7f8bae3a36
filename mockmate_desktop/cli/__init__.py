"""`mockmate` command line: with no arguments it opens the desktop app; subcommands drive the same services.

Exit codes: 0 ok, 2 usage error, 1 failure with a one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from ..core.paths import DataFolderError
from ..storage.errors import StoreError
from .common import CliError, CommandContext, UsageError, clean_arguments
from .terminal import safe_output

# Each module registers its own subcommands through `register(subparsers)`.
_COMMAND_MODULES = (
    "sessions",
    "doctor",
    "transcribe",
    "bench",
    "interview",
    "report",
    "demo",
    "resume",
    "sync",
    "account",
    "cloud",
    "coaching",
    "gui",
    "score",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mockmate", description="Practise spoken job interviews.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with safe_output():  # untrusted text (titles, questions, argv echoed by argparse) printed inert
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = clean_arguments(parser.parse_args(argv))
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s" if args.verbose else "mockmate: %(levelname)s: %(message)s",
    )
    handler = getattr(args, "handler", None)
    if handler is None:
        args = clean_arguments(parser.parse_args(["gui", *([] if argv is None else list(argv))]))
        handler = args.handler
    try:
        return int(handler(args, CommandContext.from_environment()) or 0)
    except UsageError as exc:
        print(f"mockmate {args.command}: {exc}", file=sys.stderr)
        return 2
    except CliError as exc:
        print(f"mockmate: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("mockmate: interrupted", file=sys.stderr)
        return 130
    except (StoreError, DataFolderError) as exc:
        print(f"mockmate: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # An unusable data folder or device must end in one line, not a traceback.
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"mockmate: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except Exception as exc:
        # Last resort: a bug still ends in one line (the fuzz tests count these as failures).
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        print(
            f"mockmate {args.command}: unexpected error ({type(exc).__name__}: {exc}); this is a bug. "
            "Run again with -v for details.",
            file=sys.stderr,
        )
        return 70
