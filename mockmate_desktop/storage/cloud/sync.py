"""The sync engine: pull the signed-in user's cloud copy, then drain the local outbox into it.

Rules (see docs/cloud-security.md):
- Idempotent: each outbox entry makes the engine write the WHOLE current state of its record (never a
  delta), so replaying an entry, or a batch that failed half-way, changes nothing.
- Conflicts: last writer wins per record (session header, each question, answer, report, resume, analysis)
  by `updated_at`. Before a session is pushed its cloud copy is merged in, so a newer remote answer is kept
  and the merged whole is written back. A tie keeps the local record. Deletions are tombstones compared by
  the same clock: a deletion newer than the last change wins, an edit newer than the deletion restores.
- Distrust: a cloud document that fails validation is quarantined (pull.py) and overwritten by the local
  record when there is one; a change time in the future never wins a conflict or deletes anything.
- Failures: transient errors (unreachable, timeout, 5xx) are retried with exponential backoff; anything
  left is kept in the outbox with its reason and retried on the next sync. Nothing local is ever removed
  because the cloud is unreachable.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from ..errors import NotFoundError
from ..outbox import OutboxEntry
from ..sqlite_store import SqliteStore
from . import encode
from .errors import describe, is_transient
from .files import UserFiles, sha256_of
from .pull import ANALYSES, INTERVIEWS, RESUMES, Documents, Puller, Target
from .quarantine import Quarantine
from .report import RetryPolicy, SyncReport
from .scope import ScopeError

log = logging.getLogger(__name__)

_SESSION_ENTITIES = {"session", "question", "answer", "report", "attempt", "practice_plan"}


class SyncEngine:
    def __init__(
        self,
        store: SqliteStore,
        docs: Documents,
        files: UserFiles,
        quarantine: Quarantine,
        *,
        sync_audio: bool = False,
        batch_size: int = 200,
        retry: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        on_batch: Callable[[SyncReport], None] | None = None,
        user_doc: dict[str, Any] | None = None,
    ) -> None:
        if docs.uid != files.uid:
            raise ScopeError("internal error: documents and files opened for different users")
        self.store, self.docs, self.files = store, docs, files
        self.quarantine = quarantine
        self.uid = docs.uid
        self.sync_audio = sync_audio
        self.batch_size = max(1, batch_size)
        self.retry = retry or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self.on_batch = on_batch
        self.user_doc = user_doc

    # entry point ---------------------------------------------------------------------------------------

    def run_once(self, *, pull: bool = True) -> SyncReport:
        report = SyncReport(uid=self.uid)
        started = time.monotonic()
        try:
            if self.user_doc is not None:
                self._with_retry(lambda: self.docs.set((), self.user_doc or {}), "profile upload")
            if pull:
                self._with_retry(lambda: self.pull(report), "download")
            self.push(report)
        except Exception as exc:  # the outbox keeps everything; the report carries the reason
            log.warning("sync stopped: %s", describe(exc))
            report.errors.append(describe(exc))
        report.pending = self.store.outbox_counts()["pending"]
        report.duration_s = time.monotonic() - started
        return report

    def _with_retry(self, work: Callable[[], Any], what: str) -> Any:
        for attempt in range(self.retry.attempts):
            try:
                return work()
            except Exception as exc:
                if not is_transient(exc) or attempt == self.retry.attempts - 1:
                    raise
                delay = self.retry.delay(attempt)
                log.info("%s failed (%s); retrying in %.1f s", what, describe(exc), delay)
                if self.cancel.wait(delay):
                    raise
        raise AssertionError("unreachable")

    def pull(self, report: SyncReport) -> None:
        puller = Puller(self.store, self.docs, self.files, self.quarantine, sync_audio=self.sync_audio)
        puller.run(report)
        if puller.repairs:
            self._with_retry(lambda: self.repair(puller.repairs, report), "repair upload")

    def repair(self, targets: Sequence[Target], report: SyncReport) -> None:
        """Write the local record back over a cloud copy that was not allowed to win (future-dated)."""
        writes = []
        for kind, record_id in dict.fromkeys(targets):
            if kind == "interview":
                write = self._prepare_interview(UUID(record_id), None, report)
            elif kind == "resume":
                write = self._prepare_resume(UUID(record_id), datetime.now(UTC), report)
            else:
                write = (ANALYSES, record_id), encode.analysis_doc(self.store.get_resume_analysis(UUID(record_id)))
            if write is not None:
                writes.append(write)
        self.docs.set_many(writes)
        report.documents_written += len(writes)

    # push ----------------------------------------------------------------------------------------------

    def push(self, report: SyncReport) -> None:
        failed: set[int] = set()
        while not self.cancel.is_set():
            entries = [
                e
                for e in self.store.pending_outbox(limit=self.batch_size + len(failed))
                if e.seq not in failed
            ][: self.batch_size]
            if not entries:
                return
            reachable = self.push_entries(entries, report, failed)
            if self.on_batch is not None:
                self.on_batch(report)
            if not reachable:
                return  # the rest waits for the next sync instead of each batch backing off in turn

    def push_entries(
        self, entries: Sequence[OutboxEntry], report: SyncReport, failed: set[int] | None = None
    ) -> bool:
        """Push one batch: read the cloud copies, merge, upload files, commit the documents, mark done.

        Returns False when the cloud stayed unreachable through every retry."""
        failed = set() if failed is None else failed
        targets: dict[Target, list[OutboxEntry]] = {}
        for entry in entries:
            targets.setdefault(_target(entry), []).append(entry)
        writes: list[tuple[Sequence[str], dict[str, Any]]] = []
        done: list[int] = []

        def prepare() -> None:
            writes.clear()
            done.clear()
            remote = self.docs.get_many([(INTERVIEWS, i) for kind, i in targets if kind == "interview"])
            for target, group in targets.items():
                seqs = [e.seq for e in group]
                if failed.issuperset(seqs):
                    continue  # already refused in an earlier attempt of this batch
                try:
                    write = self._prepare(target, group[-1], remote, report)
                except Exception as exc:
                    if is_transient(exc):
                        raise
                    self._fail(seqs, exc, report, failed)
                    continue
                if write is not None:
                    writes.append(write)
                done.extend(seqs)

        def commit() -> None:
            prepare()
            self.docs.set_many(writes)

        try:
            self._with_retry(commit, "upload")
        except Exception as exc:
            self._fail([e.seq for e in entries if e.seq not in failed], exc, report, failed)
            return not is_transient(exc)
        self.store.mark_outbox_done(done)
        report.pushed += len(done)
        report.documents_written += len(writes)
        return True

    def _fail(self, seqs: Sequence[int], exc: Exception, report: SyncReport, failed: set[int]) -> None:
        reason = describe(exc)
        for seq in seqs:
            self.store.mark_outbox_failed(seq, reason)
            failed.add(seq)
        report.failed += len(seqs)
        if reason not in report.errors:
            report.errors.append(reason)

    def _prepare(
        self, target: Target, last: OutboxEntry, remote: dict[str, dict[str, Any] | None], report: SyncReport
    ) -> tuple[Sequence[str], dict[str, Any]] | None:
        """The document to write for one record, given the newest outbox entry about it."""
        kind, record_id = target
        # A tombstone carries the time of the deletion itself, so it competes fairly with edits elsewhere.
        deleted_at = last.created_at if last.op == "delete" else datetime.now(UTC)
        if kind == "interview":
            if last.op == "delete":  # deleted here since the last sync: the cloud copy must not bring it back
                return self._session_tombstone(record_id, deleted_at)
            return self._prepare_interview(UUID(record_id), remote.get(record_id), report)
        if kind == "resume":
            return self._prepare_resume(UUID(record_id), deleted_at, report)
        try:
            analysis = self.store.get_resume_analysis(UUID(record_id))
        except NotFoundError:
            return (ANALYSES, record_id), encode.tombstone(record_id, deleted_at)
        return (ANALYSES, record_id), encode.analysis_doc(analysis)

    def _prepare_interview(
        self, session_id: UUID, remote: dict[str, Any] | None, report: SyncReport
    ) -> tuple[Sequence[str], dict[str, Any]] | None:
        sid = str(session_id)
        try:
            session = self.store.get_session(session_id)
        except NotFoundError:  # superseded by a later local delete (maybe in a later batch)
            return self._session_tombstone(sid, datetime.now(UTC))
        remote = self._trusted(f"{INTERVIEWS}/{sid}", remote, report)
        # Merge: records someone else changed later than ours are kept, not overwritten.
        if remote is not None and not remote.get("deleted"):
            try:
                merged = self.store.apply_remote_session(encode.session_from_doc(remote))
                merged |= self.store.apply_remote_practice(session_id, *encode.practice_from_doc(remote, session_id))
            except (ValidationError, ValueError) as exc:  # the local record replaces an invalid cloud copy
                self.quarantine.add(f"{INTERVIEWS}/{sid}", remote, describe(exc))
                report.quarantined.append(f"{INTERVIEWS}/{sid}: {describe(exc)}")
                merged = False
            if merged:
                report.pulled += 1
                session = self.store.get_session(session_id)
        if (
            remote is not None
            and remote.get("deleted")
            and encode.doc_time(remote) >= encode.last_change(session)
        ):
            self.store.delete_session(session_id)  # deleted elsewhere after our last change
            return None
        if session.is_demo:
            return None  # shipped demo content is on every machine already
        if session.owner_uid not in (None, self.uid):
            raise ScopeError(f"session {sid} belongs to another account; it is not uploaded")
        # Keep recordings another machine uploaded even if this one has no copy of them.
        answer_ids = {str(a.id) for a in session.answers}
        known = (remote or {}).get("audio_objects") or {}
        audio = {k: str(v) for k, v in known.items() if k in answer_ids} if isinstance(known, dict) else {}
        if self.sync_audio:
            for answer in session.answers:
                path = self.store.resolve(answer.audio_path) if answer.audio_path else None
                if path is not None and path.is_file():
                    parts = (INTERVIEWS, sid, "audio", f"{answer.id}{path.suffix or '.wav'}")
                    audio[str(answer.id)], uploaded = self.files.upload(parts, path, "audio/wav")
                    report.files_uploaded += uploaded
        practice = self.store.practice_of(session_id)
        return (INTERVIEWS, sid), encode.interview_doc(session, self.uid, audio, practice)

    def _trusted(self, path: str, remote: dict[str, Any] | None, report: SyncReport) -> dict[str, Any] | None:
        """The cloud copy to merge, or None when it is future-dated (it must not win) or already set aside."""
        if remote is None or self.quarantine.known(path, remote):
            return None
        _, future = encode.clamp_future(remote, datetime.now(UTC))
        if future:
            report.clamped.append(f"{path} ({', '.join(future[:3])})")
            return None
        return remote

    def _session_tombstone(self, sid: str, deleted_at: datetime) -> tuple[Sequence[str], dict[str, Any]]:
        self.files.delete_prefix(INTERVIEWS, sid)
        return (INTERVIEWS, sid), encode.tombstone(sid, deleted_at)

    def _prepare_resume(
        self, resume_id: UUID, deleted_at: datetime, report: SyncReport
    ) -> tuple[Sequence[str], dict[str, Any]]:
        rid = str(resume_id)
        try:
            profile = self.store.get_resume(resume_id)
        except NotFoundError:
            for old in self.files.list_names(RESUMES):
                if old.rsplit("/", 1)[-1].startswith(rid + "."):
                    self.files.delete_object(old)
            return (RESUMES, rid), encode.tombstone(rid, deleted_at)
        suffix, content_type = encode.file_kind(profile.stored_path or "")
        sha = profile.file_sha256
        name: str | None = self.files.object_name(RESUMES, f"{rid}{suffix}")
        local = self.store.resolve(profile.stored_path) if profile.stored_path else None
        if local is not None and local.is_file():
            sha = sha256_of(local)
            name, uploaded = self.files.upload((RESUMES, f"{rid}{suffix}"), local, content_type)
            report.files_uploaded += uploaded
        elif name is not None and not self.files.exists(name):
            name = None  # no file here and none in the cloud: the document says so
        return (RESUMES, rid), encode.resume_doc(profile, sha, name, content_type)


def _target(entry: OutboxEntry) -> Target:
    if entry.entity in _SESSION_ENTITIES:
        return "interview", str(entry.session_id or entry.entity_id)
    if entry.entity == "resume":
        return "resume", entry.entity_id
    return "analysis", entry.entity_id
