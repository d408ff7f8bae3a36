"""The coaching loop with a real mouse and keyboard on a real X display (Xvfb + openbox + xdotool):

a report -> Practise again on Q3 -> a typed re-answer -> the side-by-side comparison -> the practice plan ->
a drill started with one click -> the Progress page -> a point of its chart and a row of its table open their
interviews. Screenshots of every step go to build/journey-shots/<test>/ to be looked at.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.engine.offline.engine import OfflineEngine
from tests.coaching.conftest import reported_session
from tests.coaching.test_practise_again import STRONG_PAGINATION

from .conftest import StartApp
from .driver import AppUnderTest, JourneyError

pytestmark = pytest.mark.slow

_LIGHT = {"MOCKMATE_WHISPER_MODEL": "tiny.en"}  # the app loads a model at start; the smallest is enough here
PROGRESS_ROW = 2  # the sidebar: Home, New interview, Progress, ...


def _history() -> tuple[str, str]:
    """Two finished offline interviews with weak typed answers, three days apart: (older, newer)."""
    ctx = AppContext.create()
    ctx.settings.first_run_done = True
    ctx.save_settings()
    engine = OfflineEngine()
    newer = reported_session(engine, job_title="Backend Engineer")
    older = reported_session(engine, job_title="Backend Engineer")
    older.created_at = newer.created_at - timedelta(days=3)
    for session in (older, newer):
        ctx.store.save_session(session)
    ctx.store.close()
    return str(older.id), str(newer.id)


def _click_chart_point(app: AppUnderTest, index: int) -> None:
    found = app.ask({"op": "chart_point", "widget": "progressChart", "index": index})
    if not found["found"]:
        raise JourneyError(f"no point {index} on the progress chart")
    app.x.click(found["x"], found["y"])


def test_practise_again_plan_and_progress(start_app: StartApp, record_property: Any) -> None:
    older, newer = _history()
    app = start_app(env=_LIGHT, action=f"report:{newer}")
    app.wait_state(page="report", report_session=newer)
    app.wait_state(active_window="MockMate — interview practice")

    # Practise again on Q3: type a much better answer and score it.
    app.click_tab("reportTabs", "Question by Question")
    app.wait_state(report_tab="Question by Question")
    app.click_row("questionList", 2)
    app.click("practiseAgain")
    state = app.wait_state(active_window="Practise again", **{"practise_question~": "Q3: "})
    assert "pagination" in state["practise_question"]
    assert state["practise_before"].startswith("I am not sure")  # the interview's answer, on the left
    app.shot("practise-dialog")
    app.click("practiseTyped")
    app.type_text(STRONG_PAGINATION)
    app.click("practiseScoreTyped")
    state = app.wait_state(**{"practise_status~": "Both answers scored by"}, timeout=60)
    app.shot("practise-compared")
    found = re.search(r"Score (\d+(?:\.\d)?)/10 → (\d+(?:\.\d)?)/10 \(\+(\d+\.\d)\)", state["practise_status"])
    assert found, state["practise_status"]
    assert float(found.group(2)) > float(found.group(1)) + 2
    assert "scored by the offline rubric" in state["practise_status"]
    # Side by side: both transcripts with their scores and scorer, and what changed between them.
    assert state["practise_before"].startswith(f"{found.group(1)}/10 · scored by the offline rubric")
    assert state["practise_after"].startswith(f"{found.group(2)}/10") and "cursor pagination" in state[
        "practise_after"
    ]
    assert "Now covered" in state["practise_changes"]
    app.key("Escape")
    app.wait_state(dialogs=[], active_window="MockMate — interview practice")

    # The practice plan, then one drill started with one click.
    app.click("reportPlan")
    state = app.wait_state(active_window="Practice plan", **{"plan_summary~": "drills done"}, timeout=60)
    assert re.search(r"\d of [345] drills done", state["plan_summary"]), state["plan_summary"]
    app.shot("plan")
    ctx = AppContext.create()
    plan = ctx.store.get_plan(UUID(newer))
    ctx.store.close()
    assert plan is not None
    first_ref = plan.drills[0].question_refs[0]
    app.click("drillStart0")
    state = app.wait_state(active_window="Practise again", **{"practise_question~": f"{first_ref}: "})
    assert state["dialogs"] == ["Practice plan", "Practise again"]
    app.shot("drill-started")
    app.key("Escape")
    app.wait_state(dialogs=["Practice plan"], active_window="Practice plan")
    app.key("Escape")
    app.wait_state(dialogs=[], active_window="MockMate — interview practice")

    # Progress: two interviews on the chart and in the table; a point opens the older one ...
    app.click_row("sidebar", PROGRESS_ROW)
    app.wait_state(page="progress", progress_points=2, progress_rows=2, timeout=60)
    app.shot("progress")
    _click_chart_point(app, 0)
    app.wait_state(page="report", report_session=older, timeout=60)
    app.shot("progress-point-opened")
    # ... and a double-clicked row (newest first) opens the newer one.
    app.click_row("sidebar", PROGRESS_ROW)
    app.wait_state(page="progress", progress_rows=2, timeout=60)
    app.click_row("progressTable", 0, double=True)
    app.wait_state(page="report", report_session=newer, timeout=60)
    app.shot("progress-row-opened")

    steps = dict(app.stalls_ms)
    record_property("event_loop_stall_ms_by_step", steps)
    print(f"coaching journey (load {os.getloadavg()[0]:.1f}): longest event-loop stall per step, ms")
    for step, stall in steps.items():
        print(f"  {step:32s} {stall:7.1f}")

