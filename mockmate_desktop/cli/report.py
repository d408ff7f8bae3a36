"""`mockmate report ID [--format json|md] [--out FILE]`: a stored session's reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import CliError, CommandContext


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("report", help="print or save a session's reports")
    p.add_argument("id", help="session id (or an unambiguous prefix of at least 8 characters)")
    p.add_argument("--format", choices=["json", "md"], default="md")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of printing")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..cli.interview import _load_session
    from ..domain.report_text import render_markdown
    from ..services.report_export import report_json

    if len(args.id.strip()) < 8:
        raise CliError("give at least 8 characters of the session id (see `mockmate sessions list`)")
    session = _load_session(ctx, args.id)
    text = report_json(session) if args.format == "json" else render_markdown(session)
    if args.out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    from ..core.files import atomic_write_text

    try:
        atomic_write_text(args.out, text)
    except OSError as exc:
        raise CliError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
    print(f"Wrote {args.out}{'  (DEMO session)' if session.is_demo else ''}")
    return 0
