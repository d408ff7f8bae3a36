"""Settings: Gemini, speech and microphone, interview timing, voice, appearance and data, cloud account.

Changes apply at once and are saved automatically, with a visible "Saved" line. Settings here are a page
among pages (not a modal dialog with OK/Cancel), and instant apply is what desktop settings pages do
(GNOME and macOS system settings, most editors): nothing is lost by navigating away or closing the
window, and nobody is stopped by a "save changes?" question. A value that fails validation is marked
next to its field and is not saved.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import SecretStr, ValidationError
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QHideEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QWidget,
)

from ...core.settings import ANSWER_END_SILENCE_RANGE_S, THINKING_TIME_RANGE_S
from ...domain.enums import Language
from ..errors import describe
from ..tasks import Lane
from ..theme import THEMES, apply_theme
from ..widgets.account_box import AccountBox
from ..widgets.common import busy_bar, error_label, form_card, hint, scrolling_body, title
from ..widgets.mic_check import MicCheck
from ..widgets.voice_picker import Voice, VoicePicker, installed_voices

if TYPE_CHECKING:
    from ..shell import Shell

GEMINI_MODELS = ("gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite")
DEFAULT_DEVICE = "System default"
# Long enough to gather a burst of typing into one write, short enough to be done before a person
# can look away.
SAVE_DELAY_MS = 500
PREVIEW_SAMPLES = {
    Language.EN: "Tell me about a project you are proud of.",
    Language.HI: "अपने किसी ऐसे प्रोजेक्ट के बारे में बताइए जिस पर आपको गर्व है।",
    Language.FR: "Parlez-moi d'un projet dont vous êtes fier.",
}


def seconds_field(low_high: tuple[float, float], parent: QWidget | None = None) -> QDoubleSpinBox:
    field = QDoubleSpinBox(parent)
    field.setRange(*low_high)
    field.setDecimals(1)
    field.setSingleStep(1.0)
    field.setSuffix(" s")
    field.setMaximumWidth(140)  # a few digits: a full-width box would look like a text field
    return field


class SettingsPage(QWidget):
    def __init__(self, shell: Shell, on_account_changed: Callable[[], None] = lambda: None) -> None:
        super().__init__()
        self.shell = shell
        self._loading = True
        self._voices: dict[Language, str] = {}
        self._voices_loaded = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        layout = scrolling_body(self, max_width=980)
        layout.setSpacing(16)
        layout.addWidget(title("Settings"))
        self.saved_label = hint("Changes are saved automatically.")
        layout.addWidget(self.saved_label)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(self._gemini_group())
        layout.addWidget(self._speech_group())
        layout.addWidget(self._timing_group())
        layout.addWidget(self._voice_group())
        layout.addWidget(self._data_group())
        self.account = AccountBox(shell, on_account_changed)
        layout.addWidget(self.account)
        layout.addStretch(1)
        self._connect_changes()

    # groups -----------------------------------------------------------------------------------------
    def _gemini_group(self) -> QFrame:
        box, form = form_card("Gemini (optional)")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("Not set: the offline engine is used")
        self.show_key = QPushButton("Show")
        self.show_key.setCheckable(True)
        self.show_key.toggled.connect(self._reveal_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.show_key)
        self.test_key = QPushButton("Test")
        self.test_key.clicked.connect(self.test_gemini)
        key_row.addWidget(self.test_key)
        form.addRow("API key", key_row)
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.addItems(list(GEMINI_MODELS))
        form.addRow("Model", self.model)
        self.key_busy = busy_bar()
        self.key_result = hint(
            "The key is stored in settings.json in your data folder, readable only by you."
        )
        form.addRow("", self.key_busy)
        form.addRow("", self.key_result)
        return box

    def _reveal_key(self, on: bool) -> None:
        self.key.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.show_key.setText("Hide" if on else "Show")

    def _speech_group(self) -> QFrame:
        box, form = form_card("Speech recognition and microphone")
        self.whisper = QComboBox()
        self.whisper.addItem("base — English, Hindi, French (recommended)", "base")
        self.whisper.addItem("tiny.en — English only, fastest", "tiny.en")
        form.addRow("Whisper model", self.whisper)
        self.microphone = QComboBox()
        self.refresh_mics = QPushButton("Refresh")
        self.refresh_mics.clicked.connect(self.load_microphones)
        mic_row = QHBoxLayout()
        mic_row.addWidget(self.microphone, 1)
        mic_row.addWidget(self.refresh_mics)
        form.addRow("Microphone", mic_row)
        self.mic_check = MicCheck(self.shell, lambda: self.microphone.currentData())
        form.addRow("", self.mic_check)
        return box

    def _timing_group(self) -> QFrame:
        box, form = form_card("Answer timing")
        self.thinking_time = seconds_field(THINKING_TIME_RANGE_S)
        form.addRow("Thinking time", self.thinking_time)
        form.addRow(
            "", hint("After a question, wait this long for you to start before asking “Still thinking?”.")
        )
        self.answer_end = seconds_field(ANSWER_END_SILENCE_RANGE_S)
        form.addRow("End of answer", self.answer_end)
        form.addRow(
            "",
            hint(
                "Silence that ends an answer when your words sound finished (longer when they do not). "
                "A countdown shows before it ends; speaking cancels it. Space ends an answer at any time."
            ),
        )
        return box

    def _voice_group(self) -> QFrame:
        box, form = form_card("Voice that reads the questions")
        self.voice_language = QComboBox()
        for lang in Language:
            self.voice_language.addItem(lang.display_name, lang)
        self.voice_language.currentIndexChanged.connect(self._show_voice)
        form.addRow("Language", self.voice_language)
        self.voice = VoicePicker()
        self.voice.currentIndexChanged.connect(self._remember_voice)
        form.addRow("Voice", self.voice)
        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setRange(80, 300)
        self.rate.setAccessibleName("Speaking rate")
        self.rate_label = QLabel()
        self.rate.valueChanged.connect(lambda v: self.rate_label.setText(f"{v} words/min"))
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.rate_label)
        form.addRow("Speaking rate", rate_row)
        self.preview = QPushButton("Preview voice")
        self.preview.clicked.connect(self.preview_voice)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview)
        preview_row.addStretch(1)
        form.addRow("", preview_row)
        return box

    def _data_group(self) -> QFrame:
        box, form = form_card("Appearance and data")
        self.theme = QComboBox()
        for key, text in THEMES:
            self.theme.addItem(text, key)
        form.addRow("Theme", self.theme)
        home = self.shell.services.paths.home
        self.data_folder = QLabel(str(home))
        self.data_folder.setTextFormat(Qt.TextFormat.PlainText)  # untrusted text: never rich text
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_folder = QPushButton("Open folder")
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(home))))
        row = QHBoxLayout()
        row.addWidget(self.data_folder, 1)
        row.addWidget(open_folder)
        form.addRow("Data folder", row)
        form.addRow("", hint("To keep data elsewhere, start MockMate with MOCKMATE_HOME set to a folder."))
        return box

    def _connect_changes(self) -> None:
        self.key.textChanged.connect(self._changed)
        self.model.currentTextChanged.connect(self._changed)
        self.whisper.currentIndexChanged.connect(self._changed)
        self.microphone.currentIndexChanged.connect(self._changed)
        self.thinking_time.valueChanged.connect(self._changed)
        self.answer_end.valueChanged.connect(self._changed)
        self.rate.valueChanged.connect(self._changed)
        self.theme.currentIndexChanged.connect(self._theme_changed)

    # state ------------------------------------------------------------------------------------------
    def on_enter(self) -> None:
        self._loading = True
        self.account.refresh()
        s = self.shell.services.settings
        self.key.setText(s.gemini_api_key.get_secret_value() if s.gemini_api_key else "")
        self.model.setCurrentText(s.gemini_model)
        self.whisper.setCurrentIndex(max(0, self.whisper.findData(s.whisper_model)))
        self.thinking_time.setValue(s.thinking_time_s)
        self.answer_end.setValue(s.answer_end_silence_s)
        self._voices = {lang: s.voice_for(lang.value) for lang in Language}
        self._show_voice()
        self.rate.setValue(s.tts_rate_wpm)
        self.rate_label.setText(f"{s.tts_rate_wpm} words/min")
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self._loading = False
        self.load_microphones()
        self._load_voices()

    def _load_voices(self) -> None:
        if self._voices_loaded:
            return

        def show(voices: list[Voice]) -> None:
            self._voices_loaded = True
            self.voice.set_voices(voices)
            self._show_voice()

        def failed(exc: BaseException) -> None:
            self.voice.setToolTip(describe(exc, "Listing the voices").message)

        services = self.shell.services
        self.shell.tasks.run(lambda: installed_voices(services), show, failed, name="Listing the voices")

    def _language(self) -> Language:
        return Language(self.voice_language.currentData())  # combo boxes hand back the plain string

    def _show_voice(self) -> None:
        lang = self._language()
        self.voice.show_language(lang.value, self._voices.get(lang, ""))

    def _remember_voice(self, _index: int) -> None:
        if self.voice.voice_id:
            self._voices[self._language()] = self.voice.voice_id
            self._changed()

    def load_microphones(self) -> None:
        current = self.shell.services.settings.microphone

        def show(names: list[str]) -> None:
            loading, self._loading = self._loading, True
            self.microphone.clear()
            self.microphone.addItem(DEFAULT_DEVICE, None)
            for name in names:
                self.microphone.addItem(name, name)
            index = self.microphone.findData(current) if current else 0
            self.microphone.setCurrentIndex(max(0, index))
            self._loading = loading

        def failed(exc: BaseException) -> None:
            show([])
            self.mic_check.result.setText(describe(exc).message)

        self.shell.tasks.run(self.shell.services.list_microphones, show, failed)

    def apply_to_settings(self) -> None:
        """Copies the page into the live settings; raises ValidationError on a value out of range."""
        s = self.shell.services.settings
        key = self.key.text().strip()
        s.gemini_api_key = SecretStr(key) if key else None
        s.gemini_model = self.model.currentText().strip() or s.gemini_model
        s.whisper_model = self.whisper.currentData()
        if self.microphone.count():
            s.microphone = self.microphone.currentData()
        s.thinking_time_s = self.thinking_time.value()
        s.answer_end_silence_s = self.answer_end.value()
        s.tts_voice_en = self._voices.get(Language.EN) or s.tts_voice_en
        s.tts_voice_hi = self._voices.get(Language.HI) or s.tts_voice_hi
        s.tts_voice_fr = self._voices.get(Language.FR) or s.tts_voice_fr
        s.tts_rate_wpm = self.rate.value()
        s.theme = self.theme.currentData()

    def _changed(self, *_args: object) -> None:
        """Applies at once (the rest of the app sees the new value now); the file is written shortly."""
        if self._loading:
            return
        self.error.hide()
        try:
            self.apply_to_settings()
        except ValidationError as exc:
            self.error.setText(describe(exc, "Not saved").message)
            self.error.show()
            self.saved_label.setText("Not saved: correct the value marked above.")
            return
        self.saved_label.setText("Saving…")
        self._save_timer.start()

    def _theme_changed(self, _index: int) -> None:
        app = QApplication.instance()
        if not self._loading and isinstance(app, QApplication):
            apply_theme(app, self.theme.currentData())
        self._changed()

    def save(self) -> None:
        """Writes the settings as they are now (every change was applied when it was made)."""
        self._save_timer.stop()
        services = self.shell.services

        def saved(_r: object) -> None:
            self.saved_label.setText(
                f"✔ Saved at {time.strftime('%H:%M:%S')}. Changes are saved automatically."
            )
            services.settings_changed()
            self.shell.speech.reload_if_changed()

        def failed(exc: BaseException) -> None:
            self.saved_label.setText("Not saved.")
            self.shell.show_exception(exc, "Saving settings")

        # The serialized lane keeps two quick saves in order: the file always ends with the latest values.
        self.shell.tasks.run(services.save_settings, saved, failed, name="Saving settings", lane=Lane.STORE)

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the page within the save delay still saves: nothing typed here is ever dropped.
        if self._save_timer.isActive():
            self.save()
        super().hideEvent(event)

    # actions ----------------------------------------------------------------------------------------
    def test_gemini(self) -> None:
        key, model = self.key.text().strip(), self.model.currentText().strip()
        if not key:
            self.key_result.setText("Enter a key first.")
            return
        self.key_busy.show()
        self.test_key.setEnabled(False)
        self.key_result.setText("Testing the key…")

        def done(message: str) -> None:
            self.key_busy.hide()
            self.test_key.setEnabled(True)
            self.key_result.setText(f"✔ {message}")

        def failed(exc: BaseException) -> None:
            self.key_busy.hide()
            self.test_key.setEnabled(True)
            error = describe(exc, "Gemini test")
            self.key_result.setText(f"✘ {error.message}")
            self.shell.show_error(error)

        self.shell.tasks.run(lambda: self.shell.services.test_gemini(key, model), done, failed)

    def preview_voice(self) -> None:
        lang = self._language()
        voice, rate = self.voice.voice_id, self.rate.value()
        sample = PREVIEW_SAMPLES[lang]
        self.shell.player.play(
            lambda: self.shell.services.synthesize_preview(sample, lang, voice, rate),
            on_error=lambda exc: self.shell.show_exception(exc, "Voice preview"),
        )

    def shutdown(self) -> None:
        if self._save_timer.isActive():
            self.save()
        self.mic_check.shutdown()
