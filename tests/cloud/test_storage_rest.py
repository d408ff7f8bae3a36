"""The Firebase Storage v0 REST client against the protocol-level local server (tests/support): uploads are
multipart with the sha256 in custom metadata and skipped when unchanged, downloads are checksummed, listing
follows pages and sub-folders, another user's folder is refused by the server, and a 401 refreshes the token
once. storage.rules itself is not evaluated here (see docs/cloud-security.md for the staging check)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import requests

from mockmate_desktop.app import AppContext
from mockmate_desktop.storage.cloud import files as files_module
from mockmate_desktop.storage.cloud.auth import UserToken
from mockmate_desktop.storage.cloud.config import CloudConfig
from mockmate_desktop.storage.cloud.connect import auth_client
from mockmate_desktop.storage.cloud.errors import CloudHTTPError, is_transient
from mockmate_desktop.storage.cloud.files import UserFiles
from mockmate_desktop.storage.cloud.scope import ScopeError
from tests.cloud.conftest import Emulators
from tests.support.cloud import PASSWORD, unique_email

pytestmark = pytest.mark.cloud


def _files(app: AppContext, tag: str) -> tuple[UserFiles, UserToken]:
    client = auth_client(app)
    user = client.sign_up(unique_email(tag), PASSWORD)
    token = UserToken(client, user)
    return UserFiles(CloudConfig.from_settings(app.settings).storage_rest_root, token), token


def test_upload_is_multipart_idempotent_and_downloads_are_checksummed(cloud_env: Emulators, tmp_path: Path) -> None:
    app = AppContext.create()
    files, token = _files(app, "files")
    source = tmp_path / "cv.pdf"
    source.write_bytes(b"%PDF-1.4 first")
    seen_before = len(cloud_env.storage.requests)
    name, sent = files.upload(("resumes", "r1.pdf"), source, "application/pdf")
    assert sent and name == f"users/{token.uid}/resumes/r1.pdf"
    stored = cloud_env.storage.objects[name]
    assert stored.content_type == "application/pdf" and stored.data == b"%PDF-1.4 first"
    assert stored.custom["sha256"] == files_module.sha256_of(source)
    assert ("POST", f"/v0/b/{cloud_env.storage.bucket}/o") in cloud_env.storage.requests[seen_before:]
    assert files.upload(("resumes", "r1.pdf"), source, "application/pdf") == (name, False)  # unchanged: skipped
    source.write_bytes(b"%PDF-1.4 second")
    assert files.upload(("resumes", "r1.pdf"), source, "application/pdf")[1]
    assert cloud_env.storage.metadata(name, cloud_env.storage.objects[name])["generation"] == "2"

    dest = tmp_path / "copy.pdf"
    files.download(name, dest, files_module.sha256_of(source))
    assert dest.read_bytes() == b"%PDF-1.4 second"
    with pytest.raises(ValueError, match="checksum"):
        files.download(name, tmp_path / "bad.pdf", "0" * 64)
    assert not (tmp_path / "bad.pdf").exists()
    assert files.content_type(name) == "application/pdf"
    files.delete_object(name)
    assert not files.exists(name)
    files.delete_object(name)  # deleting what is gone is fine (idempotent replays)


def test_listing_follows_pages_and_folders_and_delete_prefix_keeps_siblings(
    cloud_env: Emulators, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files_module, "LIST_PAGE", 2)
    app = AppContext.create()
    files, _ = _files(app, "listing")
    wav = tmp_path / "a.wav"
    wav.write_bytes(b"RIFF....WAVE")
    for i in range(5):
        files.upload(("interviews", "s1", "audio", f"a{i}.wav"), wav, "audio/wav")
    files.upload(("interviews", "s10", "audio", "keep.wav"), wav, "audio/wav")
    assert len(files.list_names()) == 6
    assert files.delete_prefix("interviews", "s1") == 5
    assert [n.rsplit("/", 1)[-1] for n in files.list_names()] == ["keep.wav"]


def test_another_users_folder_is_refused_by_the_client_and_by_the_server(cloud_env: Emulators) -> None:
    app = AppContext.create()
    _alice, alice_token = _files(app, "alice")
    mallory, mallory_token = _files(app, "mallory")
    with pytest.raises(ScopeError):
        mallory.exists(f"users/{alice_token.uid}/resumes/r.pdf")
    # An attacker skipping the client's own checks meets the server's refusal instead.
    root = CloudConfig.from_settings(app.settings).storage_rest_root
    response = requests.get(
        f"{root}/users%2F{alice_token.uid}%2Fresumes%2Fr.pdf",
        headers={"Authorization": f"Firebase {mallory_token.get()}"},
        timeout=10,
    )
    assert response.status_code == 403 and response.json()["error"]["code"] == 403
    unauthenticated = requests.get(f"{root}/users%2F{alice_token.uid}%2Fresumes%2Fr.pdf", timeout=10)
    assert unauthenticated.status_code == 401


def test_a_rejected_token_is_refreshed_once_and_the_call_succeeds(cloud_env: Emulators, tmp_path: Path) -> None:
    app = AppContext.create()
    files, token = _files(app, "refresh")
    stale = token.get()
    cloud_env.storage.reject_once.add(stale)
    assert not files.exists(files.object_name("resumes", "none.pdf"))  # answered after one refresh
    assert token.generation == 1 and not cloud_env.storage.reject_once


def test_a_refused_call_is_not_retried_as_if_the_network_failed(cloud_env: Emulators, tmp_path: Path) -> None:
    app = AppContext.create()
    files, _token = _files(app, "denied")
    cloud_env.storage.allow = lambda *_args: False  # type: ignore[assignment]
    try:
        with pytest.raises(CloudHTTPError) as caught:
            files.exists(files.object_name("resumes", "x.pdf"))
    finally:
        from tests.support.firebase_storage import own_folder_only

        cloud_env.storage.allow = own_folder_only
    assert caught.value.permission_denied and not is_transient(caught.value)


def test_token_refresh_is_automatic_when_close_to_expiry(cloud_env: Emulators) -> None:
    from datetime import UTC, datetime, timedelta

    app = AppContext.create()
    client = auth_client(app)
    user = client.sign_up(unique_email("expiring"), PASSWORD)
    token = UserToken(client, replace(user, expires_at=datetime.now(UTC) + timedelta(minutes=1)))
    fresh = token.get()
    assert token.generation == 1 and token.user.expires_at > datetime.now(UTC) + timedelta(minutes=30)
    assert token.get() == fresh and token.generation == 1  # no refresh while the token is good
