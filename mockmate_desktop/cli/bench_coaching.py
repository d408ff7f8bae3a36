"""`mockmate bench coaching`: the figures of the coaching loop, including the Progress page's draw time."""

from __future__ import annotations

import argparse
import json
import os
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .common import CommandContext


def add_parser(bench_sub: Any) -> None:
    parser = bench_sub.add_parser("coaching", help="v1 migration, progress query and draw, re-scoring time")
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..services.bench_coaching import history, run_bench

    figures = asdict(run_bench(args.sessions))
    figures["progress_draw_ms"] = _draw_ms(ctx, args.sessions, history)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    for key, value in figures.items():
        print(f"{key:22} {value}")
    return 0


def _draw_ms(ctx: CommandContext, count: int, history: Any) -> dict[str, float]:
    """Time from the loaded points to a painted Progress page (chart and table), offscreen unless a display
    is set. The history is shown through the page's own `show_points`, as the background load hands it."""
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ..app import AppContext
    from ..core.paths import AppPaths
    from ..engine.offline.engine import OfflineEngine
    from ..services.coaching import CoachingService
    from ..ui.launch import build_window, qt_application

    app = qt_application()
    with tempfile.TemporaryDirectory(prefix="mockmate-bench-ui-") as folder:
        paths = AppPaths(home=Path(folder) / "home", model_cache=ctx.app.paths.model_cache)
        context = AppContext.create(paths)
        context.settings.first_run_done = True
        for session in history(OfflineEngine(), count):
            context.store.save_session(session)
        points = CoachingService(context.store, OfflineEngine().bank).progress()
        window = build_window(context, load_speech=False)
        window.show()
        window.go("settings")
        app.processEvents()
        started = time.perf_counter()
        window.progress.show_points(points)
        window.stack.setCurrentWidget(window.progress)
        window.progress.grab()  # forces layout and paint of the chart and the table
        total = (time.perf_counter() - started) * 1000
        window.close()
        window.tasks.wait_for_done(30_000)
        context.store.close()
    return {"total": round(total, 1), "chart_build": round(window.progress.last_draw_ms, 1)}
