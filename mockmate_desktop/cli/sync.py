"""`mockmate sync [--json] [--quarantine]`: pull the signed-in user's cloud copy, push local changes, print
counts; `--quarantine` lists the cloud records set aside because they failed validation (offline)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import CliError, CommandContext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("sync", help="sync sessions and resumes with your Firebase project once")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument(
        "--quarantine", action="store_true", help="list cloud records set aside as invalid (does not sync)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..storage.cloud.auth import AuthError
    from ..storage.cloud.config import CloudConfigError
    from ..storage.cloud.connect import connect
    from ..storage.cloud.scope import ScopeError

    if args.quarantine:
        return _show_quarantine(args, ctx)
    try:
        session = connect(ctx.app)
    except (CloudConfigError, AuthError, ScopeError) as exc:
        raise CliError(str(exc)) from None
    try:
        report = session.sync()
    finally:
        session.close()
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(
            f"pushed {report.pushed} change(s) ({report.documents_written} document(s), "
            f"{report.files_uploaded} file(s)); pulled {report.pulled} record(s) "
            f"({report.files_downloaded} file(s)); {report.pending} pending; {report.duration_s:.2f} s"
        )
        if report.state != "error":
            print(report.status_line())
    if report.state == "error":
        # Counts went to stdout above; the reason is the one-line failure every command reports on stderr.
        raise CliError(report.status_line())
    return 0


def _show_quarantine(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..storage.cloud.quarantine import Quarantine

    entries = Quarantine(ctx.app.paths.home).entries()
    if args.json:
        print(json.dumps([e.__dict__ for e in entries], indent=2))
        return 0
    if not entries:
        print("No cloud records are set aside.")
    for entry in entries:
        print(f"{entry.path}  (since {entry.first_seen}): {entry.reason}")
    if entries:
        print("These stay in the cloud untouched and are not used on this computer; local data is unaffected.")
    return 0
