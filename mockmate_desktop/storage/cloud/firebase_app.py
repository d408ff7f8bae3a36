"""Opening firebase-admin for the project OWNER's operator commands (`mockmate cloud ...`), never for sync:
the owner's service account, or anonymous credentials when every service points at a local emulator.
firebase-admin bypasses security rules by design, so nothing a candidate runs reaches this module.
firebase_admin is imported here, lazily, and nowhere at import."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from uuid import uuid4

from .config import CloudConfig, CloudConfigError

FIREBASE_MISSING = (
    "Operator commands need firebase-admin (the project owner's tools, not needed for sync): "
    "`pip install 'mockmate-desktop[operator]'` or `pip install 'firebase-admin>=7,<8'`."
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


def _credential(config: CloudConfig, key_file: Path | None, admin: Any) -> Any:
    from firebase_admin import credentials

    if key_file is None:
        if config.uses_emulators:
            return _anonymous_credential(admin)
        raise CloudConfigError(
            "Operator commands need the project owner's service-account key: pass --key FILE "
            "(never needed, nor to be copied, on a candidate's computer)."
        )
    if not key_file.is_file():
        raise CloudConfigError(f"The service-account key {key_file} does not exist.")
    try:
        return credentials.Certificate(str(key_file))
    except (ValueError, OSError) as exc:
        # The library's message can quote the file; give the reason type only.
        raise CloudConfigError(f"{key_file} is not a valid service-account key ({type(exc).__name__}).") from None


def app_name(config: CloudConfig) -> str:
    """A readable prefix per configuration; each connection adds its own suffix so closing one
    connection never pulls the app out from under another (firebase-admin keeps apps in a registry)."""
    ident = "|".join(
        str(x) for x in (config.project_id, config.storage_bucket, config.firestore_emulator_host)
    )
    return "mockmate-admin-" + hashlib.sha256(ident.encode()).hexdigest()[:12]


def open_app(config: CloudConfig, key_file: Path | None = None) -> Any:
    """A new firebase_admin App for this project; release it with `close_app`."""
    if not config.project_id:
        raise CloudConfigError("Set the Firebase project id first (firebase_project_id).")
    admin = _import_admin()
    name = f"{app_name(config)}-{uuid4().hex[:8]}"
    options = {"projectId": config.project_id, "storageBucket": config.storage_bucket}
    return admin.initialize_app(_credential(config, key_file, admin), options=options, name=name)


def close_app(app: Any) -> None:
    _import_admin().delete_app(app)


def firestore_client(app: Any) -> Any:
    from firebase_admin import firestore

    return firestore.client(app)


def storage_bucket(app: Any) -> Any:
    from firebase_admin import storage

    return storage.bucket(app=app)
