"""Settings page: changes apply at once, are saved automatically, and a fresh start reads them back."""

from __future__ import annotations

import json

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import Language


def _wait_saved(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("✔ Saved"), timeout=10_000)


def test_settings_persist_across_restarts(qtbot, window, ctx) -> None:
    window.go("settings")
    page = window.settings_page
    assert page.key.echoMode() == page.key.EchoMode.Password
    page.key.setText("AIza-test-key-0123456789")
    page.model.setCurrentText("gemini-2.5-pro")
    page.whisper.setCurrentIndex(page.whisper.findData("base"))
    page.rate.setValue(190)
    page.thinking_time.setValue(35)
    page.answer_end.setValue(7.5)
    page.voice_language.setCurrentIndex(page.voice_language.findData(Language.FR))
    qtbot.waitUntil(lambda: page.voice.findData("roa/fr-be") >= 0, timeout=20_000)
    # Readable names, not espeak ids.
    assert page.voice.itemText(page.voice.findData("roa/fr-be")) == "French (Belgium)"
    page.voice.setCurrentIndex(page.voice.findData("roa/fr-be"))
    _wait_saved(qtbot, page)

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
    assert (reloaded.thinking_time_s, reloaded.answer_end_silence_s) == (35.0, 7.5)
    # The setup page now says why Gemini will run, and shows the same timings.
    window.go("setup")
    assert "Gemini (gemini-2.5-pro)" in window.setup.engine_note.text()
    assert (window.setup.thinking_time.value(), window.setup.answer_end.value()) == (35.0, 7.5)


def test_leaving_the_page_at_once_still_saves(qtbot, window, ctx) -> None:
    window.go("settings")
    page = window.settings_page
    page.rate.setValue(222)
    window.go("home")  # well within the save delay
    qtbot.waitUntil(
        lambda: (
            ctx.paths.settings_path.exists()
            and json.loads(ctx.paths.settings_path.read_text()).get("tts_rate_wpm") == 222
        ),
        timeout=10_000,
    )


def test_clearing_the_key_means_offline(qtbot, window) -> None:
    window.go("settings")
    window.settings_page.key.setText("AIza-something-long-enough")
    _wait_saved(qtbot, window.settings_page)
    window.settings_page.key.setText("")
    window.go("setup")
    assert window.setup.engine_note.text().startswith("Offline engine: no Gemini key set")


def test_theme_choice_applies_at_once_and_is_kept(qtbot, window, ctx) -> None:
    from PySide6.QtWidgets import QApplication

    from mockmate_desktop.ui.theme import is_dark

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.go("settings")
    page = window.settings_page
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    assert is_dark(app)
    assert app.palette().window().color().lightness() < 60
    page.theme.setCurrentIndex(page.theme.findData("light"))
    assert not is_dark(app)
    _wait_saved(qtbot, page)
    assert AppContext.create().settings.theme == "light"


def test_voice_names_are_readable_and_a_missing_voice_is_marked() -> None:
    from mockmate_desktop.ui.widgets.voice_picker import Voice, VoicePicker, label_for

    voices = [
        Voice("gmw/en-us", "English (America)", ("en-us",)),
        Voice("roa/fr", "French (France)", ("fr-fr",)),
    ]
    assert label_for("roa/fr", voices) == "French (France)"
    assert label_for("gmw/en-xx", voices) == "gmw/en-xx (not installed)"
    assert label_for("gmw/en-us", []) == "gmw/en-us"  # list not loaded yet: no false alarm
    picker = VoicePicker()
    picker.set_voices(voices)
    picker.show_language("en", "gmw/en-us")
    assert [picker.itemText(i) for i in range(picker.count())] == ["English (America)"]
    assert picker.voice_id == "gmw/en-us"
