"""`doctor` checks for Gemini: key missing, reachable, rejected key, unreachable service."""

from __future__ import annotations

from mockmate_desktop.app import AppContext
from mockmate_desktop.core.diagnostics import CheckStatus
from mockmate_desktop.engine.diagnostics import diagnose
from tests.support.fake_gemini import FakeGeminiServer, settings_for


def test_no_key_is_a_warning_that_names_the_offline_engine() -> None:
    app = AppContext.create()
    (check,) = diagnose(app)
    assert check.status == CheckStatus.WARN and "offline engine" in check.detail and check.fix


def test_reachable_rejected_and_unreachable(fake_gemini: FakeGeminiServer) -> None:
    app = AppContext.create()
    app.settings = settings_for(fake_gemini)
    assert [c.status for c in diagnose(app)] == [CheckStatus.OK, CheckStatus.OK]
    assert fake_gemini.requests[-1].method == "GET"

    app.settings.gemini_api_key = "not-the-right-key-000"  # type: ignore[assignment]
    reach = diagnose(app)[1]
    assert reach.status == CheckStatus.FAIL and "invalid key" in reach.detail

    fake_gemini.stop()
    app.settings.gemini_api_key = fake_gemini.api_key  # type: ignore[assignment]
    reach = diagnose(app)[1]
    assert reach.status == CheckStatus.WARN and "offline engine will be used" in reach.detail
