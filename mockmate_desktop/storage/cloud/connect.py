"""Wiring for callers (CLI, GUI worker): settings -> signed-in user -> the user's token -> sync engine.

The client acts only as the signed-in user: the ID token is its one credential, and the project's security
rules decide what it may touch. No service-account key is read here (see docs/cloud-security.md).

Everything that can stop sync (not configured, signed out, sign-in expired, another account's data folder)
raises `CloudConfigError` or `AuthError` with a sentence the user can act on. The last sync's outcome is kept
in `cloud-sync-state.json` so the status is visible without going online.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...core.files import atomic_write_text
from ..errors import StoreError
from .auth import AuthClient, SignedInUser, TokenFile, UserToken, token_uid
from .config import CloudConfig, CloudConfigError
from .files import UserFiles
from .firestore_rest import RestDocuments
from .host import CloudHost
from .pull import Documents
from .quarantine import Quarantine
from .report import RetryPolicy, SyncReport
from .scope import user_path
from .sync import SyncEngine

STATE_FILE_NAME = "cloud-sync-state.json"


def cloud_config(host: CloudHost) -> CloudConfig:
    return CloudConfig.from_settings(host.settings)


def auth_client(host: CloudHost) -> AuthClient:
    config = cloud_config(host)
    if not config.configured:
        raise CloudConfigError(
            "Cloud sync is not set up: set firebase_project_id (and the rest) in Settings."
        )
    return AuthClient(config, TokenFile(host.paths.home))


def claim_data_folder(host: CloudHost, uid: str) -> None:
    """The first account to sign in owns this data folder's profile; another account is refused so that
    one person's interviews are never uploaded into someone else's cloud folder."""
    owner = host.store.owner_uid()
    if owner is None:
        host.store.set_owner_uid(uid)
    elif owner != uid:
        raise CloudConfigError(
            "This data folder belongs to another cloud account; sign in as that account, or use a separate "
            "data folder (MOCKMATE_HOME) for this one."
        )


def documents_for(config: CloudConfig, token: UserToken) -> Documents:
    """Firestore as the user: REST by default, gRPC when MOCKMATE_FIRESTORE_TRANSPORT=grpc."""
    if config.transport == "grpc":
        from .firestore_grpc import GrpcDocuments

        return GrpcDocuments(config, token)
    return RestDocuments(config.firestore_rest_root, token)


@dataclass
class CloudSession:
    """An open connection for one signed-in user."""

    host: CloudHost
    token: UserToken
    engine: SyncEngine

    @property
    def user(self) -> SignedInUser:
        return self.token.user

    def sync(self) -> SyncReport:
        report = self.engine.run_once()
        save_state(self.host, report)
        return report

    def close(self) -> None:
        """Release the HTTP sessions (or the gRPC channel)."""
        for part in (self.engine.docs, self.engine.files):
            closer = getattr(part, "close", None)
            if closer is not None:
                closer()


def connect(
    host: CloudHost,
    *,
    retry: RetryPolicy | None = None,
    batch_size: int = 200,
    cancel: threading.Event | None = None,
    on_batch: Callable[[SyncReport], None] | None = None,
) -> CloudSession:
    config = cloud_config(host)
    config.require_complete()
    auth = auth_client(host)
    user = auth.current_user()  # refreshed here when close to expiry; SignInRequired when refused
    if user is None:
        raise CloudConfigError("Not signed in: run `mockmate account signin` (or sign in from Settings).")
    if token_uid(user.id_token) != user.uid:
        raise CloudConfigError("The saved sign-in does not match its account; sign in again.")
    claim_data_folder(host, user.uid)
    token = UserToken(auth, user)
    engine = SyncEngine(
        host.store,
        documents_for(config, token),
        UserFiles(config.storage_rest_root, token),
        Quarantine(host.paths.home),
        sync_audio=config.sync_answer_audio,
        batch_size=batch_size,
        retry=retry,
        cancel=cancel,
        on_batch=on_batch,
        user_doc=_user_doc(host, user),
    )
    return CloudSession(host, token, engine)


def _user_doc(host: CloudHost, user: SignedInUser) -> dict[str, Any]:
    """`users/{uid}`: the profile and the preferences worth carrying between machines (no secrets, no paths)."""
    s = host.settings
    return {
        "profile": {"uid": user.uid, "email": user.email, "path": user_path(user.uid)},
        "preferences": {
            "whisper_model": s.whisper_model,
            "tts_voice_en": s.tts_voice_en,
            "tts_voice_hi": s.tts_voice_hi,
            "tts_voice_fr": s.tts_voice_fr,
            "tts_rate_wpm": s.tts_rate_wpm,
            "silence_to_stop_s": s.silence_to_stop_s,
            "first_word_grace_s": s.first_word_grace_s,
            "max_answer_s": s.max_answer_s,
            "sync_answer_audio": s.sync_answer_audio,
        },
    }


def save_state(host: CloudHost, report: SyncReport) -> None:
    atomic_write_text(host.paths.home / STATE_FILE_NAME, json.dumps(report.to_json()))


def status_text(host: CloudHost) -> str:
    """synced / N pending / error with reason / not set up / signed out: for `mockmate account status` and
    the status bar. Never goes online."""
    config = cloud_config(host)
    if not config.configured:
        return "Cloud sync off (local profile only)."
    problems = config.problems()
    if problems:
        return "Cloud sync not set up: " + problems[0] + "."
    user = TokenFile(host.paths.home).load()
    if user is None or user.project_id != config.project_id:
        return "Cloud sync: signed out."
    try:
        pending = host.store.outbox_counts()["pending"]
    except StoreError as exc:
        return f"Cloud sync error: {exc}"
    try:
        last = json.loads((host.paths.home / STATE_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = {}
    if last.get("errors"):
        return f"Cloud sync error: {last['errors'][0]} ({pending} change(s) waiting)."
    return "Synced." if pending == 0 else f"{pending} change(s) waiting to sync."
