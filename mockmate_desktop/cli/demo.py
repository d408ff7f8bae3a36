"""`mockmate demo`: install the shipped demo session (once) and open it; `--print` shows it here instead."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import CliError, CommandContext


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "demo", help="open the shipped demo interview (labelled DEMO)"
    )
    p.add_argument("--print", dest="print_only", action="store_true", help="show it in the terminal")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..domain.report_text import render_markdown
    from ..services.demo import DemoUnavailableError, install_demo

    try:
        installed = install_demo(ctx.app.store)
    except DemoUnavailableError as exc:
        raise CliError(str(exc)) from exc
    session = installed.session
    state = "installed" if installed.installed_now else "already installed"
    print(f"DEMO session {session.id} ({state}): {session.config.job_title}", file=sys.stderr)
    if args.print_only:
        sys.stdout.write(render_markdown(session))
        return 0
    from ..ui.launch import launch

    return launch(ctx.app, open_session_id=session.id)
