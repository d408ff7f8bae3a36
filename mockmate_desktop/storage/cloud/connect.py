"""Wiring for callers (CLI, GUI worker): settings -> signed-in user -> firebase-admin -> sync engine.

Everything that can stop sync (not configured, signed out, another account's data folder) raises
`CloudConfigError` with a sentence the user can act on. The last sync's outcome is kept in
`cloud-sync-state.json` so the status is visible without going online.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...app import AppContext
from ...core.files import atomic_write_text
from ..protocols import StoreError
from . import firebase_app
from .auth import AuthClient, SignedInUser, TokenFile
from .config import CloudConfig, CloudConfigError
from .documents import UserDocuments
from .files import UserFiles
from .report import RetryPolicy, SyncReport
from .scope import user_path
from .sync import SyncEngine

STATE_FILE_NAME = "cloud-sync-state.json"


def cloud_config(app: AppContext) -> CloudConfig:
    return CloudConfig.from_settings(app.settings)


def auth_client(app: AppContext) -> AuthClient:
    config = cloud_config(app)
    if not config.configured:
        raise CloudConfigError(
            "Cloud sync is not set up: set firebase_project_id (and the rest) in Settings."
        )
    return AuthClient(config, TokenFile(app.paths.home))


def claim_data_folder(app: AppContext, uid: str) -> None:
    """The first account to sign in owns this data folder's profile; another account is refused so that
    one person's interviews are never uploaded into someone else's cloud folder."""
    owner = app.store.owner_uid()
    if owner is None:
        app.store.set_owner_uid(uid)
    elif owner != uid:
        raise CloudConfigError(
            "This data folder belongs to another cloud account; sign in as that account, or use a separate "
            "data folder (MOCKMATE_HOME) for this one."
        )


@dataclass
class CloudSession:
    """An open connection for one signed-in user; close it to release firebase-admin's app."""

    app_context: AppContext
    user: SignedInUser
    engine: SyncEngine
    _firebase: Any

    def sync(self) -> SyncReport:
        report = self.engine.run_once()
        save_state(self.app_context, report)
        return report

    def close(self) -> None:
        firebase_app.close_app(self._firebase)


def connect(
    app: AppContext,
    *,
    retry: RetryPolicy | None = None,
    batch_size: int = 200,
    cancel: threading.Event | None = None,
    on_batch: Callable[[SyncReport], None] | None = None,
) -> CloudSession:
    config = cloud_config(app)
    config.require_complete()
    user = auth_client(app).current_user()
    if user is None:
        raise CloudConfigError("Not signed in: run `mockmate account signin` (or sign in from Settings).")
    fb = firebase_app.open_app(config)
    try:
        if firebase_app.verified_uid(fb, user.id_token) not in (None, user.uid):
            raise CloudConfigError("The saved sign-in does not match its account; sign in again.")
        claim_data_folder(app, user.uid)
        docs = UserDocuments(firebase_app.firestore_client(fb), user.uid)
        files = UserFiles(firebase_app.storage_bucket(fb), user.uid)
        engine = SyncEngine(
            app.store,
            docs,
            files,
            sync_audio=config.sync_answer_audio,
            batch_size=batch_size,
            retry=retry,
            cancel=cancel,
            on_batch=on_batch,
            user_doc=_user_doc(app, user),
        )
    except BaseException:
        firebase_app.close_app(fb)
        raise
    return CloudSession(app, user, engine, fb)


def _user_doc(app: AppContext, user: SignedInUser) -> dict[str, Any]:
    """`users/{uid}`: the profile and the preferences worth carrying between machines (no secrets, no paths)."""
    s = app.settings
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


def save_state(app: AppContext, report: SyncReport) -> None:
    atomic_write_text(app.paths.home / STATE_FILE_NAME, json.dumps(report.to_json()))


def status_text(app: AppContext) -> str:
    """synced / N pending / error with reason / not set up / signed out: for `mockmate account status` and
    the status bar. Never goes online."""
    config = cloud_config(app)
    if not config.configured:
        return "Cloud sync off (local profile only)."
    problems = config.problems()
    if problems:
        return "Cloud sync not set up: " + problems[0] + "."
    user = TokenFile(app.paths.home).load()
    if user is None or user.project_id != config.project_id:
        return "Cloud sync: signed out."
    try:
        pending = app.store.outbox_counts()["pending"]
    except StoreError as exc:
        return f"Cloud sync error: {exc}"
    try:
        last = json.loads((app.paths.home / STATE_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = {}
    if last.get("errors"):
        return f"Cloud sync error: {last['errors'][0]} ({pending} change(s) waiting)."
    return "Synced." if pending == 0 else f"{pending} change(s) waiting to sync."
