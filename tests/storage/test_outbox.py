"""The outbox: one row per local change, in the same transaction; remote data writes none."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.enums import SessionStatus
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.storage.errors import StoreError
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.storage import answer_for, full_session, make_analysis, make_resume


def _rows(paths: AppPaths, table: str, where: str = "1", args: tuple[object, ...] = ()) -> int:
    conn = sqlite3.connect(paths.db_path)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", args).fetchone()[0])
    finally:
        conn.close()


def _kinds(store: SqliteStore) -> list[tuple[str, str]]:
    return [(e.entity, e.op) for e in store.pending_outbox(limit=1000)]


def test_every_kind_of_write_records_one_row(store: SqliteStore) -> None:
    session = full_session(store, questions=2, answered=1, with_resume=True)
    entries = {(e.entity, e.entity_id) for e in store.pending_outbox(1000)}
    assert entries == {("resume", str(session.config.resume_id))}
    store.save_session(session)
    recorded = _kinds(store)
    assert recorded.count(("session", "upsert")) == 1
    assert recorded.count(("question", "upsert")) == 2
    assert recorded.count(("answer", "upsert")) == 1
    assert recorded.count(("report", "upsert")) == 4
    before = len(recorded)
    store.save_session(session)  # nothing changed: nothing to sync
    assert len(_kinds(store)) == before
    resume = store.get_resume(session.config.resume_id)  # type: ignore[arg-type]
    store.save_resume_analysis(make_analysis(resume))
    store.set_status(session.id, SessionStatus.ABANDONED)
    store.delete_session(session.id)
    tail = _kinds(store)[before:]
    assert tail == [("resume_analysis", "upsert"), ("session", "upsert"), ("session", "delete")]
    last = store.pending_outbox(1000)[-1]
    assert last.entity_id == last.session_id == str(session.id)


def test_answer_and_outbox_row_commit_together(store: SqliteStore, paths: AppPaths) -> None:
    session = full_session(store, questions=2, answered=0, with_reports=False)
    store.save_session(session)
    answer = answer_for(store, session.id, session.questions[0], "lost with its outbox row")
    outbox_before = _rows(paths, "outbox")
    # A trigger makes the outbox insert fail inside save_answer's transaction, after the answer row went in.
    conn = sqlite3.connect(paths.db_path)
    conn.execute("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'boom'); END")
    conn.commit()
    with pytest.raises(StoreError, match="nothing was changed"):
        store.save_answer(session.id, answer)
    assert _rows(paths, "answers", "id = ?", (str(answer.id),)) == 0
    assert _rows(paths, "outbox") == outbox_before
    conn.execute("DROP TRIGGER fail_outbox")
    conn.commit()
    conn.close()
    store.save_answer(session.id, answer)  # the same answer commits once the fault is gone
    assert _rows(paths, "answers", "id = ?", (str(answer.id),)) == 1
    assert _rows(paths, "outbox", "entity = 'answer' AND entity_id = ?", (str(answer.id),)) == 1


def test_a_failed_data_write_records_no_outbox_row(store: SqliteStore, paths: AppPaths) -> None:
    session = full_session(store, questions=1, answered=0, with_reports=False)
    store.save_session(session)
    before = _rows(paths, "outbox")
    # An answer to a question that does not exist breaks the foreign key inside save_session.
    stray = Answer(session_id=session.id, question_id=Question(position=9, text="x", source="offline").id)
    broken = session.model_copy(update={"answers": [stray], "engine_notes": ["changed"]})
    with pytest.raises(StoreError):
        store.save_session(broken)
    assert _rows(paths, "outbox") == before
    assert store.get_session(session.id).engine_notes == session.engine_notes  # header change rolled back too


def test_pending_done_failed_and_counts(store: SqliteStore) -> None:
    session = full_session(store, questions=1, answered=1, with_reports=False)
    store.save_session(session)
    pending = store.pending_outbox()
    assert [e.seq for e in pending] == sorted(e.seq for e in pending)
    assert store.outbox_counts() == {"pending": len(pending), "failed": 0}
    assert len(store.pending_outbox(limit=2)) == 2
    store.mark_outbox_failed(pending[0].seq, "network down")
    store.mark_outbox_failed(pending[0].seq, "still down")
    again = store.pending_outbox()
    assert again[0].seq == pending[0].seq and again[0].attempts == 2 and again[0].last_error == "still down"
    assert store.outbox_counts() == {"pending": len(pending), "failed": 1}
    store.mark_outbox_done([e.seq for e in pending])
    assert store.pending_outbox() == [] and store.outbox_counts() == {"pending": 0, "failed": 0}
    store.mark_outbox_failed(pending[0].seq, "late failure report")  # a done row stays done
    assert store.outbox_counts() == {"pending": 0, "failed": 0}


def test_outbox_entity_is_the_current_state(store: SqliteStore) -> None:
    session = full_session(store, questions=1, answered=1)
    store.save_session(session)
    by_entity = {e.entity: e for e in store.pending_outbox(1000)}
    current = store.outbox_entity(by_entity["answer"])
    assert current == store.get_session(session.id).answers[0]
    assert isinstance(store.outbox_entity(by_entity["session"]), InterviewSession)
    assert store.outbox_entity(by_entity["report"]) is not None
    store.delete_session(session.id)
    assert store.outbox_entity(by_entity["answer"]) is None


def test_remote_session_applies_newer_records_without_outbox_rows(
    store: SqliteStore, paths: AppPaths
) -> None:
    local = full_session(store, questions=2, answered=1, with_reports=False)
    store.save_session(local)
    store.mark_outbox_done([e.seq for e in store.pending_outbox(1000)])
    stored = store.get_session(local.id)

    older = stored.model_copy(
        update={"updated_at": stored.updated_at - timedelta(hours=1), "engine_notes": ["old"]}
    )
    assert store.apply_remote_session(older) is False
    assert store.get_session(local.id).engine_notes == stored.engine_notes

    later = stored.updated_at + timedelta(minutes=5)
    remote_answer = Answer(
        session_id=local.id, question_id=stored.questions[1].id, transcript="from the cloud", updated_at=later
    )
    newer = stored.model_copy(
        update={"updated_at": later, "engine_notes": ["remote"], "answers": [remote_answer]}
    )
    assert store.apply_remote_session(newer) is True
    merged = store.get_session(local.id)
    assert merged.engine_notes == ["remote"]
    assert {a.id for a in merged.answers} == {stored.answers[0].id, remote_answer.id}  # local answer kept
    assert store.outbox_counts()["pending"] == 0

    brand_new = full_session(store, questions=1, answered=1)
    assert store.apply_remote_session(brand_new) is True
    assert store.get_session(brand_new.id).model_dump() == brand_new.model_dump()
    assert store.outbox_counts()["pending"] == 0


def test_remote_resume_is_last_writer_wins(store: SqliteStore) -> None:
    resume = make_resume(store)
    assert store.apply_remote_resume(resume) is True
    assert (
        store.apply_remote_resume(
            resume.model_copy(update={"name": "Older", "updated_at": resume.updated_at - timedelta(days=1)})
        )
        is False
    )
    assert (
        store.apply_remote_resume(
            resume.model_copy(update={"name": "Newer", "updated_at": resume.updated_at + timedelta(days=1)})
        )
        is True
    )
    assert store.get_resume(resume.id).name == "Newer"
    analysis = make_analysis(resume)
    assert store.apply_remote_resume_analysis(analysis) is True
    assert store.apply_remote_resume_analysis(analysis) is False
    assert store.outbox_counts()["pending"] == 0


def test_owner_uid_is_kept_in_meta(store: SqliteStore, paths: AppPaths) -> None:
    assert store.owner_uid() is None
    store.set_owner_uid("uid-123")
    store.set_owner_uid("uid-456")
    assert store.owner_uid() == "uid-456"
    reopened = SqliteStore.open(paths)
    assert reopened.owner_uid() == "uid-456"
    reopened.set_owner_uid(None)
    reopened.close()
    assert store.owner_uid() is None
