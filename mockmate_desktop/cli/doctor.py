"""`mockmate doctor [--json]`: check this machine and say how to fix what is wrong.

Exit code 0 whenever the report was produced, whatever it found (a WARN or FAIL is information, and the
JSON consumer reads the statuses); 1 only when the doctor itself cannot run.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..core.diagnostics import Check, CheckStatus
from .common import CommandContext

_MARK = {CheckStatus.OK: "OK  ", CheckStatus.WARN: "WARN", CheckStatus.FAIL: "FAIL"}


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "doctor",
        help="check packages, models, voices, microphone, Gemini and Firebase set-up",
        description="Check this machine. Exit code 0 when the report was produced, 1 if the doctor cannot run.",
    )
    parser.add_argument("--json", action="store_true", help="print the checks as a JSON list")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..doctor import run_checks

    checks = run_checks(ctx.app)
    if args.json:
        print(json.dumps([c.to_json() for c in checks], indent=2))
    else:
        print(render(checks, str(ctx.app.paths.home)))
    return 0


def render(checks: list[Check], home: str) -> str:
    lines = [f"MockMate doctor (data folder: {home})"]
    for check in checks:
        line = f"{_MARK[check.status]}  {check.name}: {check.detail}"
        if check.fix:
            line += f"  -> fix: {check.fix}"
        lines.append(line)
    tally = {status: sum(1 for c in checks if c.status is status) for status in CheckStatus}
    lines.append(
        f"{tally[CheckStatus.OK]} ok, {tally[CheckStatus.WARN]} warning(s), {tally[CheckStatus.FAIL]} failure(s)"
    )
    return "\n".join(lines)
