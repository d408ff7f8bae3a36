"""Offline parts of cloud sync: the uid scoping rule, configuration problems, doctor checks, token hygiene."""

from __future__ import annotations

import json
import logging
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.cli import main
from mockmate_desktop.core.diagnostics import CheckStatus
from mockmate_desktop.core.secrets import Keychain
from mockmate_desktop.storage.cloud.auth import SignedInUser, TokenFile
from mockmate_desktop.storage.cloud.config import CloudConfig, CloudConfigError
from mockmate_desktop.storage.cloud.connect import status_text
from mockmate_desktop.storage.cloud.diagnostics import diagnose
from mockmate_desktop.storage.cloud.scope import ScopeError, require_in_scope, user_path
from tests.support.ui_sessions import complete_session


def test_every_path_is_built_under_the_signed_in_uid() -> None:
    assert user_path("uid_A-1") == "users/uid_A-1"
    assert user_path("uidA", "interviews", "5b0c") == "users/uidA/interviews/5b0c"
    assert user_path("uidA", "resumes", "1234.pdf") == "users/uidA/resumes/1234.pdf"


@pytest.mark.parametrize(
    "parts",
    [("..", "uidB"), ("interviews/../../uidB",), ("",), (".",), ("a b",), ("interviews", "x/y")],
)
def test_path_segments_that_could_escape_are_refused(parts: tuple[str, ...]) -> None:
    with pytest.raises(ScopeError):
        user_path("uidA", *parts)


@pytest.mark.parametrize("uid", ["", "a/b", "..", "x" * 129, "uid with space"])
def test_malformed_uids_are_refused(uid: str) -> None:
    with pytest.raises(ScopeError):
        user_path(uid, "interviews")


@pytest.mark.parametrize(
    "path",
    ["users/uidB/interviews/1", "users/uidAB/interviews/1", "users/uidA/../uidB/x", "users", "other/uidA/x",
     "users/uidA//x", "users/uidAx"],
)
def test_paths_outside_the_users_own_folder_are_refused(path: str) -> None:
    with pytest.raises(ScopeError):
        require_in_scope("uidA", path)


def test_paths_inside_the_users_folder_pass() -> None:
    assert require_in_scope("uidA", "users/uidA") == "users/uidA"
    assert require_in_scope("uidA", "users/uidA/resumes/1.pdf") == "users/uidA/resumes/1.pdf"


def test_without_cloud_configuration_the_app_uses_a_local_profile(capsys: pytest.CaptureFixture[str]) -> None:
    app = AppContext.create()
    assert not CloudConfig.from_settings(app.settings).configured
    assert status_text(app) == "Cloud sync off (local profile only)."
    check = diagnose(app)[0]
    assert check.status is CheckStatus.OK and "local profile" in check.detail
    assert main(["sync"]) == 1
    assert "not set up" in capsys.readouterr().err


def test_missing_settings_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MOCKMATE_FIREBASE_PROJECT_ID", "my-project")
    app = AppContext.create()
    config = CloudConfig.from_settings(app.settings)
    problems = " ".join(config.problems())
    assert "bucket" in problems and "web API key" in problems
    assert "service-account" not in problems  # a key file is no part of the client's configuration
    with pytest.raises(CloudConfigError):
        config.require_complete()
    checks = {c.name: c for c in diagnose(app)}
    assert checks["cloud configuration"].status is CheckStatus.FAIL


def test_a_set_up_naming_a_key_file_is_told_the_new_model_and_the_key_is_never_opened(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    key = tmp_path / "sa.json"
    secret = "-----BEGIN PRIVATE KEY-----\nTOPSECRET\n-----END PRIVATE KEY-----\n"
    key.write_text(json.dumps({"type": "service_account", "project_id": "my-project", "private_key": secret,
                               "private_key_id": "abcdef123456", "client_email": "sync@my-project.iam.example"}))
    key.chmod(0o000)  # unreadable: any attempt to open it would raise, and the checks below would show it
    for name, value in {"MOCKMATE_FIREBASE_PROJECT_ID": "my-project", "MOCKMATE_FIREBASE_CREDENTIALS": str(key),
                        "MOCKMATE_FIREBASE_BUCKET": "my-project.appspot.com",
                        "MOCKMATE_FIREBASE_WEB_API_KEY": "AIzaFAKEKEY1234567890"}.items():
        monkeypatch.setenv(name, value)
    caplog.set_level(logging.DEBUG)
    app = AppContext.create()
    session = complete_session()
    app.store.save_session(session)  # local data of the old set-up
    real_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object) -> object:
        assert self != key, "the client opened the service-account key"
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded_open)
    checks = {c.name: c for c in diagnose(app)}
    assert checks["cloud configuration"].status is CheckStatus.OK
    legacy = checks["cloud service-account key"]
    assert legacy.status is CheckStatus.WARN and "no longer reads it" in legacy.detail
    assert "local data is kept" in legacy.detail and "firebase_credentials_path" in legacy.fix
    assert checks["cloud sign-in"].status is CheckStatus.WARN
    assert "0600" in checks["secrets at rest"].detail  # no keychain in tests: the private files
    shown = json.dumps([c.to_json() for c in checks.values()]) + caplog.text
    shown += repr(CloudConfig.from_settings(app.settings))
    assert "sync@my-project" not in shown and "AIzaFAKEKEY" not in shown
    assert app.store.get_session(session.id).id == session.id


def test_token_file_is_private_and_a_damaged_one_means_signed_out(tmp_path: Path) -> None:
    tokens = TokenFile(tmp_path, Keychain(tmp_path, None))
    user = SignedInUser("uidA", "a@example.com", "ID.TOKEN", "REFRESH", datetime.now(UTC), "p")
    tokens.save(user)
    assert stat.S_IMODE(tokens.path.stat().st_mode) == 0o600
    assert tokens.load() == user
    assert "ID.TOKEN" not in repr(user) and "REFRESH" not in repr(user)
    tokens.path.write_text("{not json")
    assert tokens.load() is None
