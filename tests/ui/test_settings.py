"""Settings page: what the user changes is saved and read back by a fresh start."""

from __future__ import annotations

import json

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import Language


def test_settings_persist_across_restarts(qtbot, window, ctx) -> None:
    window.go("settings")
    page = window.settings_page
    assert page.key.echoMode() == page.key.EchoMode.Password
    page.key.setText("AIza-test-key-0123456789")
    page.model.setCurrentText("gemini-2.5-pro")
    page.whisper.setCurrentIndex(page.whisper.findData("base"))
    page.rate.setValue(190)
    page.voice_language.setCurrentIndex(page.voice_language.findData(Language.FR))
    page.voice.setText("roa/fr-be")
    page.voice.textEdited.emit("roa/fr-be")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved_label.text() == "Saved.", timeout=10_000)

    saved = json.loads(ctx.paths.settings_path.read_text())
    assert saved["gemini_model"] == "gemini-2.5-pro"
    reloaded = AppContext.create().settings
    assert reloaded.gemini_api_key is not None
    assert reloaded.gemini_api_key.get_secret_value() == "AIza-test-key-0123456789"
    assert reloaded.gemini_model == "gemini-2.5-pro"
    assert reloaded.whisper_model == "base"
    assert reloaded.tts_rate_wpm == 190
    assert reloaded.tts_voice_fr == "roa/fr-be"
    assert reloaded.tts_voice_en == "gmw/en-us"
    # The setup page now says why Gemini will run.
    window.go("setup")
    assert "Gemini (gemini-2.5-pro)" in window.setup.engine_note.text()


def test_clearing_the_key_means_offline(qtbot, window) -> None:
    window.go("settings")
    window.settings_page.key.setText("")
    window.settings_page.save_button.click()
    qtbot.waitUntil(lambda: window.settings_page.saved_label.text() == "Saved.", timeout=10_000)
    window.go("setup")
    assert window.setup.engine_note.text().startswith("Offline engine: no Gemini key set")
