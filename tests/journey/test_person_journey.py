"""A new user's evening, with a real mouse and keyboard on a real X display (Xvfb + openbox):

first run -> setup -> an interview ended early -> its report and every tab -> Export as PDF -> Home, Export
as Markdown, reopen the report -> `mockmate demo` from a terminal while the window is open -> the demo's
answer replay with seek. Screenshots of every step go to build/journey-shots/<test>/ to be looked at.

Later steps (spoken answers through the virtual microphone, thinking time, coaching) extend this journey
with the same helpers (driver.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.pulse import PulseUnavailable, VirtualMic

from .conftest import StartApp
from .driver import REPO, AppUnderTest

pytestmark = pytest.mark.slow

TITLE = "MockMate — interview practice"


@pytest.fixture
def speakers(tmp_path: Path) -> Iterator[VirtualMic]:
    """A sound server for the app: recordings play into its null sink, as on a laptop's speakers."""
    try:
        mic = VirtualMic.start(tmp_path)
    except PulseUnavailable as exc:
        pytest.fail(f"no sound server for the journey: {exc}")
    try:
        yield mic
    finally:
        mic.stop()


def _save_as(app: AppUnderTest, path: Path) -> None:
    """In the save dialog: replace the suggested name with `path` and press Enter."""
    app.wait_state(modal="Export report")
    app.shot("save-dialog")
    app.key("ctrl+a")
    app.type_text(str(path))
    app.key("Return")
    app.wait_state(modal=None)


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def test_a_new_users_evening(
    start_app: StartApp, speakers: VirtualMic, tmp_path: Path, record_property: Any
) -> None:
    app = start_app(env={**speakers.env, "MOCKMATE_WHISPER_MODEL": "tiny.en"})
    app.wait_page("first_run")
    app.wait_state(active_window=TITLE)
    app.shot("first-run")
    app.click("first_run.start_button")
    app.wait_page("home")
    app.shot("home-empty")

    # Setup, by keyboard and mouse: a title, typed answers, the default (offline without a key) engine.
    app.click("newInterview")
    app.wait_page("setup")
    app.click("setup.job_title")
    app.type_text("Data Analyst")
    app.click("setup.typed_radio")
    app.shot("setup")
    app.click("setup.start_button")
    first = app.wait_state(page="interview", interview_phase="typing", timeout=90)
    assert first["interview_label"] == "Q1 of 5"
    app.shot("interview-typing")

    app.type_text(
        "At my last job I built a weekly sales dashboard in SQL and Python. Sales leads were guessing, so I "
        "measured churn by region, found two regions losing 12 percent of customers, and the team fixed "
        "onboarding there. Churn fell to 7 percent in one quarter."
    )
    app.key("ctrl+Return")
    second = app.wait_state(
        interview_phase="typing", **{"interview_question!": first["interview_question"]}, timeout=60
    )
    assert second["interview_label"] in ("Q1 follow-up (of 5)", "Q2 of 5")
    app.shot("interview-next-question")

    # Ended early: the report must open, and stay open once the window has the focus back.
    app.click("interview.end_button")
    app.wait_state(modal="End the interview")
    app.shot("end-early-confirm")
    app.key("alt+y")
    state = app.wait_state(page="report", report_tab="Summary", timeout=120)
    session_id = state["report_session"]
    app.wait_state(active_window=TITLE, modal=None)
    assert app.state()["page"] == "report"
    app.shot("report-after-ending-early")

    # Every tab, by mouse and by keyboard, without ever landing on Home.
    app.click_tab("reportTabs", "Performance Analysis")
    app.wait_state(page="report", report_tab="Performance Analysis")
    app.shot("report-performance")
    app.key("ctrl+Tab")
    app.wait_state(page="report", report_tab="Question by Question")
    app.shot("report-questions")
    app.key("ctrl+Tab")
    app.wait_state(page="report", report_tab="Delivery")
    app.shot("report-delivery")
    app.key("ctrl+shift+Tab")
    app.wait_state(page="report", report_tab="Question by Question")

    # Export as PDF from the report page.
    pdf = tmp_path / "exports" / "analyst.pdf"
    pdf.parent.mkdir()
    app.click("reportExport")
    app.click_menu_action("reportExportMenu", "export-pdf")
    _save_as(app, pdf)
    app.wait_state(**{"banner~": f"Exported to {pdf}"}, timeout=60)
    app.shot("exported-pdf")
    text = _pdf_text(pdf)
    assert "Interview report: Data Analyst" in text
    assert "Q1: " in text and "Made by: Offline engine" in text
    assert "weekly sales dashboard" in text

    # Home: export the same session as Markdown, then reopen its report with a double click.
    app.click("reportBack")
    app.wait_state(page="home", home_rows=1)
    app.click_row("sessionsTable", 0)
    markdown = tmp_path / "exports" / "analyst.md"
    app.click("exportSession")
    app.click_menu_action("exportSessionMenu", "export-md")
    _save_as(app, markdown)
    app.wait_state(**{"banner~": f"Exported to {markdown}"}, timeout=60)
    assert "### Q1: " in markdown.read_text()
    app.shot("home-exported-markdown")
    app.click_row("sessionsTable", 0, double=True)
    app.wait_state(page="report", report_session=session_id)
    app.click_tab("reportTabs", "Delivery")
    app.wait_state(page="report", report_tab="Delivery")

    # `mockmate demo` from a terminal while the window is open: the window opens the demo, no second app.
    env = dict(os.environ, **app.x.env, MOCKMATE_HOME=str(app.home), QT_QPA_PLATFORM="xcb")
    done = subprocess.run(
        [sys.executable, "-m", "mockmate_desktop", "demo"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "already open" in done.stderr
    app.wait_state(page="report", report_is_demo=True, report_tab="Summary", timeout=60)
    app.shot("demo-summary")
    assert "(demo)" in app.state()["report_title"]

    # The demo's answer replay: play, then seek by clicking along the slider; the highlight follows.
    app.click_tab("reportTabs", "Question by Question")
    app.wait_state(report_tab="Question by Question")
    app.click("replayPlay")
    app.wait_state(replay_playing=True, **{"replay_word>": 2}, timeout=30)
    app.shot("demo-replay-playing")
    before = app.state()
    app.click_at_fraction("replaySeek", 0.7)
    # A click on the timeline jumps there (about 70 % in), and the highlighted word moves with it.
    state = app.wait_state(
        replay_playing=True, **{"replay_position_s>": 0.6 * before["replay_duration_s"]}, timeout=30
    )
    app.shot("demo-replay-after-seek")
    assert state["replay_position_s"] < 0.85 * before["replay_duration_s"]
    assert state["replay_word"] is not None and state["replay_word"] > before["replay_word"] + 20
    app.click("replayPlay")
    app.wait_state(replay_playing=False)
    steps = {k: v for k, v in app.stalls_ms.items() if not k.startswith(("01-", "02-"))}
    record_property("event_loop_stall_ms_by_step", steps)
    print(f"journey (load {os.getloadavg()[0]:.1f}): longest event-loop stall per step, ms")
    for step, stall in steps.items():
        print(f"  {step:32s} {stall:7.1f}")
