"""A person opens a past report from Home and walks its tabs with the mouse and the keyboard."""

from __future__ import annotations

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import Source
from tests.support.ui_sessions import complete_session

from .conftest import StartApp

pytestmark = pytest.mark.slow


def _stored_session(job_title: str = "Data Engineer") -> str:
    ctx = AppContext.create()
    ctx.settings.first_run_done = True
    ctx.save_settings()
    session = complete_session(Source.OFFLINE, job_title=job_title)
    ctx.store.save_session(session)
    ctx.store.close()
    return str(session.id)


def test_report_tabs_stay_on_the_report(start_app: StartApp) -> None:
    session_id = _stored_session()
    app = start_app()
    app.wait_state(page="home", home_rows=1)
    app.shot("home")
    app.click_row("home.table", 0)
    app.click("home.open_button")
    app.wait_state(page="report", report_session=session_id, report_tab="Summary")
    app.shot("report-summary")

    app.click_tab("report.tabs", "Performance Analysis")
    app.wait_state(page="report", report_tab="Performance Analysis")
    app.shot("report-performance")

    app.key("ctrl+Tab")
    app.wait_state(page="report", report_tab="Question by Question")
    app.key("ctrl+Tab")
    app.wait_state(page="report", report_tab="Delivery")
    app.shot("report-delivery")


def test_demo_opens_on_its_report_and_stays_there(start_app: StartApp) -> None:
    _stored_session()
    app = start_app(action="demo")
    state = app.wait_state(page="report", report_is_demo=True, timeout=60)
    # The window manager gives the new window focus; nothing may move it off the report when it lands.
    state = app.wait_state(active_window=state["active_window"] or "MockMate — interview practice")
    app.shot("demo-report")
    assert app.state()["focus"] is not None
    assert app.state()["page"] == "report"
    app.click_tab("report.tabs", "Performance Analysis")
    app.wait_state(page="report", report_tab="Performance Analysis")
    app.key("ctrl+Tab")
    app.wait_state(page="report", report_tab="Question by Question")
    app.shot("demo-questions")


def test_a_report_opened_at_launch_keeps_its_tabs(start_app: StartApp) -> None:
    session_id = _stored_session()
    app = start_app(action=f"report:{session_id}")
    app.wait_state(page="report", report_session=session_id)
    app.wait_state(active_window="MockMate — interview practice")
    app.click_tab("report.tabs", "Performance Analysis")
    app.wait_state(page="report", report_tab="Performance Analysis")
    app.shot("launch-report-performance")
