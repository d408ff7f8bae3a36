"""Pulling the signed-in user's cloud copy into the local store (last writer wins per record)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from ...domain.interview import InterviewSession
from ...domain.resume import ResumeAnalysis, ResumeProfile
from ..protocols import NotFoundError, StoreError
from ..sqlite_store import SqliteStore
from . import encode
from .documents import UserDocuments
from .errors import describe
from .files import UserFiles
from .report import SyncReport
from .scope import ScopeError

INTERVIEWS, RESUMES, ANALYSES = "interviews", "resumes", "resume_analyses"


class Puller:
    def __init__(
        self, store: SqliteStore, docs: UserDocuments, files: UserFiles, *, sync_audio: bool
    ) -> None:
        self.store, self.docs, self.files = store, docs, files
        self.uid = docs.uid
        self.sync_audio = sync_audio

    def run(self, report: SyncReport) -> None:
        steps: tuple[tuple[str, Callable[[dict[str, Any], SyncReport], None]], ...] = (
            (INTERVIEWS, self._pull_interview),
            (RESUMES, self._pull_resume),
            (ANALYSES, self._pull_analysis),
        )
        # A record deleted here but not yet pushed must not come back from the cloud copy.
        deleted_here = {e.entity_id for e in self.store.pending_outbox(limit=1_000_000) if e.op == "delete"}
        for collection, apply in steps:
            for doc_id, doc in self.docs.list(collection):
                if doc_id not in deleted_here:
                    self._guard(report, doc_id, apply, doc)

    def _guard(
        self,
        report: SyncReport,
        doc_id: str,
        apply: Callable[[dict[str, Any], SyncReport], None],
        doc: dict[str, Any],
    ) -> None:
        """A damaged cloud document is reported and skipped; the rest still syncs."""
        try:
            apply(doc, report)
        except (ValidationError, StoreError, ScopeError, ValueError) as exc:
            report.errors.append(f"cloud record {doc_id}: {describe(exc)}")

    def _pull_interview(self, doc: dict[str, Any], report: SyncReport) -> None:
        if doc.get("deleted"):
            self._apply_session_tombstone(UUID(str(doc["id"])), encode.doc_time(doc), report)
            return
        session = encode.session_from_doc(doc)
        if session.owner_uid not in (None, self.uid):
            raise ScopeError(f"session {session.id} belongs to another account")
        if self.sync_audio:
            self._download_audio(session, doc.get("audio_objects") or {}, report)
        if self.store.apply_remote_session(session):
            report.pulled += 1

    def _apply_session_tombstone(self, session_id: UUID, deleted_at: datetime, report: SyncReport) -> None:
        try:
            local = self.store.get_session(session_id)
        except NotFoundError:
            return
        if encode.last_change(local) <= deleted_at:
            self.store.delete_session(session_id)
            report.pulled += 1

    def _download_audio(self, session: InterviewSession, objects: dict[str, str], report: SyncReport) -> None:
        for answer in session.answers:
            name = objects.get(str(answer.id))
            if name and answer.audio_path and not self.store.resolve(answer.audio_path).exists():
                self.files.download(name, self.store.resolve(answer.audio_path))
                report.files_downloaded += 1

    def _pull_resume(self, doc: dict[str, Any], report: SyncReport) -> None:
        if doc.get("deleted"):
            resume_id = UUID(str(doc["id"]))
            try:
                local = self.store.get_resume(resume_id)
            except NotFoundError:
                return
            if local.updated_at <= encode.doc_time(doc):
                self.store.delete_resume(resume_id)
                report.pulled += 1
            return
        profile = ResumeProfile.model_validate(doc["profile"])
        name = doc.get("storage_path")
        if name and profile.stored_path and not self.store.resolve(profile.stored_path).exists():
            self.files.download(str(name), self.store.resolve(profile.stored_path), doc.get("sha256") or None)
            report.files_downloaded += 1
        if self.store.apply_remote_resume(profile):
            report.pulled += 1

    def _pull_analysis(self, doc: dict[str, Any], report: SyncReport) -> None:
        if doc.get("deleted"):
            return  # analyses go with their resume; a lone deleted analysis is rare and harmless to keep
        if self.store.apply_remote_resume_analysis(ResumeAnalysis.model_validate(doc)):
            report.pulled += 1
