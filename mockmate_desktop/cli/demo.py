"""`mockmate demo`: open the shipped demo session in the window (the running one if open); `--print` shows
it here instead."""

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
    if not args.print_only:
        # The window installs the demo itself: a second process must not write to a database that a
        # running window has open.
        from ..ui.launch import launch
        from ..ui.single_instance import LaunchRequest

        return launch(ctx.app, request=LaunchRequest(action="demo"))
    from ..domain.report_text import render_markdown
    from ..services.demo import DemoUnavailableError, install_demo

    try:
        installed = install_demo(ctx.app.store)
    except DemoUnavailableError as exc:
        raise CliError(str(exc)) from exc
    session = installed.session
    state = "installed" if installed.installed_now else "already installed"
    print(f"DEMO session {session.id} ({state}): {session.config.job_title}", file=sys.stderr)
    sys.stdout.write(render_markdown(session))
    return 0
