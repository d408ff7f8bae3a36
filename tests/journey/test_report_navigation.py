"""Defect: a report opened at launch (`mockmate demo`, `mockmate` handed a report) jumped to Home as soon as
the window manager gave the window focus, and its tabs then led nowhere. The cause, seen only on a real
display: the sidebar list took the focus with no current row, made its first row (Home) current, and the
window navigated on that change."""

from __future__ import annotations

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import Source
from tests.support.ui_sessions import complete_session

from .conftest import StartApp

pytestmark = pytest.mark.slow

_LIGHT = {"MOCKMATE_WHISPER_MODEL": "tiny.en"}  # the app loads a model at start; the smallest is enough here


def _stored_session(job_title: str = "Data Engineer") -> str:
    ctx = AppContext.create()
    ctx.settings.first_run_done = True
    ctx.save_settings()
    session = complete_session(Source.OFFLINE, job_title=job_title)
    ctx.store.save_session(session)
    ctx.store.close()
    return str(session.id)


def test_a_report_opened_at_launch_keeps_the_focus_and_its_tabs(start_app: StartApp) -> None:
    session_id = _stored_session()
    app = start_app(env=_LIGHT, action=f"report:{session_id}")
    app.wait_state(page="report", report_session=session_id)
    state = app.wait_state(active_window="MockMate — interview practice")
    assert state["focus"] is not None  # the focus has landed somewhere in the window ...
    assert app.state()["page"] == "report"  # ... and the report is still what the window shows
    app.shot("launch-report")
    app.click_tab("reportTabs", "Performance Analysis")
    app.wait_state(page="report", report_tab="Performance Analysis")
    app.key("ctrl+Tab")  # wherever the focus is (the sidebar, here), Ctrl+Tab moves between the tabs
    app.wait_state(page="report", report_tab="Question by Question")
    app.key("ctrl+Tab")
    app.wait_state(page="report", report_tab="Delivery")
    app.shot("launch-report-delivery")
    # The highlighted section (Home) still goes home when clicked.
    app.click_row("sidebar", 0)
    app.wait_state(page="home")
