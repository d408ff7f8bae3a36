"""Sign-up, sign-in, wrong password, refresh and sign-out against the real Firebase Auth emulator."""

from __future__ import annotations

import io
import json
import stat

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.cli import main
from mockmate_desktop.storage.cloud.auth import TOKEN_FILE_NAME, AuthError, TokenFile
from mockmate_desktop.storage.cloud.connect import auth_client
from tests.cloud.conftest import Emulators
from tests.support.cloud import PASSWORD, sign_in, sign_up, unique_email

pytestmark = pytest.mark.cloud


def test_sign_up_then_sign_in_gives_the_same_uid_and_a_private_token_file(cloud_env: Emulators) -> None:
    app = AppContext.create()
    email = unique_email("signup")
    created = sign_up(app, email)
    signed_in = sign_in(app, email)

    assert created.uid == signed_in.uid
    assert app.store.owner_uid() == created.uid  # the Firebase uid now owns the local profile
    token_file = app.paths.home / TOKEN_FILE_NAME
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    saved = token_file.read_text()
    assert PASSWORD not in saved
    assert json.loads(saved)["uid"] == created.uid
    assert signed_in.id_token not in repr(signed_in)


def test_wrong_password_and_duplicate_sign_up_are_refused_with_a_clear_reason(cloud_env: Emulators) -> None:
    app = AppContext.create()
    email = unique_email("wrongpw")
    sign_up(app, email)
    client = auth_client(app)
    client.sign_out()

    with pytest.raises(AuthError) as wrong:
        client.sign_in(email, "not the password")
    assert wrong.value.code in {"INVALID_PASSWORD", "INVALID_LOGIN_CREDENTIALS"}
    assert str(wrong.value) == "Wrong email or password."
    assert TokenFile(app.paths.home).load() is None  # a failed sign-in saves nothing

    with pytest.raises(AuthError) as twice:
        client.sign_up(email, PASSWORD)
    assert twice.value.code == "EMAIL_EXISTS"


def test_refresh_keeps_the_account_and_sign_out_forgets_it(cloud_env: Emulators) -> None:
    app = AppContext.create()
    user = sign_up(app, unique_email("refresh"))
    client = auth_client(app)

    fresh = client.refresh(user)
    assert fresh.uid == user.uid
    assert TokenFile(app.paths.home).load() == fresh

    client.sign_out()
    assert client.current_user() is None
    assert not (app.paths.home / TOKEN_FILE_NAME).exists()
    assert app.store.owner_uid() == user.uid  # local data and its owner are kept


def test_account_cli_signup_status_signout(
    cloud_env: Emulators, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    email = unique_email("cli")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["account", "signup", email, "--password-stdin"]) == 0
    assert email in capsys.readouterr().out

    assert main(["account", "status"]) == 0
    out = capsys.readouterr().out
    assert f"Signed in as {email}" in out

    monkeypatch.setattr("sys.stdin", io.StringIO("bad password\n"))
    assert main(["account", "signin", email, "--password-stdin"]) == 1
    assert "Wrong email or password." in capsys.readouterr().err

    assert main(["account", "signout"]) == 0
    assert main(["account", "status"]) == 0
    assert "signed out" in capsys.readouterr().out


def test_an_expired_sign_in_is_refreshed_and_a_tampered_uid_is_refused(cloud_env: Emulators) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime, timedelta

    from mockmate_desktop.storage.cloud.config import CloudConfigError
    from mockmate_desktop.storage.cloud.connect import connect

    app = AppContext.create()
    user = sign_up(app, unique_email("expiry"))
    tokens = TokenFile(app.paths.home)
    tokens.save(replace(user, expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    current = auth_client(app).current_user()
    assert current is not None and current.uid == user.uid and not current.needs_refresh

    other = auth_client(app).sign_up(unique_email("victim"), PASSWORD)
    tokens.save(replace(current, uid=other.uid))  # an edited file: the token inside still says user.uid
    with pytest.raises(CloudConfigError, match="does not match"):
        connect(app)


def test_a_refresh_token_firebase_refuses_asks_the_user_to_sign_in_again(
    cloud_env: Emulators, capsys: pytest.CaptureFixture[str]
) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime, timedelta

    from mockmate_desktop.storage.cloud.auth import SignInRequired
    from mockmate_desktop.storage.cloud.connect import connect

    app = AppContext.create()
    user = sign_up(app, unique_email("revoked"))
    tokens = TokenFile(app.paths.home)
    tokens.save(replace(user, refresh_token="revoked-or-expired", expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    with pytest.raises(SignInRequired, match="sign in again"):
        connect(app)
    assert tokens.load() is None  # forgotten: the app shows "signed out" instead of failing every sync
    assert main(["sync"]) == 1
    assert "Not signed in" in capsys.readouterr().err
