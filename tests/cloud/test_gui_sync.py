"""The desktop window syncs in the background and shows the sync status in its status bar."""

from __future__ import annotations

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.ui.launch import build_window
from mockmate_desktop.ui.main_window import MainWindow
from tests.cloud.conftest import Emulators
from tests.support.cloud import CloudReader, sign_up, unique_email
from tests.support.ui_sessions import complete_session


@pytest.fixture
def signed_in_app(cloud_env: Emulators) -> tuple[AppContext, str]:
    app = AppContext.create()
    app.settings.first_run_done = True
    user = sign_up(app, unique_email("gui"))
    return app, user.uid


def _window(qtbot, app: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    win = build_window(app, load_speech=False)
    qtbot.addWidget(win)
    win.show()
    return win


def test_window_uploads_pending_sessions_and_says_synced(qtbot, signed_in_app) -> None:  # type: ignore[no-untyped-def]
    app, uid = signed_in_app
    session = complete_session(job_title="Synced from the window")
    app.store.save_session(session)
    assert app.store.outbox_counts()["pending"] > 0
    win = _window(qtbot, app)
    try:
        qtbot.waitUntil(lambda: win.cloud_label.toolTip().startswith("Synced"), timeout=60_000)
        assert app.store.outbox_counts()["pending"] == 0
    finally:
        win.close()
    reader = CloudReader(app)
    try:
        assert str(session.id) in reader.docs(uid, "interviews")
    finally:
        reader.close()


def test_window_without_cloud_settings_says_local_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = AppContext.create()
    app.settings.first_run_done = True
    win = _window(qtbot, app)
    try:
        assert win.cloud_label.toolTip() == "Cloud sync off (local profile only)."
    finally:
        win.close()


def test_settings_sign_up_then_sign_out_from_the_window(qtbot, cloud_env) -> None:  # type: ignore[no-untyped-def]
    app = AppContext.create()
    app.settings.first_run_done = True
    win = _window(qtbot, app)
    try:
        win.go("settings")
        box = win.settings_page.account
        assert box.state.text().startswith("Signed out")
        email = unique_email("settings")
        box.email.setText(email)
        box.password.setText("correct horse battery")
        box.sign_up_button.click()
        qtbot.waitUntil(lambda: box.state.text() == f"Signed in as {email}.", timeout=30_000)
        assert box.password.text() == ""
        qtbot.waitUntil(lambda: win.cloud_label.toolTip().startswith("Synced"), timeout=60_000)

        box.password.setText("wrong password")
        box.sign_in_button.click()
        qtbot.waitUntil(lambda: "Cloud account" in win.banner.message_label.text(), timeout=30_000)

        box.sign_out_button.click()
        qtbot.waitUntil(lambda: box.state.text().startswith("Signed out"), timeout=30_000)
    finally:
        win.close()


def test_a_long_cloud_problem_is_shortened_in_the_bar_and_whole_in_the_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = AppContext.create()
    app.settings.first_run_done = True
    app.settings.firebase_project_id = "demo-test"  # the rest of the cloud settings are missing
    win = _window(qtbot, app)
    try:
        qtbot.waitUntil(lambda: bool(win.cloud_label.toolTip()), timeout=30_000)
        tip = win.cloud_label.toolTip()
        assert "bucket" in tip and "not set up" in tip
        assert win.cloud_label.text().endswith("…") and len(win.cloud_label.text()) < len(tip)
    finally:
        win.close()


def test_a_planted_invalid_record_is_named_in_the_status_bar_and_the_rest_syncs(qtbot, signed_in_app) -> None:  # type: ignore[no-untyped-def]
    app, uid = signed_in_app
    reader = CloudReader(app)
    try:
        reader.db.document(f"users/{uid}/interviews/planted").set({"id": "planted", "questions": 7})
        session = complete_session(job_title="Still syncs")
        app.store.save_session(session)
        win = _window(qtbot, app)
        try:
            qtbot.waitUntil(lambda: win.cloud_label.toolTip().startswith("Synced"), timeout=60_000)
            assert "1 cloud record(s) failed validation and were set aside" in win.cloud_label.toolTip()
        finally:
            win.close()
        assert str(session.id) in reader.docs(uid, "interviews")
    finally:
        reader.close()
