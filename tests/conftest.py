"""Shared test set-up: every test gets its own empty data folder and no ambient credentials."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "tests" / "fixtures"

_AMBIENT = (
    "GEMINI_API_KEY",
    "MOCKMATE_GEMINI_MODEL",
    "MOCKMATE_GEMINI_BASE_URL",
    "MOCKMATE_WHISPER_MODEL",
    "MOCKMATE_MICROPHONE",
    "MOCKMATE_FIREBASE_CREDENTIALS",
    "MOCKMATE_FIREBASE_PROJECT_ID",
    "MOCKMATE_FIREBASE_BUCKET",
    "MOCKMATE_FIREBASE_WEB_API_KEY",
    "FIRESTORE_EMULATOR_HOST",
    "STORAGE_EMULATOR_HOST",
    "FIREBASE_AUTH_EMULATOR_HOST",
    "FIREBASE_STORAGE_EMULATOR_HOST",
    "MOCKMATE_FIRESTORE_TRANSPORT",
)


@pytest.fixture(autouse=True)
def mockmate_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "mockmate-home"
    monkeypatch.setenv("MOCKMATE_HOME", str(home))
    for name in _AMBIENT:
        monkeypatch.delenv(name, raising=False)
    # Tests never touch the developer's real keychain; tests/cloud/test_secrets.py hands one in explicitly.
    monkeypatch.setenv("MOCKMATE_KEYRING", "off")
    yield home
