"""Operator commands for the project OWNER (`mockmate cloud ...`), run with the owner's service-account key on
a machine the owner trusts; never needed on a candidate's computer. firebase-admin and the Firebase Rules API
bypass security rules by design, which is exactly why they live here and nowhere in sync.

- rules: print the repo's firestore.rules/storage.rules, or deploy them (Firebase Rules API: a ruleset, then
  the `cloud.firestore` and `firebase.storage/{bucket}` releases);
- check: the deployed rules equal the repo's, and isolation holds: two throwaway users are created, the
  cross-user probes run as one of them against the other, then both are deleted with their data;
- delete a user's data on request (Firestore documents below users/{uid}, Storage objects, optionally the
  account).
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...core.secrets import Keychain
from .auth import AuthClient, TokenFile
from .config import CloudConfig, CloudConfigError
from .firebase_app import close_app, firestore_client, open_app, storage_bucket
from .probes import FirestoreProbes, Probe

RULES_API = "https://firebaserules.googleapis.com/v1"
REPO_ROOT = Path(__file__).resolve().parents[3]
SCOPES = ("https://www.googleapis.com/auth/cloud-platform", "https://www.googleapis.com/auth/firebase")


def rules_file(kind: str) -> Path:
    """`firestore` or `storage`: the rules file of this checkout."""
    path = REPO_ROOT / f"{kind}.rules"
    if not path.is_file():
        raise CloudConfigError(f"{path.name} not found: run operator commands from a MockMate checkout.")
    return path


def _normalized(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@dataclass(frozen=True)
class Finding:
    name: str
    ok: bool
    detail: str
    skipped: bool = False  # not checkable where it ran; says where to check it instead


class RulesApi:
    """The Firebase Rules REST API with the owner's service account."""

    def __init__(self, project_id: str, key_file: Path) -> None:
        from google.auth.transport.requests import AuthorizedSession
        from google.oauth2 import service_account

        credentials = service_account.Credentials.from_service_account_file(  # type: ignore[no-untyped-call]
            str(key_file), scopes=SCOPES
        )
        self.http: Any = AuthorizedSession(credentials)  # type: ignore[no-untyped-call]
        self.project = f"projects/{project_id}"

    def _json(self, method: str, url: str, **kwargs: Any) -> dict[str, Any]:
        response = self.http.request(method, url, timeout=30, **kwargs)
        if response.status_code >= 400:
            raise CloudConfigError(f"Rules API {method} {url.rsplit('/', 2)[-2:]}: HTTP {response.status_code}")
        return dict(response.json())

    def release_name(self, kind: str, bucket: str | None) -> str:
        return f"{self.project}/releases/" + ("cloud.firestore" if kind == "firestore" else f"firebase.storage/{bucket}")

    def live_source(self, kind: str, bucket: str | None) -> str:
        release = self._json("GET", f"{RULES_API}/{self.release_name(kind, bucket)}")
        ruleset = self._json("GET", f"{RULES_API}/{release['rulesetName']}")
        return "\n".join(f.get("content", "") for f in ruleset.get("source", {}).get("files", []))

    def deploy(self, kind: str, bucket: str | None) -> str:
        source = rules_file(kind).read_text(encoding="utf-8")
        body = {"source": {"files": [{"name": f"{kind}.rules", "content": source}]}}
        ruleset = str(self._json("POST", f"{RULES_API}/{self.project}/rulesets", json=body)["name"])
        name = self.release_name(kind, bucket)
        release = {"name": name, "rulesetName": ruleset}
        response = self.http.request("PATCH", f"{RULES_API}/{name}", json={"release": release}, timeout=30)
        if response.status_code == 404:  # first deploy: the release does not exist yet
            self._json("POST", f"{RULES_API}/{self.project}/releases", json=release)
        elif response.status_code >= 400:
            raise CloudConfigError(f"Rules API could not update {name}: HTTP {response.status_code}")
        return ruleset


def deploy_rules(config: CloudConfig, key_file: Path) -> list[str]:
    if config.uses_emulators:
        raise CloudConfigError("The emulators load rules from the file at start (--rules); nothing to deploy.")
    api = RulesApi(str(config.project_id), key_file)
    return [api.deploy("firestore", None), api.deploy("storage", config.storage_bucket)]


