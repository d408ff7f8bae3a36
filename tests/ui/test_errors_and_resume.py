"""Error banners (no microphone, no speech model, Gemini failures against the local server) and picking up an
interrupted interview where it stopped. Every message says what to do, never shows a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import EngineChoice, SessionStatus
from mockmate_desktop.ui.interview_controller import Phase
from mockmate_desktop.ui.launch import build_window
from tests.support.fake_gemini import FakeGeminiServer, Fault


def _start(window, *, voice: bool, engine: EngineChoice = EngineChoice.OFFLINE, title: str = "QA Engineer") -> None:  # type: ignore[no-untyped-def]
    window.go("setup")
    setup = window.setup
    setup.job_title.setText(title)
    (setup.voice_radio if voice else setup.typed_radio).setChecked(True)
    setup.engine.setCurrentIndex(setup.engine.findData(engine))
    setup.start_button.click()


def _banner_ok(window, *words: str) -> str:  # type: ignore[no-untyped-def]
    text = window.banner.text
    assert window.banner.isVisible()
    assert "What to do" in text and "Traceback" not in text and 'File "' not in text
    for word in words:
        assert word.lower() in text.lower(), text
    return text


def test_no_microphone_shows_a_banner_and_offers_typing(qtbot, speech_window) -> None:
    window = speech_window
    window.services.settings.microphone = "No Such Microphone 9000"
    _start(window, voice=True)
    controller = window.interview.controller
    qtbot.waitUntil(lambda: controller.phase is Phase.TYPING, timeout=60_000)
    _banner_ok(window, "microphone", "typing")
    assert window.interview.typed.isVisible()
    with qtbot.waitSignal(controller.answer_saved, timeout=10_000):
        window.interview.typed.setPlainText("I test APIs with pytest and contract tests.")
        window.interview.submit_button.click()


def test_no_speech_model_is_explained(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the model cache should be")
    monkeypatch.setenv("MOCKMATE_MODEL_CACHE", str(blocker / "models"))
    ctx = AppContext.create()
    ctx.settings.first_run_done = True
    ctx.settings.whisper_model = "base"
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.speech_status.failed, timeout=60_000):
        pass
    assert "Speech model not available" in window.status_label.text()
    _start(window, voice=True)
    controller = window.interview.controller
    qtbot.waitUntil(lambda: controller.phase is Phase.TYPING, timeout=60_000)
    _banner_ok(window, "speech model", "type your answers")
    window.close()
    assert window.tasks.wait_for_done(30_000)


def test_gemini_rejecting_the_key(qtbot, window) -> None:
    with FakeGeminiServer() as server:
        settings = window.services.settings
        settings.gemini_base_url = server.base_url
        window.go("settings")
        page = window.settings_page
        page.key.setText("not-the-right-key")
        page.test_key.click()
        qtbot.waitUntil(lambda: page.key_result.text().startswith("✘"), timeout=30_000)
        _banner_ok(window, "rejected the API key")
        page.key.setText(server.api_key)
        page.test_key.click()
        qtbot.waitUntil(lambda: page.key_result.text().startswith("✔"), timeout=30_000)

        # An interview asked to run on Gemini with a key the server refuses: planned offline, and it says so.
        settings.gemini_api_key = "revoked-key-000000"  # type: ignore[assignment]
        window.banner.dismiss()
        _start(window, voice=False, engine=EngineChoice.GEMINI)
        controller = window.interview.controller
        qtbot.waitUntil(lambda: controller.phase is Phase.TYPING, timeout=60_000)
        assert "rejected the API key" in window.banner.text and "offline engine" in window.banner.text
        assert controller.session is not None
        assert {q.source.value for q in controller.session.questions} == {"offline"}
        window.interview.end_early(confirmed=True)
        qtbot.waitUntil(lambda: controller.phase is Phase.DONE, timeout=60_000)

        # No key at all: the interview cannot be planned. A clear banner, and no empty session left behind.
        before = {s.id for s in window.services.store.list_sessions()}
        settings.gemini_api_key = None
        window.banner.dismiss()
        _start(window, voice=False, engine=EngineChoice.GEMINI)
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=60_000)
        _banner_ok(window, "Preparing the interview", "key")
        assert window.interview.controller.phase is Phase.IDLE
        assert {s.id for s in window.services.store.list_sessions()} == before
        assert all(s.questions for s in window.services.store.resumable_sessions())


def test_gemini_unavailable_falls_back_to_offline_and_says_so(qtbot, window) -> None:
    with FakeGeminiServer() as server:
        server.always = Fault.UNAVAILABLE
        settings = window.services.settings
        settings.gemini_base_url = server.base_url
        settings.gemini_api_key = server.api_key  # type: ignore[assignment]
        settings.gemini_timeout_s = 2.0
        _start(window, voice=False, engine=EngineChoice.AUTO)
        controller = window.interview.controller
        qtbot.waitUntil(lambda: controller.phase is Phase.TYPING, timeout=90_000)
        text = window.banner.text
        assert "unavailable" in text.lower() and "offline engine" in text.lower()
        assert controller.session is not None
        assert any("offline engine used" in n for n in controller.session.engine_notes)
        stored = window.services.store.get_session(controller.session.id)
        assert stored.engine_notes == controller.session.engine_notes
        assert {q.source.value for q in stored.questions} == {"offline"}
        window.interview.end_early(confirmed=True)
        with qtbot.waitSignal(window.report.loaded, timeout=90_000):
            pass
        assert "offline engine used" in window.report.provenance.text()


def test_an_interrupted_interview_resumes_where_it_stopped(qtbot, ctx) -> None:
    first = build_window(ctx, load_speech=False)
    qtbot.addWidget(first)
    first.show()
    _start(first, voice=False, title="Platform Engineer")
    controller = first.interview.controller
    qtbot.waitUntil(lambda: controller.phase is Phase.TYPING, timeout=60_000)
    asked = controller.question
    with qtbot.waitSignal(controller.answer_saved, timeout=10_000):
        first.interview.typed.setPlainText("I migrated our CI to GitHub Actions and cut build time by half.")
        first.interview.submit_button.click()
    qtbot.waitUntil(lambda: controller.phase is Phase.TYPING, timeout=60_000)
    session_id = controller.session.id
    first.close()  # the app is closed in the middle of the interview
    assert first.tasks.wait_for_done(30_000)

    reopened = AppContext.create()
    reopened.settings.first_run_done = True
    again = build_window(reopened, load_speech=False)
    qtbot.addWidget(again)
    again.show()
    home = again.home
    qtbot.waitUntil(lambda: home.table.rowCount() == 1, timeout=10_000)
    assert home.table.item(0, 6).text() == "Interrupted"
    assert home.select_session(session_id)
    assert home.continue_button.isEnabled()
    home.continue_button.click()
    resumed = again.interview.controller
    qtbot.waitUntil(lambda: resumed.phase is Phase.TYPING, timeout=60_000)
    assert resumed.session is not None and resumed.session.id == session_id
    assert resumed.question is not None and resumed.question.id != asked.id
    assert resumed.session.answers[0].transcript.startswith("I migrated our CI")
    while resumed.phase is Phase.TYPING:
        with qtbot.waitSignal(resumed.answer_saved, timeout=10_000):
            again.interview.skip_button.click()
        qtbot.waitUntil(lambda: resumed.phase in (Phase.TYPING, Phase.REPORTING, Phase.DONE), timeout=60_000)
    with qtbot.waitSignal(again.report.loaded, timeout=90_000):
        pass
    stored = again.services.store.get_session(session_id)
    assert stored.status is SessionStatus.COMPLETED and stored.reports.complete
    assert "I migrated our CI" in again.report.questions.detail.toPlainText() or any(
        "I migrated our CI" in i.answer_transcript for i in stored.reports.questions.items
    )
    again.close()
    assert again.tasks.wait_for_done(30_000)
