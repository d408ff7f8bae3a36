"""Secrets at rest: the Gemini key and the cloud tokens go to a keychain when one is there (a real keyring
backend handed in explicitly, so the developer's own keychain is never touched), else to the 0600 files."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from pydantic import SecretStr

from mockmate_desktop.core import secrets
from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.core.secrets import Keychain, system_keyring
from mockmate_desktop.core.settings import load_settings, save_settings
from mockmate_desktop.storage.cloud.auth import SignedInUser, TokenFile


@pytest.fixture
def keyring_backend(tmp_path: Path) -> PlaintextKeyring:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    return backend


def test_tokens_go_to_the_keychain_and_the_file_keeps_only_who_is_signed_in(
    tmp_path: Path, keyring_backend: PlaintextKeyring
) -> None:
    tokens = TokenFile(tmp_path, Keychain(tmp_path, keyring_backend))
    user = SignedInUser("uidA", "a@example.com", "ID.TOKEN", "REFRESH.TOKEN", datetime.now(UTC), "p")
    tokens.save(user)
    on_disk = tokens.path.read_text()
    assert "REFRESH.TOKEN" not in on_disk and "ID.TOKEN" not in on_disk and "uidA" in on_disk
    assert stat.S_IMODE(tokens.path.stat().st_mode) == 0o600
    assert tokens.load() == user
    tokens.clear()
    assert tokens.load() is None
    assert keyring_backend.get_password(secrets.SERVICE, f"cloud_tokens@{tmp_path}") is None


def test_without_a_keychain_the_tokens_stay_in_the_private_file(tmp_path: Path) -> None:
    tokens = TokenFile(tmp_path, Keychain(tmp_path, None))
    user = SignedInUser("uidA", "a@example.com", "ID.TOKEN", "REFRESH.TOKEN", datetime.now(UTC), "p")
    tokens.save(user)
    assert json.loads(tokens.path.read_text())["refresh_token"] == "REFRESH.TOKEN"
    assert stat.S_IMODE(tokens.path.stat().st_mode) == 0o600


def test_the_gemini_key_moves_into_the_keychain_on_save(
    tmp_path: Path, keyring_backend: PlaintextKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(secrets, "system_keyring", lambda environ=None: keyring_backend)
    paths = AppPaths.from_environment({"MOCKMATE_HOME": str(tmp_path / "home")}).ensure()
    settings = load_settings(paths.settings_path)
    settings.gemini_api_key = SecretStr("AIzaGEMINIKEY0000000000")
    save_settings(settings, paths.settings_path)
    assert "AIzaGEMINIKEY" not in paths.settings_path.read_text()
    again = load_settings(paths.settings_path)
    assert again.gemini_api_key is not None and again.gemini_api_key.get_secret_value() == "AIzaGEMINIKEY0000000000"
    again.gemini_api_key = None
    save_settings(again, paths.settings_path)
    assert load_settings(paths.settings_path).gemini_api_key is None


def test_pretend_keychains_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: PlaintextKeyring())
    assert system_keyring({}) is None  # keyrings.alt's plaintext file is no better than our 0600 file
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert system_keyring({}) is None
    assert system_keyring({"MOCKMATE_KEYRING": "off"}) is None
