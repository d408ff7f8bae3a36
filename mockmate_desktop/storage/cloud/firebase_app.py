"""Opening firebase-admin for one project: the user's own service account, or anonymous credentials when
every service points at a local emulator. firebase_admin is imported here, lazily, and nowhere at import."""

from __future__ import annotations

import hashlib
from typing import Any
from uuid import uuid4

from .config import CloudConfig, CloudConfigError

FIREBASE_MISSING = (
    "Cloud sync needs the firebase-admin package; reinstall MockMate (`make setup`) or "
    "`pip install 'firebase-admin>=7,<8'`."
)


def _import_admin() -> Any:
    try:
        import firebase_admin
    except ImportError as exc:
        raise CloudConfigError(FIREBASE_MISSING) from exc
    return firebase_admin


def _anonymous_credential(admin: Any) -> Any:
    """Emulators accept any caller; google-auth's AnonymousCredentials never look for a key file."""
    from firebase_admin import credentials
    from google.auth.credentials import AnonymousCredentials

    class _Anonymous(credentials.Base):  # type: ignore[misc]
        def get_credential(self) -> Any:
            return AnonymousCredentials()  # type: ignore[no-untyped-call]

    return _Anonymous()


def _credential(config: CloudConfig, admin: Any) -> Any:
    from firebase_admin import credentials

    if config.uses_emulators and config.credentials_path is None:
        return _anonymous_credential(admin)
    if config.credentials_path is None or not config.credentials_path.is_file():
        raise CloudConfigError(
            "Set firebase_credentials_path to your service-account JSON file (from your own Firebase project)."
        )
    try:
        return credentials.Certificate(str(config.credentials_path))
    except (ValueError, OSError) as exc:
        # The library's message can quote the file; give the reason type only.
        raise CloudConfigError(
            f"The service-account file {config.credentials_path} is not a valid key ({type(exc).__name__})."
        ) from None


def app_name(config: CloudConfig) -> str:
    """A readable prefix per configuration; each connection adds its own suffix so closing one
    connection never pulls the app out from under another (firebase-admin keeps apps in a registry)."""
    ident = "|".join(
        str(x)
        for x in (
            config.project_id,
            config.credentials_path,
            config.storage_bucket,
            config.firestore_emulator_host,
            config.storage_emulator_host,
            config.auth_emulator_host,
        )
    )
    return "mockmate-" + hashlib.sha256(ident.encode()).hexdigest()[:12]


def open_app(config: CloudConfig) -> Any:
    """A new firebase_admin App for this configuration; release it with `close_app`."""
    config.require_complete()
    admin = _import_admin()
    name = f"{app_name(config)}-{uuid4().hex[:8]}"
    options = {"projectId": config.project_id, "storageBucket": config.storage_bucket}
    return admin.initialize_app(_credential(config, admin), options=options, name=name)


def close_app(app: Any) -> None:
    _import_admin().delete_app(app)


def firestore_client(app: Any) -> Any:
    from firebase_admin import firestore

    return firestore.client(app)


def storage_bucket(app: Any) -> Any:
    from firebase_admin import storage

    return storage.bucket(app=app)


def verified_uid(app: Any, id_token: str) -> str | None:
    """The uid inside a Firebase ID token, checked by firebase-admin (signature, project, expiry).

    None when Google's signing keys cannot be fetched (offline): sync then runs and reports the outage.
    """
    from firebase_admin import auth

    try:
        claims = auth.verify_id_token(id_token, app=app)
    except auth.CertificateFetchError:
        return None
    except (ValueError, auth.InvalidIdTokenError, auth.ExpiredIdTokenError, auth.RevokedIdTokenError) as exc:
        raise CloudConfigError(
            f"The saved sign-in is no longer valid ({type(exc).__name__}); sign in again."
        ) from None
    return str(claims["uid"])