@contextmanager
def _throwaway_users(config: CloudConfig, admin_app: Any) -> Iterator[tuple[Any, Any]]:
    """Two fresh accounts signed in over REST (as a candidate's app would), deleted with their data after."""
    from firebase_admin import auth

    made: list[str] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            users = []
            for tag in ("victim", "attacker"):
                email = f"mockmate-check-{tag}-{secrets.token_hex(6)}@example.invalid"
                password = secrets.token_urlsafe(18)
                made.append(auth.create_user(email=email, password=password, app=admin_app).uid)
                client = AuthClient(config, TokenFile(Path(tmp) / tag, Keychain(Path(tmp), None)))
                users.append(client.sign_in(email, password))
            yield users[0], users[1]
    finally:
        for uid in made:
            delete_user_data(config, admin_app, uid, delete_account=True)


def check(config: CloudConfig, key_file: Path | None) -> list[Finding]:
    """Rules live and isolation holding, as findings; `ok` False on any one means the project is not safe."""
    config.require_complete()
    findings: list[Finding] = []
    if config.uses_emulators:
        findings.append(
            Finding("rules live", True, "not compared: the emulator has no Rules API (the probes below run)", True)
        )
    else:
        if key_file is None:
            raise CloudConfigError("Pass the project owner's service-account key with --key FILE.")
        api = RulesApi(str(config.project_id), key_file)
        for kind, bucket in (("firestore", None), ("storage", config.storage_bucket)):
            same = _normalized(api.live_source(kind, bucket)) == _normalized(rules_file(kind).read_text())
            findings.append(
                Finding(f"{kind} rules live", same, "match the repo" if same else "differ from the repo: deploy")
            )
    admin_app = open_app(config, key_file)
    try:
        with _throwaway_users(config, admin_app) as (victim, attacker):
            probes = FirestoreProbes(config.firestore_rest_root, attacker.uid, attacker.id_token, victim.uid).run()
            findings += [_finding(p) for p in probes]
            if config.uses_emulators:
                findings.append(
                    Finding(
                        "storage rules",
                        True,
                        "not checked: no Storage rules emulator here; run this against a staging project",
                        skipped=True,
                    )
                )
            else:
                from .storage_probes import storage_probes

                findings += [_finding(p) for p in storage_probes(config, attacker, victim)]
    finally:
        close_app(admin_app)
    return findings


def _finding(probe: Probe) -> Finding:
    verdict = "allowed" if probe.allowed else "denied"
    expected = "as it should be" if probe.ok else "BUT SHOULD NOT BE" if probe.allowed else "but should be allowed"
    return Finding(probe.name, probe.ok, f"{verdict} {expected} ({probe.detail})")


def delete_user_data(
    config: CloudConfig, admin_app: Any, uid: str, *, delete_account: bool = False
) -> tuple[int, int | None]:
    """Remove users/{uid} (every document below it) and every Storage object under users/{uid}/.

    Returns (documents, objects) deleted; objects is None against emulators (no Storage admin API here)."""
    from .scope import check_uid

    check_uid(uid)
    db = firestore_client(admin_app)
    root = db.document(f"users/{uid}")
    documents = int(db.recursive_delete(root) or 0)
    objects: int | None = None
    if config.storage_bucket and not config.uses_emulators:
        objects = _delete_objects(admin_app, uid, documents)
    if delete_account:
        from firebase_admin import auth

        auth.delete_user(uid, app=admin_app)
    return documents, objects


def _delete_objects(admin_app: Any, uid: str, documents: int) -> int:
    objects = 0
    try:
        bucket = storage_bucket(admin_app)
        for blob in bucket.list_blobs(prefix=f"users/{uid}/"):
            blob.delete()
            objects += 1
    except Exception as exc:  # no bucket configured, or Storage unreachable: say so, documents are gone
        raise CloudConfigError(f"Documents deleted ({documents}); Storage objects not: {type(exc).__name__}") from exc
    return objects
