"""Settings: saved in the data folder, overridden by the environment, secrets never shown."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.core.settings import Settings, load_settings, save_settings
from tests.conftest import REPO_ROOT

SECRET = "AIzaSy-test-secret-0123456789abcdef"
WEB_SECRET = "web-api-key-secret-987654321"


def test_choices_persist_privately_across_restarts(mockmate_home: object) -> None:
    ctx = AppContext.create()
    assert ctx.settings.whisper_model == "base" and ctx.settings.gemini_api_key is None
    ctx.settings.whisper_model = "tiny.en"
    ctx.settings.tts_rate_wpm = 180
    ctx.settings.gemini_api_key = SECRET  # type: ignore[assignment]
    ctx.save_settings()
    path = ctx.paths.settings_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = AppContext.create()
    assert again.settings.whisper_model == "tiny.en" and again.settings.tts_rate_wpm == 180
    assert again.settings.gemini_api_key is not None
    assert again.settings.gemini_api_key.get_secret_value() == SECRET
    assert SECRET not in repr(again.settings) and SECRET not in str(again.settings)


def test_environment_overrides_the_file_and_is_not_written_back(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = AppPaths.from_environment().ensure()
    save_settings(Settings(gemini_model="file-model", whisper_model="tiny.en"), paths.settings_path)
    monkeypatch.setenv("MOCKMATE_GEMINI_MODEL", "env-model")
    monkeypatch.setenv("GEMINI_API_KEY", SECRET)
    monkeypatch.setenv("MOCKMATE_GEMINI_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("MOCKMATE_TTS_RATE", "200")
    settings = load_settings(paths.settings_path)
    assert settings.gemini_model == "env-model" and settings.whisper_model == "tiny.en"
    assert settings.gemini_base_url == "http://127.0.0.1:9" and settings.tts_rate_wpm == 200
    assert settings.has_gemini_key
    settings.microphone = "USB mic"
    save_settings(settings, paths.settings_path)
    saved = json.loads(paths.settings_path.read_text())
    assert saved["gemini_model"] == "file-model"  # the user's own choice survives an env override
    assert saved["gemini_api_key"] is None and saved["tts_rate_wpm"] == 165  # env values are not saved
    assert saved["microphone"] == "USB mic"
    assert SECRET not in paths.settings_path.read_text()


def test_bad_environment_value_is_explained_and_the_default_used(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("MOCKMATE_TTS_RATE", "5")
    with caplog.at_level(logging.WARNING):
        settings = load_settings(AppPaths.from_environment().ensure().settings_path)
    assert settings.tts_rate_wpm == 165
    assert [r.getMessage() for r in caplog.records] == [
        "environment: MOCKMATE_TTS_RATE='5' is not valid: Interviewer speaking rate (environment variable "
        "MOCKMATE_TTS_RATE) must be between 80 and 300 words per minute (you entered '5'). Using the default, 165."
    ]


def test_damaged_settings_file_falls_back_to_defaults(caplog: pytest.LogCaptureFixture) -> None:
    paths = AppPaths.from_environment().ensure()
    paths.settings_path.write_text("{ this is not json")
    with caplog.at_level(logging.WARNING):
        settings = load_settings(paths.settings_path)
    assert settings.whisper_model == "base"
    assert "could not be read" in caplog.text


def test_redacted_form_hides_secrets() -> None:
    settings = Settings(gemini_api_key=SECRET, firebase_web_api_key=WEB_SECRET)
    shown = json.dumps(settings.redacted())
    assert SECRET not in shown and WEB_SECRET not in shown
    assert settings.redacted()["gemini_api_key"] == f"set (…{SECRET[-4:]})"
    assert Settings().redacted()["gemini_api_key"] is None


def test_secrets_never_reach_doctor_output_or_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    env = os.environ | {
        "GEMINI_API_KEY": SECRET,
        "MOCKMATE_FIREBASE_WEB_API_KEY": WEB_SECRET,
        "MOCKMATE_GEMINI_BASE_URL": "http://127.0.0.1:9",  # a closed local port: no network needed
    }
    for extra in ([], ["--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "mockmate_desktop", "-v", "doctor", *extra],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        shown = done.stdout if not extra else " ".join(c["detail"] for c in json.loads(done.stdout))
        assert f"gemini key set (…{SECRET[-4:]})" in shown  # the redacted form is what appears
        for secret in (SECRET, WEB_SECRET, SECRET[:12], WEB_SECRET[:12]):
            assert secret not in done.stdout and secret not in done.stderr
    log_dir = AppPaths.from_environment().log_dir
    for log_file in log_dir.rglob("*") if log_dir.exists() else []:
        if log_file.is_file():
            assert SECRET not in log_file.read_text(errors="replace")
