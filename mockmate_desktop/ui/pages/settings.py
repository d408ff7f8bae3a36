"""Settings: Gemini key and model, speech model, microphone, voice, data folder, theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import SecretStr, ValidationError
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Language
from ..errors import describe
from ..mic_test import MicTest
from ..theme import is_dark
from ..widgets.account_box import AccountBox
from ..widgets.common import busy_bar, hint, scrolling_body, title
from ..widgets.level_meter import LevelMeter

if TYPE_CHECKING:
    from ..main_window import MainWindow

GEMINI_MODELS = ("gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite")
DEFAULT_DEVICE = "System default"


class SettingsPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.mic_test: MicTest | None = None
        layout = scrolling_body(self, max_width=980)
        layout.addWidget(title("Settings"))
        layout.addWidget(self._gemini_group())
        layout.addWidget(self._speech_group())
        layout.addWidget(self._voice_group())
        layout.addWidget(self._data_group())
        self.account = AccountBox(self.window_)
        layout.addWidget(self.account)
        row = QHBoxLayout()
        self.save_button = QPushButton("Save settings")
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.saved_label = QLabel()
        row.addWidget(self.saved_label)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    # groups -----------------------------------------------------------------------------------------
    def _gemini_group(self) -> QGroupBox:
        box = QGroupBox("Gemini (optional)")
        form = QFormLayout(box)
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
        status = QVBoxLayout()
        status.addWidget(self.key_busy)
        status.addWidget(self.key_result)
        form.addRow("", status)
        return box

    def _reveal_key(self, on: bool) -> None:
        self.key.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.show_key.setText("Hide" if on else "Show")

    def _speech_group(self) -> QGroupBox:
        box = QGroupBox("Speech recognition and microphone")
        form = QFormLayout(box)
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
        test_row = QHBoxLayout()
        self.test_mic = QPushButton("Test microphone")
        self.test_mic.clicked.connect(self.toggle_mic_test)
        self.mic_meter = LevelMeter()
        test_row.addWidget(self.test_mic)
        test_row.addWidget(self.mic_meter, 1)
        form.addRow("", test_row)
        self.mic_result = hint("Speak for a few seconds: the bar should move.")
        form.addRow("", self.mic_result)
        return box

    def _voice_group(self) -> QGroupBox:
        box = QGroupBox("Voice that reads the questions")
        form = QFormLayout(box)
        self.voice_language = QComboBox()
        for lang in Language:
            self.voice_language.addItem(lang.display_name, lang)
        self.voice_language.currentIndexChanged.connect(self._show_voice)
        form.addRow("Language", self.voice_language)
        self.voice = QLineEdit()
        self.voice.textEdited.connect(self._remember_voice)
        form.addRow("Voice", self.voice)
        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setRange(80, 300)
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

    def _data_group(self) -> QGroupBox:
        box = QGroupBox("Data and appearance")
        form = QFormLayout(box)
        home = self.window_.services.paths.home
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
        self.theme_label = QLabel()
        form.addRow("Theme", self.theme_label)
        return box

    # state ------------------------------------------------------------------------------------------
    def on_enter(self) -> None:
        self.account.refresh()
        s = self.window_.services.settings
        self.key.setText(s.gemini_api_key.get_secret_value() if s.gemini_api_key else "")
        self.model.setCurrentText(s.gemini_model)
        self.whisper.setCurrentIndex(max(0, self.whisper.findData(s.whisper_model)))
        self._voices = {lang: s.voice_for(lang.value) for lang in Language}
        self._show_voice()
        self.rate.setValue(s.tts_rate_wpm)
        self.rate_label.setText(f"{s.tts_rate_wpm} words/min")
        app = QApplication.instance()
        dark = isinstance(app, QApplication) and is_dark(app)
        self.theme_label.setText(f"Follows the system setting (currently {'dark' if dark else 'light'}).")
        self.saved_label.clear()
        self.load_microphones()

    def _show_voice(self) -> None:
        lang = self.voice_language.currentData()
        self.voice.setText(getattr(self, "_voices", {}).get(lang, ""))

    def _remember_voice(self, text: str) -> None:
        self._voices[self.voice_language.currentData()] = text.strip()

    def load_microphones(self) -> None:
        current = self.window_.services.settings.microphone

        def show(names: list[str]) -> None:
            self.microphone.clear()
            self.microphone.addItem(DEFAULT_DEVICE, None)
            for name in names:
                self.microphone.addItem(name, name)
            index = self.microphone.findData(current) if current else 0
            self.microphone.setCurrentIndex(max(0, index))

        def failed(exc: BaseException) -> None:
            show([])
            self.mic_result.setText(describe(exc).message)

        self.window_.tasks.run(self.window_.services.list_microphones, show, failed)

    def apply_to_settings(self) -> None:
        s = self.window_.services.settings
        key = self.key.text().strip()
        s.gemini_api_key = SecretStr(key) if key else None
        s.gemini_model = self.model.currentText().strip() or s.gemini_model
        s.whisper_model = self.whisper.currentData()
        s.microphone = self.microphone.currentData()
        s.tts_voice_en = self._voices[Language.EN] or s.tts_voice_en
        s.tts_voice_hi = self._voices[Language.HI] or s.tts_voice_hi
        s.tts_voice_fr = self._voices[Language.FR] or s.tts_voice_fr
        s.tts_rate_wpm = self.rate.value()

    def save(self) -> None:
        try:
            self.apply_to_settings()
        except ValidationError as exc:
            self.window_.show_exception(exc, "Saving settings")
            return
        services = self.window_.services

        def saved(_r: object) -> None:
            self.saved_label.setText("Saved.")
            services.settings_changed()
            self.window_.speech_status.reload_if_changed()

        self.window_.tasks.run(
            services.save_settings, saved, lambda e: self.window_.show_exception(e, "Saving settings")
        )

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
            self.window_.show_error(error)

        self.window_.tasks.run(lambda: self.window_.services.test_gemini(key, model), done, failed)

    def toggle_mic_test(self) -> None:
        if self.mic_test is not None:
            self.mic_test.stop()
            return
        test = MicTest(self.window_.services, self.microphone.currentData(), parent=self)
        test.level.connect(self.mic_meter.set_level)
        test.failed.connect(self._mic_failed)
        test.peak.connect(self._mic_peak)
        test.finished.connect(self._mic_done)
        self.mic_test = test
        self.test_mic.setText("Stop test")
        self.mic_result.setText("Listening… speak now.")
        test.start()

    def _mic_failed(self, exc: BaseException) -> None:
        error = describe(exc, "Microphone test")
        self.mic_result.setText(error.message)
        self.window_.show_error(error)

    def _mic_peak(self, loudest: float) -> None:
        self.mic_result.setText(
            "The microphone works."
            if loudest > 0.01
            else "Nothing was heard: check the microphone and its volume."
        )

    def _mic_done(self) -> None:
        test, self.mic_test = self.mic_test, None
        if test is not None:
            test.deleteLater()
        self.test_mic.setText("Test microphone")
        self.mic_meter.reset()

    def preview_voice(self) -> None:
        lang = self.voice_language.currentData()
        voice, rate = self.voice.text().strip(), self.rate.value()
        sample = {
            Language.EN: "Tell me about a project you are proud of.",
            Language.HI: "अपने किसी ऐसे प्रोजेक्ट के बारे में बताइए जिस पर आपको गर्व है।",
            Language.FR: "Parlez-moi d'un projet dont vous êtes fier.",
        }[lang]
        self.window_.player.play(
            lambda: self.window_.services.synthesize_preview(sample, lang, voice, rate),
            on_error=lambda exc: self.window_.show_exception(exc, "Voice preview"),
        )

    def shutdown(self) -> None:
        if self.mic_test is not None:
            self.mic_test.stop()
            self.mic_test.wait(5000)
