"""`mockmate` / `mockmate gui`: open the desktop app (or bring up the one already open)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import CommandContext


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser("gui", help="open the desktop app (the default)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..ui.launch import launch

    return launch(ctx.app)
