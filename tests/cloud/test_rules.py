"""The repo's firestore.rules, enforced by Google's Firestore emulator, against two users signed up in the
Auth emulator: every cross-user attempt is denied, 7 of 7, over REST and over gRPC (google-cloud-firestore
with the attacker's own token), while the attacker's own folder still works."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import requests

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.domain.resume import ResumeAnalysis
from mockmate_desktop.storage.cloud.config import CloudConfig
from mockmate_desktop.storage.cloud.connect import auth_client
from mockmate_desktop.storage.cloud.firestore_grpc import user_client
from mockmate_desktop.storage.cloud.probes import FirestoreProbes
from tests.cloud.conftest import Emulators
from tests.support.cloud import PASSWORD, unique_email

pytestmark = pytest.mark.cloud
RULES = Path(__file__).resolve().parents[2] / "firestore.rules"
CROSS_USER = 7


def _two_users(app: AppContext) -> tuple[Any, Any]:
    client = auth_client(app)
    return client.sign_up(unique_email("alice"), PASSWORD), client.sign_up(unique_email("mallory"), PASSWORD)


@pytest.fixture
def rules_env(cloud_env: Emulators) -> Emulators:
    if not cloud_env.firestore.enforces_rules:
        pytest.skip("this Firestore emulator does not enforce security rules (the Node fallback)")
    return cloud_env


def test_seven_cross_user_attempts_over_rest_are_denied(rules_env: Emulators) -> None:
    app = AppContext.create()
    alice, mallory = _two_users(app)
    config = CloudConfig.from_settings(app.settings)
    probes = FirestoreProbes(config.firestore_rest_root, mallory.uid, mallory.id_token, alice.uid).run()
    cross = [p for p in probes if not p.should_allow][:CROSS_USER]
    assert len(cross) == CROSS_USER
    denied = [p for p in cross if not p.allowed]
    assert len(denied) == CROSS_USER, [(p.name, p.detail) for p in cross if p.allowed]
    controls = [p for p in probes if p.should_allow]
    assert controls and all(p.allowed for p in controls), [(p.name, p.detail) for p in controls]
    future = next(p for p in probes if "a day ahead" in p.name)
    assert not future.allowed  # a far-future change time cannot be written even into one's own folder


def test_seven_cross_user_attempts_over_grpc_are_denied(rules_env: Emulators) -> None:
    from google.api_core import exceptions as gexc

    app = AppContext.create()
    alice, mallory = _two_users(app)
    config = CloudConfig.from_settings(app.settings)
    db = user_client(config, mallory.id_token)
    victim = f"users/{alice.uid}"
    doc_id = str(uuid4())
    tomb = {"schema": 1, "id": doc_id, "deleted": True, "last_change": datetime.now(UTC)}

    def batch_half() -> None:
        batch = db.batch()
        batch.set(db.document(f"users/{mallory.uid}/interviews/{doc_id}"), tomb)
        batch.set(db.document(f"{victim}/interviews/{doc_id}"), tomb)
        batch.commit()

    attempts = {
        "read": lambda: db.document(f"{victim}/interviews/{doc_id}").get(),
        "write": lambda: db.document(f"{victim}/interviews/{doc_id}").set({**tomb, "deleted": False}),
        "tombstone": lambda: db.document(f"{victim}/interviews/{doc_id}").set(tomb),
        "list another user's interviews": lambda: list(db.collection(f"{victim}/interviews").stream()),
        "list all users": lambda: list(db.collection("users").stream()),
        "collection group": lambda: list(db.collection_group("interviews").stream()),
        "batch half someone else's": batch_half,
    }
    denied = []
    for name, attempt in attempts.items():
        with pytest.raises(gexc.PermissionDenied):
            attempt()
        denied.append(name)
    assert len(denied) == CROSS_USER
    # The half of the batch in mallory's own folder was not written either: batches are all or nothing.
    assert not db.document(f"users/{mallory.uid}/interviews/{doc_id}").get().exists
    db.document(f"users/{mallory.uid}/interviews/{doc_id}").set(tomb)  # own folder: allowed
    assert db.document(f"users/{mallory.uid}/interviews/{doc_id}").get().exists
    db.close()


def test_a_request_without_a_token_is_denied(rules_env: Emulators) -> None:
    app = AppContext.create()
    alice, _ = _two_users(app)
    root = CloudConfig.from_settings(app.settings).firestore_rest_root
    response = requests.get(f"{root}/users/{alice.uid}/interviews", timeout=10)
    assert response.status_code == 403


def test_shape_checks_refuse_unknown_fields_wrong_owner_and_oversized_lists(rules_env: Emulators) -> None:
    from mockmate_desktop.storage.cloud import encode
    from tests.support.ui_sessions import complete_session

    app = AppContext.create()
    alice, _ = _two_users(app)
    db = user_client(CloudConfig.from_settings(app.settings), alice.id_token)
    session = complete_session()
    good = encode.interview_doc(session, alice.uid, {})
    ref = db.document(f"users/{alice.uid}/interviews/{session.id}")
    ref.set(good)  # the app's own document shape passes
    from google.api_core import exceptions as gexc

    for bad in (
        {**good, "admin": True},  # a field the app never writes
        {**good, "owner_uid": "someone-else"},
        {**good, "id": str(uuid4())},  # id must match the document path
        {**good, "engine_notes": ["x"] * 51},
        {**good, "last_change": datetime.now(UTC) + timedelta(hours=1)},
        {**good, "questions": "not a list"},
    ):
        with pytest.raises(gexc.PermissionDenied):
            ref.set(bad)
    db.close()


def test_the_rules_allow_exactly_the_fields_the_app_writes() -> None:
    """A model that gains a field needs the rules updated first, or every sync of it would be refused."""
    text = RULES.read_text()

    def allowed(function: str) -> set[str]:
        body = text.split(f"function {function}(", 1)[1]
        listed = body.split("hasOnly([", 1)[1].split("])", 1)[0]
        return set(re.findall(r"'([a-z0-9_]+)'", listed))

    envelope = {"schema", "deleted", "last_change"}
    assert allowed("isInterview") == set(InterviewSession.model_fields) | envelope | {"sources", "audio_objects", "practice"}
    assert allowed("isAnalysis") == set(ResumeAnalysis.model_fields) | envelope


def test_cloud_check_runs_the_probes_as_throwaway_users_and_cleans_up(
    rules_env: Emulators, capsys: pytest.CaptureFixture[str]
) -> None:
    from firebase_admin import auth

    from mockmate_desktop.cli import main
    from tests.support.cloud import CloudReader

    app = AppContext.create()
    assert main(["cloud", "check"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out and "All 10 checks passed; 2 skipped" in out
    assert "SKIP  storage rules: not checked" in out
    assert out.count("denied as it should be") == 8  # the seven cross-user attempts and the future date
    reader = CloudReader(app)
    try:
        leftovers = [u.email for u in auth.list_users(app=reader._app).iterate_all() if "mockmate-check" in (u.email or "")]
        assert leftovers == []
    finally:
        reader.close()


def test_delete_user_removes_every_document_of_that_user_only(
    rules_env: Emulators, capsys: pytest.CaptureFixture[str]
) -> None:
    from mockmate_desktop.cli import main
    from mockmate_desktop.storage.cloud.connect import connect
    from tests.support.cloud import CloudReader, sign_up
    from tests.support.ui_sessions import complete_session

    app = AppContext.create()
    user = sign_up(app, unique_email("leaving"))
    app.store.save_session(complete_session())
    cloud = connect(app)
    assert cloud.sync().state == "synced"
    cloud.close()
    reader = CloudReader(app)
    try:
        other = reader.db.document("users/someone-staying/interviews/x")
        other.set({"keep": True})
        assert reader.docs(user.uid, "interviews")
        assert main(["cloud", "delete-user", user.uid, "--yes"]) == 0
        assert "document(s)" in capsys.readouterr().out
        assert reader.docs(user.uid, "interviews") == {}
        assert not reader.db.document(f"users/{user.uid}").get().exists
        assert other.get().exists
    finally:
        reader.close()
