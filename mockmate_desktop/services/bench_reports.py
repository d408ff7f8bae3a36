"""`mockmate bench reports`: wall time of the three end-of-interview reports, concurrent vs sequential.

Runs the real Gemini engine and SDK against the local Gemini-compatible test server with a fixed
latency per call, so the figures show what concurrency buys independent of network noise. The concurrent
figure is the app's own path (`services.reports.generate_reports`, each report stored in SQLite as it
arrives); the sequential one makes and stores the same reports one after another. Everything is written to
a temporary data folder that is removed afterwards. The server is test code (tests/support/gemini_server.py),
so this benchmark runs from a source checkout only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

_ANSWERS = (
    "At my last job our team ran Python services on Kubernetes. My task was to cut latency; I decided to add "
    "a read cache in front of PostgreSQL and as a result p99 latency dropped by 40 percent in two weeks.",
    "I start from the failing metric, reproduce it locally, then bisect recent changes. Last year this found a "
    "connection pool leak in 3 hours and we added an alert so it never reached customers again.",
    "When two teammates disagreed on the API design I set up a short review, wrote down both options with "
    "their costs, and we chose the simpler one; delivery took 5 days instead of the planned 8.",
    "I would measure first, then pick the smallest change: an index, a cache or a queue, and check the result "
    "against the target with a load test before rolling out to 10 percent of traffic.",
    "I mentor juniors by pairing on real tickets; two of them now lead features on their own.",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--latency-ms", type=int, default=1500, help="fixed latency the server adds per call")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is shown")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(latency_ms: int, repeat: int) -> dict[str, Any]:
    from ..core.paths import AppPaths
    from ..core.settings import Settings
    try:
        from tests.support.gemini_server import FakeGeminiServer
    except ImportError as exc:
        raise RuntimeError(
            "the reports benchmark needs the Gemini-compatible test server in tests/support: run it from a "
            "source checkout (the repository root)"
        ) from exc
    from ..domain.config import InterviewConfig
    from ..domain.enums import SessionStatus
    from ..domain.interview import Answer, InterviewSession
    from ..engine.gemini.client import GeminiClient
    from ..engine.gemini.engine import GeminiEngine
    from ..storage.sqlite_store import SqliteStore
    from .reports import generate_reports

    with (
        tempfile.TemporaryDirectory(prefix="mockmate-bench-") as home,
        FakeGeminiServer(latency_s=latency_ms / 1000) as server,
    ):
        store = SqliteStore.open(AppPaths(home=Path(home), model_cache=Path(home) / "models").ensure())
        settings = Settings(
            gemini_api_key=server.api_key, gemini_base_url=server.base_url, gemini_timeout_s=60
        )
        client = GeminiClient(settings)
        engine = GeminiEngine(client)
        config = InterviewConfig(
            job_title="Backend Engineer",
            job_description="Python, PostgreSQL, Kubernetes; on-call experience; mentoring.",
            question_count=len(_ANSWERS),
        )
        session = InterviewSession(config=config, status=SessionStatus.COMPLETED)
        for question, text in zip(engine.plan_questions(config, None), _ANSWERS, strict=True):
            session.questions.append(question)
            session.answers.append(Answer(question_id=question.id, transcript=text))
        store.save_session(session)
        reports = (engine.summary_report, engine.performance_report, engine.questions_report)

        def sequential() -> None:
            for make in reports:
                store.save_report(session.id, make(session))

        def concurrent() -> None:
            outcome = generate_reports(engine, session, store)
            if outcome.failed:
                raise RuntimeError(f"reports failed: {outcome.failed}")

        one = [_timed(lambda: engine.summary_report(session)) for _ in range(repeat)]
        seq = [_timed(sequential) for _ in range(repeat)]
        server.max_in_flight = 0
        conc = [_timed(concurrent) for _ in range(repeat)]
        peak = server.max_in_flight
        client.close()
        store.close()
    return {
        "latency_ms": latency_ms,
        "repeat": repeat,
        "one_call_s": round(statistics.median(one), 3),
        "sequential_s": round(statistics.median(seq), 3),
        "concurrent_s": round(statistics.median(conc), 3),
        "max_requests_in_flight": peak,
    }


def run(args: argparse.Namespace, ctx: object) -> int:
    import sys

    try:
        figures = measure(max(0, args.latency_ms), max(1, args.repeat))
    except RuntimeError as exc:
        print(f"mockmate: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    one, seq, conc = figures["one_call_s"], figures["sequential_s"], figures["concurrent_s"]
    print(
        f"Local Gemini-compatible server, {figures['latency_ms']} ms added per call; median of {figures['repeat']}"
    )
    print(f"  one report call           {one:7.3f} s")
    print(f"  three reports, sequential {seq:7.3f} s")
    print(
        f"  three reports, concurrent {conc:7.3f} s  ({seq / conc:.2f}x faster than sequential, "
        f"{conc / one:.2f}x one call; {figures['max_requests_in_flight']} requests in flight at peak)"
    )
    return 0
