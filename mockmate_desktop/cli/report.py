"""`mockmate report ID [--format json|md|pdf] [--out FILE]`: a stored session's reports (PDF: the same
renderer as the window's Export)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import CliError, CommandContext

if TYPE_CHECKING:
    from ..domain.interview import InterviewSession


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("report", help="print or save a session's reports")
    p.add_argument("id", help="session id (or an unambiguous prefix of at least 8 characters)")
    p.add_argument("--format", choices=["json", "md", "pdf"], default="md")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of printing (needed for pdf)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..cli.interview import _load_session
    from ..domain.report_text import render_markdown
    from ..services.report_export import report_json

    if len(args.id.strip()) < 8:
        raise CliError("give at least 8 characters of the session id (see `mockmate sessions list`)")
    if args.format == "pdf" and args.out is None:
        raise CliError("a PDF goes to a file: add --out FILE.pdf")
    session = _load_session(ctx, args.id)
    if args.format == "pdf":
        return _write_pdf(session, args.out)
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


def _write_pdf(session: InterviewSession, out: Path) -> int:
    from ..ui.report.pdf import render_pdf

    try:
        render_pdf(session, out)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from exc
    print(f"Wrote {out}{'  (DEMO session)' if session.is_demo else ''}")
    return 0
