"""The app's processes as the journeys and `mockmate bench journey` report them: peak memory of the window's
process and of each child (the Whisper worker), and which Whisper libraries the window's process has loaded
(none should be: speech/whisper_process.py runs them in the child)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

WHISPER_LIBRARIES = ("faster_whisper", "ctranslate2", "tokenizers")


def _status_mb(pid: int | str, field: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:  # the process has just ended
        return None
    return None


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def processes_state() -> dict[str, Any]:
    me = os.getpid()
    children = [
        {
            "pid": c,
            "command": _command(c)[-80:],
            "peak_rss_mb": _status_mb(c, "VmHWM"),
            "rss_mb": _status_mb(c, "VmRSS"),
        }
        for c in _children(me)
    ]
    return {
        "window_peak_rss_mb": _status_mb(me, "VmHWM"),
        "window_rss_mb": _status_mb(me, "VmRSS"),
        "children": children,
        "whisper_libraries_loaded": [m for m in WHISPER_LIBRARIES if m in sys.modules],
    }
