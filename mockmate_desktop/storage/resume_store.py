"""Resumes and their analyses in the local store."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from uuid import UUID

from ..domain.resume import ResumeAnalysis, ResumeProfile
from . import outbox, rows
from .base import StoreBase
from .errors import NotFoundError, StoreError

log = logging.getLogger(__name__)


class ResumeStoreMixin(StoreBase):
    def save_resume(self, profile: ResumeProfile) -> None:
        self._secure_file(profile.stored_path)
        with self._db.transaction() as conn:
            if rows.write_resume(conn, profile):
                outbox.record(conn, "resume", profile.id, None)

    def get_resume(self, resume_id: UUID) -> ResumeProfile:
        row = (
            self._db.connection()
            .execute("SELECT data FROM resumes WHERE id = ?", (str(resume_id),))
            .fetchone()
        )
        if row is None:
            raise NotFoundError(f"No resume with id {resume_id}.")
        return rows.parse(ResumeProfile, row["data"], f"resume {resume_id}")

    def find_resume(self, resume_id: UUID) -> ResumeProfile | None:
        try:
            return self.get_resume(resume_id)
        except NotFoundError:
            return None

    def find_resume_by_sha256(self, sha256: str) -> ResumeProfile | None:
        row = (
            self._db.connection()
            .execute(
                "SELECT id, data FROM resumes WHERE file_sha256 = ? AND file_sha256 != '' "
                "ORDER BY updated_at DESC LIMIT 1",
                (sha256,),
            )
            .fetchone()
        )
        return None if row is None else rows.parse(ResumeProfile, row["data"], f"resume {row['id']}")

    def list_resumes(self) -> Sequence[ResumeProfile]:
        cursor = self._db.connection().execute("SELECT id, data FROM resumes ORDER BY updated_at DESC, id")
        return [rows.parse(ResumeProfile, r["data"], f"resume {r['id']}") for r in cursor]

    def delete_resume(self, resume_id: UUID) -> None:
        """Delete a resume, its analyses and its file. Sessions keep their (now dangling) `resume_id`."""
        with self._db.transaction() as conn:
            row = conn.execute("SELECT stored_path FROM resumes WHERE id = ?", (str(resume_id),)).fetchone()
            if row is None:
                raise NotFoundError(f"No resume with id {resume_id}.")
            analyses = [
                r["id"]
                for r in conn.execute("SELECT id FROM resume_analyses WHERE resume_id = ?", (str(resume_id),))
            ]
            conn.execute("DELETE FROM resume_analyses WHERE resume_id = ?", (str(resume_id),))
            conn.execute("DELETE FROM resumes WHERE id = ?", (str(resume_id),))
            for analysis_id in analyses:
                outbox.record(conn, "resume_analysis", UUID(analysis_id), None, op="delete")
            outbox.record(conn, "resume", resume_id, None, op="delete")
        if row["stored_path"]:
            try:
                self.resolve(row["stored_path"]).unlink(missing_ok=True)
            except (OSError, StoreError) as exc:
                log.warning("could not delete %s: %s", row["stored_path"], exc)

    def save_resume_analysis(self, analysis: ResumeAnalysis) -> None:
        with self._db.transaction() as conn:
            if rows.write_analysis(conn, analysis):
                outbox.record(conn, "resume_analysis", analysis.id, None)

    def get_resume_analysis(self, analysis_id: UUID) -> ResumeAnalysis:
        row = (
            self._db.connection()
            .execute("SELECT data FROM resume_analyses WHERE id = ?", (str(analysis_id),))
            .fetchone()
        )
        if row is None:
            raise NotFoundError(f"No resume analysis with id {analysis_id}.")
        return rows.parse(ResumeAnalysis, row["data"], f"resume analysis {analysis_id}")

    def list_resume_analyses(self, resume_id: UUID | None = None) -> Sequence[ResumeAnalysis]:
        """Newest first; all of them, or those of one resume."""
        conn = self._db.connection()
        if resume_id is None:
            cursor = conn.execute("SELECT id, data FROM resume_analyses ORDER BY updated_at DESC, id")
        else:
            cursor = conn.execute(
                "SELECT id, data FROM resume_analyses WHERE resume_id = ? ORDER BY updated_at DESC, id",
                (str(resume_id),),
            )
        return [rows.parse(ResumeAnalysis, r["data"], f"resume analysis {r['id']}") for r in cursor]
