"""Which Firebase project to talk to: the project id, the web API key and the bucket, nothing else. None of
them is a secret that grants access: access comes from the user's own sign-in, checked by the project's
security rules. Emulator hosts (set by tests or developers) switch every client to local emulators."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ...core.settings import Settings

AUTH_EMULATOR_ENV = "FIREBASE_AUTH_EMULATOR_HOST"
FIRESTORE_EMULATOR_ENV = "FIRESTORE_EMULATOR_HOST"
# The Firebase Storage emulator's variable (the v0 REST API), not STORAGE_EMULATOR_HOST (GCS JSON API).
STORAGE_EMULATOR_ENV = "FIREBASE_STORAGE_EMULATOR_HOST"
TRANSPORT_ENV = "MOCKMATE_FIRESTORE_TRANSPORT"
Transport = Literal["rest", "grpc"]


class CloudConfigError(Exception):
    """Cloud sync is not (fully) configured; the message says what to set."""


@dataclass(frozen=True)
class CloudConfig:
    project_id: str | None
    storage_bucket: str | None
    web_api_key: str | None = None
    auth_emulator_host: str | None = None
    firestore_emulator_host: str | None = None
    storage_emulator_host: str | None = None
    sync_answer_audio: bool = False
    # Firestore over its REST API (default, see docs/cloud-security.md for the measurement) or gRPC.
    transport: Transport = "rest"
    # A service-account key named by an older set-up; never opened by the client, only reported by doctor.
    legacy_key_file: Path | None = None

    def __repr__(self) -> str:  # the web API key is not a password, but it never needs to be printed
        key = "set" if self.web_api_key else "not set"
        return (
            f"CloudConfig(project_id={self.project_id!r}, storage_bucket={self.storage_bucket!r}, "
            f"web_api_key={key}, transport={self.transport}, emulators={self.uses_emulators})"
        )

    @classmethod
    def from_settings(cls, settings: Settings, environ: Mapping[str, str] | None = None) -> CloudConfig:
        env = os.environ if environ is None else environ
        key = (
            settings.firebase_web_api_key.get_secret_value().strip() if settings.firebase_web_api_key else ""
        )
        legacy = (settings.firebase_credentials_path or "").strip()
        transport: Transport = "grpc" if env.get(TRANSPORT_ENV, "").strip().lower() == "grpc" else "rest"
        return cls(
            project_id=(settings.firebase_project_id or "").strip() or None,
            storage_bucket=(settings.firebase_storage_bucket or "").strip() or None,
            web_api_key=key or None,
            auth_emulator_host=env.get(AUTH_EMULATOR_ENV) or None,
            firestore_emulator_host=env.get(FIRESTORE_EMULATOR_ENV) or None,
            storage_emulator_host=env.get(STORAGE_EMULATOR_ENV) or None,
            sync_answer_audio=settings.sync_answer_audio,
            transport=transport,
            legacy_key_file=Path(legacy).expanduser() if legacy else None,
        )

    @property
    def configured(self) -> bool:
        """True when the user asked for cloud sync at all (a project id is the switch)."""
        return bool(self.project_id)

    @property
    def uses_emulators(self) -> bool:
        return bool(self.firestore_emulator_host)

    @property
    def auth_base_urls(self) -> tuple[str, str]:
        """(Identity Toolkit base, Secure Token base); the Auth emulator serves both under its own host."""
        if self.auth_emulator_host:
            root = f"http://{self.auth_emulator_host}"
            return f"{root}/identitytoolkit.googleapis.com/v1", f"{root}/securetoken.googleapis.com/v1"
        return "https://identitytoolkit.googleapis.com/v1", "https://securetoken.googleapis.com/v1"

    @property
    def firestore_rest_root(self) -> str:
        """`.../v1/projects/P/databases/(default)/documents` on Google or on the emulator."""
        host = f"http://{self.firestore_emulator_host}" if self.firestore_emulator_host else (
            "https://firestore.googleapis.com"
        )
        return f"{host}/v1/projects/{self.project_id}/databases/(default)/documents"

    @property
    def storage_rest_root(self) -> str:
        """The Firebase Storage REST API (v0) for the bucket: the one Storage API that takes ID tokens."""
        host = self.storage_emulator_host or "https://firebasestorage.googleapis.com"
        if not host.startswith(("http://", "https://")):
            host = f"http://{host}"
        return f"{host.rstrip('/')}/v0/b/{self.storage_bucket}/o"

    def problems(self) -> list[str]:
        """What is missing for sync to work; empty when complete."""
        if not self.configured:
            return ["no Firebase project id (settings: firebase_project_id, or MOCKMATE_FIREBASE_PROJECT_ID)"]
        found: list[str] = []
        if not self.storage_bucket:
            found.append("no Cloud Storage bucket (firebase_storage_bucket, or MOCKMATE_FIREBASE_BUCKET)")
        if not self.web_api_key and not self.auth_emulator_host:
            found.append(
                "no web API key for sign-in (firebase_web_api_key, or MOCKMATE_FIREBASE_WEB_API_KEY)"
            )
        return found

    def require_complete(self) -> None:
        found = self.problems()
        if found:
            raise CloudConfigError("Cloud sync is not set up: " + "; ".join(found) + ".")
