"""Helpers for the cloud tests: data folders, sign-in, a resume with a real PDF, reading the cloud back."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any
from uuid import uuid4

from mockmate_desktop.app import AppContext
from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.enums import Source
from mockmate_desktop.domain.resume import ResumeProfile
from mockmate_desktop.storage.cloud import firebase_app
from mockmate_desktop.storage.cloud.auth import SignedInUser
from mockmate_desktop.storage.cloud.config import CloudConfig
from mockmate_desktop.storage.cloud.connect import auth_client, claim_data_folder
from tests.support.firebase_storage import RUNNING, StoredObject
from tests.support.pdfs import single_column_resume

PASSWORD = "correct horse battery"


def app_at(home: Path) -> AppContext:
    """An app on its own data folder (settings still come from the environment, like a second machine)."""
    environ = dict(os.environ, MOCKMATE_HOME=str(home))
    return AppContext.create(AppPaths.from_environment(environ))


def unique_email(tag: str) -> str:
    return f"{tag}-{uuid4().hex[:10]}@example.com"


def sign_up(app: AppContext, email: str, password: str = PASSWORD) -> SignedInUser:
    user = auth_client(app).sign_up(email, password)
    claim_data_folder(app, user.uid)
    return user


def sign_in(app: AppContext, email: str, password: str = PASSWORD) -> SignedInUser:
    user = auth_client(app).sign_in(email, password)
    claim_data_folder(app, user.uid)
    return user


def add_resume(app: AppContext) -> tuple[ResumeProfile, bytes]:
    data = single_column_resume()
    path = app.store.new_resume_path("Asha Verma CV.pdf")
    path.write_bytes(data)
    profile = ResumeProfile(
        source=Source.OFFLINE,
        file_sha256=hashlib.sha256(data).hexdigest(),
        original_name="Asha Verma CV.pdf",
        stored_path=app.store.relative_path(path),
        name="Asha Verma",
        headline="Backend engineer",
        summary="Backend engineer with 6 years building Python services.",
        skills_technical=["Python", "PostgreSQL", "Kubernetes"],
    )
    app.store.save_resume(profile)
    return profile, data


class CloudReader:
    """Reads what sync wrote as an outside observer: Firestore through firebase-admin (the operator's view,
    which bypasses rules), Storage straight from the local v0 server's memory."""

    def __init__(self, app: AppContext) -> None:
        self._app = firebase_app.open_app(CloudConfig.from_settings(app.settings))
        self.db = firebase_app.firestore_client(self._app)
        self.storage = RUNNING[os.environ["FIREBASE_STORAGE_EMULATOR_HOST"]]

    def docs(self, uid: str, collection: str) -> dict[str, dict[str, Any]]:
        return {s.id: s.to_dict() for s in self.db.collection(f"users/{uid}/{collection}").stream()}

    def objects(self, uid: str) -> dict[str, StoredObject]:
        return {n: o for n, o in self.storage.objects.items() if n.startswith(f"users/{uid}/")}

    def close(self) -> None:
        firebase_app.close_app(self._app)
