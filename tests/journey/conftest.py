"""Journey fixtures: a real X display (Xvfb + openbox) for the whole run, and the app started per test.

Screenshots of every step go to $MOCKMATE_JOURNEY_SHOTS (default: build/journey-shots/<test name>) to be
looked at; the app's own log is printed when a test fails.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.pulse import virtual_mic_fixture

from .driver import REPO, AppUnderTest
from .xsession import XSession, XUnavailable

StartApp = Callable[..., AppUnderTest]

# A sound server per test: the app's questions play into its null sink and the microphone hears that sink.
microphone = virtual_mic_fixture("function")


@pytest.fixture(scope="session")
def x_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XSession]:
    try:
        session = XSession.start(tmp_path_factory.mktemp("x"))
    except XUnavailable as exc:
        pytest.fail(f"no X display for the journey: {exc}")
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def shots_dir(request: pytest.FixtureRequest) -> Path:
    root = Path(os.environ.get("MOCKMATE_JOURNEY_SHOTS", REPO / "build" / "journey-shots"))
    folder = root / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


@pytest.fixture
def start_app(
    x_display: XSession, shots_dir: Path, mockmate_home: Path, request: pytest.FixtureRequest
) -> Iterator[StartApp]:
    """Starts the app on the display over this test's data folder; stopped (by alt+F4) after the test."""
    started: list[AppUnderTest] = []

    def start(env: dict[str, str] | None = None, action: str = "show") -> AppUnderTest:
        app = AppUnderTest.start(x_display, mockmate_home, shots_dir, env, action=action)
        started.append(app)
        return app

    yield start
    failed = getattr(request.node, "journey_failed", False)
    for app in started:
        if failed:
            print(f"--- app log ({app.log_path}) ---\n{app.log()}")
        app.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    if report.when == "call" and report.failed:
        item.journey_failed = True  # type: ignore[attr-defined]
    return report
