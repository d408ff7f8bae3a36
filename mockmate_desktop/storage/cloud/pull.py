"""Pulling the signed-in user's cloud copy into the local store (last writer wins per record).

Nothing in the cloud is trusted to be well formed or honestly dated:
- a document that fails validation is quarantined (reported once, skipped after) and the rest goes on;
- change times more than a few minutes in the future are clamped to now and flagged. Such a record never
  wins: where a local copy exists it is kept (and written back over the bad one), and a future-dated
  tombstone never deletes anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol
from uuid import UUID

from pydantic import ValidationError

from ...domain.interview import InterviewSession
from ...domain.resume import ResumeAnalysis, ResumeProfile
from ..errors import NotFoundError, StoreError
from ..sqlite_store import SqliteStore
from . import encode
from .errors import describe
from .files import UserFiles
from .firestore_rest import UNDECODABLE
from .quarantine import Quarantine
from .report import SyncReport
from .scope import ScopeError

INTERVIEWS, RESUMES, ANALYSES = "interviews", "resumes", "resume_analyses"
Target = tuple[Literal["interview", "resume", "analysis"], str]


class Documents(Protocol):
    """What sync needs of Firestore; RestDocuments and GrpcDocuments both provide it for one uid."""

    uid: str

    def get_many(self, paths: Any) -> dict[str, dict[str, Any] | None]: ...
    def list(self, *collection: str) -> list[tuple[str, dict[str, Any]]]: ...
    def set_many(self, writes: Any) -> None: ...
    def set(self, parts: Any, data: dict[str, Any]) -> None: ...


class InvalidRemote(ValueError):
    """A cloud document this app cannot accept as it is."""


class Puller:
    def __init__(
        self, store: SqliteStore, docs: Documents, files: UserFiles, quarantine: Quarantine, *, sync_audio: bool
    ) -> None:
        self.store, self.docs, self.files = store, docs, files
        self.quarantine = quarantine
        self.uid = docs.uid
        self.sync_audio = sync_audio
        self.repairs: list[Target] = []  # records whose cloud copy must be rewritten from the local one

    def run(self, report: SyncReport) -> None:
        steps: tuple[tuple[str, Callable[[dict[str, Any], SyncReport, bool], None]], ...] = (
            (INTERVIEWS, self._pull_interview),
            (RESUMES, self._pull_resume),
            (ANALYSES, self._pull_analysis),
        )
        # A record deleted here but not yet pushed must not come back from the cloud copy.
        deleted_here = {e.entity_id for e in self.store.pending_outbox(limit=1_000_000) if e.op == "delete"}
        now = datetime.now(UTC)
        for collection, apply in steps:
            for doc_id, doc in self.docs.list(collection):
                if doc_id not in deleted_here:
                    self._guard(report, f"{collection}/{doc_id}", doc_id, apply, doc, now)

    def _guard(
        self,
        report: SyncReport,
        path: str,
        doc_id: str,
        apply: Callable[[dict[str, Any], SyncReport, bool], None],
        doc: dict[str, Any],
        now: datetime,
    ) -> None:
        """A damaged or hostile cloud document is set aside and reported once; the rest still syncs."""
        if self.quarantine.known(path, doc):
            return
        try:
            if UNDECODABLE in doc:
                raise InvalidRemote(f"undecodable: {doc[UNDECODABLE]}")
            if str(doc.get("id", doc_id)) != doc_id:
                raise InvalidRemote("its id does not match its path")
            clamped, future = encode.clamp_future(doc, now)
            if future:
                report.clamped.append(f"{path} ({', '.join(future[:3])})")
            apply(clamped, report, bool(future))
        except (ValidationError, ScopeError, ValueError, TypeError, KeyError) as exc:
            reason = describe(exc)
            self.quarantine.add(path, doc, reason)
            report.quarantined.append(f"{path}: {reason}")
        except StoreError as exc:  # a local problem, not the document's: report, retry next sync
            report.errors.append(f"cloud record {path}: {describe(exc)}")
        else:
            self.quarantine.release(path)

    def _pull_interview(self, doc: dict[str, Any], report: SyncReport, future: bool) -> None:
        session_id = UUID(str(doc["id"]))
        if doc.get("deleted"):
            self._apply_session_tombstone(session_id, encode.doc_time(doc), report, future)
            return
        session = encode.session_from_doc(doc)
        if session.owner_uid not in (None, self.uid):
            raise ScopeError(f"session {session.id} belongs to another account")
        owners = [q.session_id for q in session.questions] + [a.session_id for a in session.answers]
        strays = [o for o in owners if o not in (None, session.id)]
        if strays:
            raise InvalidRemote(f"{len(strays)} question(s)/answer(s) inside belong to another session")
        for answer in session.answers:
            if answer.audio_path:
                self._local_path(answer.audio_path)
        if future and self.store.has_session(session_id):
            self.repairs.append(("interview", str(session_id)))  # ours is kept and written back
            return
        if self.sync_audio:
            self._download_audio(session, doc.get("audio_objects") or {}, report)
        attempts, plan = encode.practice_from_doc(doc, session.id)  # checked before anything is applied
        applied = self.store.apply_remote_session(session)
        if self.store.apply_remote_practice(session.id, attempts, plan) or applied:
            report.pulled += 1

    def _apply_session_tombstone(
        self, session_id: UUID, deleted_at: datetime, report: SyncReport, future: bool
    ) -> None:
        try:
            local = self.store.get_session(session_id)
        except NotFoundError:
            return
        if future:
            self.repairs.append(("interview", str(session_id)))
            return
        if encode.last_change(local) <= deleted_at:
            self.store.delete_session(session_id)
            report.pulled += 1

    def _download_audio(self, session: InterviewSession, objects: Any, report: SyncReport) -> None:
        if not isinstance(objects, dict):
            raise InvalidRemote("audio_objects is not a map")
        for answer in session.answers:
            name = objects.get(str(answer.id))
            if name and answer.audio_path and not self._local_path(answer.audio_path).exists():
                self.files.download(str(name), self._local_path(answer.audio_path))
                report.files_downloaded += 1

    def _pull_resume(self, doc: dict[str, Any], report: SyncReport, future: bool) -> None:
        resume_id = UUID(str(doc["id"]))
        try:
            local: ResumeProfile | None = self.store.get_resume(resume_id)
        except NotFoundError:
            local = None
        if future and local is not None:
            self.repairs.append(("resume", str(resume_id)))
            return
        if doc.get("deleted"):
            if local is not None and local.updated_at <= encode.doc_time(doc):
                self.store.delete_resume(resume_id)
                report.pulled += 1
            return
        profile = ResumeProfile.model_validate(doc["profile"])
        if profile.id != resume_id:
            raise InvalidRemote("the profile inside does not match the document")
        name = doc.get("storage_path")
        target = self._local_path(profile.stored_path) if profile.stored_path else None
        if name and target is not None and not target.exists():
            self.files.download(str(name), target, doc.get("sha256") or None)
            report.files_downloaded += 1
        if self.store.apply_remote_resume(profile):
            report.pulled += 1

    def _local_path(self, reference: str) -> Path:
        """A file reference from the cloud, refused (as the document's fault) unless inside the data folder."""
        try:
            return self.store.resolve(reference)
        except StoreError as exc:
            raise InvalidRemote(str(exc)) from None

    def _pull_analysis(self, doc: dict[str, Any], report: SyncReport, future: bool) -> None:
        if doc.get("deleted"):
            return  # analyses go with their resume; a lone deleted analysis is rare and harmless to keep
        analysis = ResumeAnalysis.model_validate(doc)
        if future:
            try:
                self.store.get_resume_analysis(analysis.id)
            except NotFoundError:
                pass
            else:
                self.repairs.append(("analysis", str(analysis.id)))
                return
        if self.store.apply_remote_resume_analysis(analysis):
            report.pulled += 1
