"""What the cloud sync uses: the outbox of local changes, applying remote data, and the owner's uid.

Remote data is applied with last-writer-wins per record by `updated_at` (the session header, each
question, answer and report, each resume and analysis separately), writes no outbox rows, and never deletes
local records: a change made offline on this machine survives a sync with an older cloud copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from ..domain.attempts import PracticeAttempt
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.practice_plan import PracticePlan
from ..domain.resume import ResumeAnalysis, ResumeProfile
from . import outbox, rows, tree
from .base import StoreBase
from .outbox import OutboxEntry

_OWNER_UID = "owner_uid"
_TABLES: dict[str, tuple[str, type[BaseModel]]] = {
    "question": ("questions", Question),
    "answer": ("answers", Answer),
    "resume": ("resumes", ResumeProfile),
    "resume_analysis": ("resume_analyses", ResumeAnalysis),
    "attempt": ("attempts", PracticeAttempt),
    "practice_plan": ("practice_plans", PracticePlan),
}


class SyncStoreMixin(StoreBase):
    # outbox --------------------------------------------------------------------------------------------

    def pending_outbox(self, limit: int = 100) -> list[OutboxEntry]:
        """Changes not yet pushed (including ones that failed before), oldest first."""
        return outbox.pending(self._db.connection(), limit)

    def mark_outbox_done(self, seqs: Sequence[int]) -> None:
        if seqs:
            with self._db.transaction() as conn:
                outbox.mark_done(conn, seqs)

    def mark_outbox_failed(self, seq: int, error: str) -> None:
        """Count a failed push; the entry stays pending and is returned again by `pending_outbox`."""
        with self._db.transaction() as conn:
            outbox.mark_failed(conn, seq, error)

    def outbox_counts(self) -> dict[str, int]:
        return outbox.counts(self._db.connection())

    def outbox_entity(self, entry: OutboxEntry) -> BaseModel | None:
        """The current local state of what an outbox entry refers to; None if it was deleted since."""
        conn = self._db.connection()
        if entry.entity == "session":
            found = rows.load_sessions(conn, [entry.entity_id])
            return found[0] if found else None
        if entry.entity == "report":
            row = conn.execute("SELECT kind, data FROM reports WHERE id = ?", (entry.entity_id,)).fetchone()
            if row is None:
                return None
            return rows.parse(rows.REPORT_TYPES[row["kind"]], row["data"], f"{row['kind']} report")
        table, cls = _TABLES[entry.entity]
        row = conn.execute(f"SELECT data FROM {table} WHERE id = ?", (entry.entity_id,)).fetchone()
        return None if row is None else rows.parse(cls, row["data"], f"{entry.entity} {entry.entity_id}")

    # remote data ---------------------------------------------------------------------------------------

    def apply_remote_session(self, session: InterviewSession) -> bool:
        """Upsert a session from the cloud (header, questions, answers, reports), newer records only.

        Returns True when anything local changed.
        """
        with self._db.transaction() as conn:
            return tree.write_tree(conn, session, record=False, only_newer=True)

    def apply_remote_resume(self, profile: ResumeProfile) -> bool:
        with self._db.transaction() as conn:
            local = rows.stored_updated_at(conn, "resumes", "id = ?", [str(profile.id)])
            return rows.newer(profile.updated_at, local) and rows.write_resume(conn, profile)

    def apply_remote_resume_analysis(self, analysis: ResumeAnalysis) -> bool:
        with self._db.transaction() as conn:
            local = rows.stored_updated_at(conn, "resume_analyses", "id = ?", [str(analysis.id)])
            return rows.newer(analysis.updated_at, local) and rows.write_analysis(conn, analysis)

    # owner ---------------------------------------------------------------------------------------------

    def set_owner_uid(self, uid: str | None) -> None:
        """The signed-in Firebase user whose cloud copy this data folder syncs with (None: signed out)."""
        with self._db.transaction() as conn:
            if uid is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (_OWNER_UID,))
            else:
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (_OWNER_UID, uid),
                )

    def owner_uid(self) -> str | None:
        row = self._db.connection().execute("SELECT value FROM meta WHERE key = ?", (_OWNER_UID,)).fetchone()
        return None if row is None else str(row["value"])
