"""The local store: SQLite in the data folder plus private folders for audio and resume files.

It is the single source of truth. Every write is one transaction that also records its outbox row, and
commits before the method returns (see db.py for durability and thread-safety). `save_session` upserts the
session and every question, answer and report it carries but never deletes children it does not carry:
a stale in-memory session can never erase an answer committed meanwhile. Writing a child (question, answer,
report) moves the session's `updated_at` forward, so it always tells when anything in the session changed.
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING
from uuid import UUID

from ..core.paths import AppPaths
from ..domain.attempts import PracticeAttempt
from ..domain.enums import QuestionKind, SessionStatus
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.practice_plan import PracticePlan
from ..domain.records import utc_now
from ..domain.resume import ResumeProfile
from . import outbox, rows, tree
from .coaching_store import CoachingStoreMixin, write_practice
from .db import Database
from .errors import NotFoundError, StoreError
from .folder_state import check_database_present, open_read_only
from .migrations import current_version, migrate
from .protocols import AnyReport, SyncStore
from .resume_store import ResumeStoreMixin
from .sync_store import SyncStoreMixin

log = logging.getLogger(__name__)
_ID_PREFIX = re.compile(r"^[0-9a-fA-F-]{1,36}$")


class SqliteStore(ResumeStoreMixin, SyncStoreMixin, CoachingStoreMixin):
    @classmethod
    def open(cls, paths: AppPaths) -> SqliteStore:
        """Open (creating and migrating if needed) the store of a data folder.

        A read-only data folder opens read-only (every write raises `ReadOnlyStoreError`); a vanished
        database next to existing recordings raises `VanishedDatabaseError` instead of starting over.
        """
        paths.ensure()
        check_database_present(paths)
        if not paths.writable:
            return cls(paths, open_read_only(paths))
        db = Database(paths.db_path)
        try:
            migrate(db.connection())
        except sqlite3.Error as exc:
            db.close()
            raise StoreError(f"The database {paths.db_path} cannot be opened ({exc}).") from exc
        except BaseException:
            db.close()
            raise
        return cls(paths, db)

    def schema_version(self) -> int:
        return current_version(self._db.connection())

    def integrity_problems(self) -> list[str]:
        rows_ = self._db.connection().execute("PRAGMA quick_check").fetchall()
        return [str(r[0]) for r in rows_ if str(r[0]) != "ok"]

    def close(self) -> None:
        self._db.close()

    # sessions ------------------------------------------------------------------------------------------

    def save_session(self, session: InterviewSession) -> None:
        for answer in session.answers:
            self._secure_file(answer.audio_path)
        with self._db.transaction() as conn:
            tree.write_tree(conn, session, record=True, only_newer=False)

    def import_records(
        self,
        session: InterviewSession,
        resume: ResumeProfile | None,
        practice: tuple[Sequence[PracticeAttempt], PracticePlan | None] = ((), None),
    ) -> None:
        """Add an imported session (with its resume and its practice attempts and plan) in one transaction,
        exactly as given."""
        if resume is not None:
            self._secure_file(resume.stored_path)
        for answer in session.answers:
            self._secure_file(answer.audio_path)
        with self._db.transaction() as conn:
            tree.write_tree(conn, session, record=True, only_newer=False)
            if resume is not None and rows.write_resume(conn, resume):
                outbox.record(conn, "resume", resume.id, None)
            write_practice(conn, session.id, *practice, record=True)

    def get_session(self, session_id: UUID) -> InterviewSession:
        found = rows.load_sessions(self._db.connection(), [str(session_id)])
        if not found:
            raise NotFoundError(f"No session with id {session_id}.")
        return found[0]

    def has_session(self, session_id: UUID) -> bool:
        conn = self._db.connection()
        return conn.execute("SELECT 1 FROM sessions WHERE id = ?", (str(session_id),)).fetchone() is not None

    def find_session_ids(self, prefix: str) -> list[UUID]:
        """Sessions whose id starts with `prefix` (case-insensitive), newest first."""
        if not _ID_PREFIX.match(prefix):
            return []
        cursor = self._db.connection().execute(
            "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? ORDER BY created_at DESC",
            (len(prefix), prefix.lower()),
        )
        return [UUID(r["id"]) for r in cursor]

    def list_sessions(self, *, include_demo: bool = True) -> Sequence[InterviewSession]:
        """Whole sessions, newest first."""
        sql = "SELECT id FROM sessions" + ("" if include_demo else " WHERE is_demo = 0")
        conn = self._db.connection()
        ids = [r["id"] for r in conn.execute(sql + " ORDER BY created_at DESC, id")]
        return rows.load_sessions(conn, ids)

    def set_status(self, session_id: UUID, status: SessionStatus) -> None:
        with self._db.transaction() as conn:
            session = self._header_or_raise(conn, session_id)
            now = utc_now()
            session.status = status
            if status is SessionStatus.IN_PROGRESS and session.started_at is None:
                session.started_at = now
            if status in (SessionStatus.COMPLETED, SessionStatus.ABANDONED) and session.ended_at is None:
                session.ended_at = now
            session.updated_at = now
            rows.write_session_header(conn, session)
            outbox.record(conn, "session", session_id, session_id)

    def delete_session(self, session_id: UUID) -> None:
        """Delete the session, its rows (cascade) and its audio folder."""
        with self._db.transaction() as conn:
            self._header_or_raise(conn, session_id)
            audio = [
                r["audio_path"]
                for r in conn.execute(
                    "SELECT audio_path FROM answers WHERE session_id = ? AND audio_path IS NOT NULL",
                    (str(session_id),),
                )
            ]
            conn.execute("DELETE FROM sessions WHERE id = ?", (str(session_id),))
            outbox.record(conn, "session", session_id, session_id, op="delete")
        # Files go after the commit: a crash in between leaves orphan files, never rows without files.
        for relative in audio:
            try:
                self.resolve(relative).unlink(missing_ok=True)
            except (OSError, StoreError) as exc:
                log.warning("could not delete %s: %s", relative, exc)
        shutil.rmtree(self.paths.audio_dir / str(session_id), ignore_errors=True)

    def resumable_sessions(self) -> Sequence[InterviewSession]:
        """In-progress sessions with work left: an unanswered question, or reports (never one without a plan)."""
        conn = self._db.connection()
        ids = [
            r["id"]
            for r in conn.execute(
                "SELECT id FROM sessions WHERE status = ? ORDER BY updated_at DESC",
                (SessionStatus.IN_PROGRESS.value,),
            )
        ]
        return [s for s in rows.load_sessions(conn, ids) if _has_work_left(s)]

    # questions, answers and reports, committed one by one as the interview runs -------------------------

    def add_question(self, session_id: UUID, question: Question) -> None:
        q = tree.owned(question, session_id)
        with self._db.transaction() as conn:
            header = self._header_or_raise(conn, session_id)
            if rows.write_question(conn, q):
                outbox.record(conn, "question", q.id, session_id)
                self._bump(conn, header)

    def save_answer(self, session_id: UUID, answer: Answer) -> None:
        """Commit an answer (and its audio file) at once: a crash after this returns cannot lose it."""
        a = tree.owned(answer, session_id)
        self._secure_file(a.audio_path)
        with self._db.transaction() as conn:
            header = self._header_or_raise(conn, session_id)
            belongs = conn.execute(
                "SELECT 1 FROM questions WHERE id = ? AND session_id = ?",
                (str(a.question_id), str(session_id)),
            ).fetchone()
            if belongs is None:
                raise StoreError(f"Question {a.question_id} is not part of session {session_id}.")
            if rows.write_answer(conn, a):
                outbox.record(conn, "answer", a.id, session_id)
                self._bump(conn, header)

    def save_report(self, session_id: UUID, report: AnyReport) -> None:
        with self._db.transaction() as conn:
            header = self._header_or_raise(conn, session_id)
            if rows.write_report(conn, session_id, report):
                outbox.record(conn, "report", report.id, session_id)
                self._bump(conn, header)

    def _header_or_raise(self, conn: sqlite3.Connection, session_id: UUID) -> InterviewSession:
        header = rows.session_header(conn, session_id)
        if header is None:
            raise NotFoundError(f"No session with id {session_id}.")
        return header

    def _bump(self, conn: sqlite3.Connection, header: InterviewSession) -> None:
        header.updated_at = max(utc_now(), header.updated_at)
        rows.write_session_header(conn, header)
        outbox.record(conn, "session", header.id, header.id)

    def missing_audio(self) -> list[str]:
        """Answer recordings the database refers to that are not on disk (shown by `doctor`)."""
        cursor = self._db.connection().execute("SELECT audio_path FROM answers WHERE audio_path IS NOT NULL")
        missing: list[str] = []
        for r in cursor:
            try:
                if not self.resolve(r["audio_path"]).is_file():
                    missing.append(r["audio_path"])
            except StoreError:
                missing.append(r["audio_path"])
        return missing


def _has_work_left(session: InterviewSession) -> bool:
    if not session.questions:
        return False  # its planning never finished: there is nothing to continue (a new interview replans)
    answered = {a.question_id for a in session.answers}
    if any(q.id not in answered for q in session.questions):
        return True
    main_count = sum(1 for q in session.questions if q.kind is QuestionKind.MAIN)
    return main_count < session.config.question_count or not session.reports.complete


if TYPE_CHECKING:

    def _conforms(store: SqliteStore) -> SyncStore:  # mypy proves SqliteStore satisfies the protocol
        return store
