"""Round trips through the real SQLite store and the real data folder."""

from __future__ import annotations

import sqlite3
import threading
from uuid import uuid4

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import SessionStatus, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.storage.errors import NotFoundError, StoreError
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.storage import (
    answer_for,
    full_session,
    make_analysis,
    make_resume,
    questions_for,
    reports_for,
)


def test_whole_session_round_trips(store: SqliteStore) -> None:
    session = full_session(store, with_resume=True)
    store.save_session(session)
    loaded = store.get_session(session.id)
    assert loaded.model_dump() == session.model_dump()
    assert loaded.reports.complete and loaded.overall_score == 72
    assert store.resolve(loaded.answers[0].audio_path or "").is_file()


def test_survives_reopening(paths: AppPaths) -> None:
    first = SqliteStore.open(paths)
    session = full_session(first)
    first.save_session(session)
    first.close()
    second = SqliteStore.open(paths)
    try:
        assert second.get_session(session.id).model_dump() == session.model_dump()
    finally:
        second.close()


def test_interview_written_step_by_step_assembles_in_order(store: SqliteStore) -> None:
    session = InterviewSession(config=InterviewConfig(job_title="Data Engineer"))
    store.save_session(session)
    store.set_status(session.id, SessionStatus.IN_PROGRESS)
    questions = questions_for(4)
    for question in reversed(questions):  # written out of order; read back by position
        store.add_question(session.id, question)
    answers = [answer_for(store, session.id, q, f"answer {q.position}") for q in questions[:2]]
    for answer in answers:
        store.save_answer(session.id, answer)
    reports = reports_for(questions, answers)
    for report in (reports.summary, reports.performance, reports.questions, reports.delivery):
        assert report is not None
        store.save_report(session.id, report)  # each stored the moment it arrives

    loaded = store.get_session(session.id)
    assert [q.position for q in loaded.questions] == [0, 1, 2, 3]
    assert all(q.session_id == session.id for q in loaded.questions)
    assert [a.transcript for a in loaded.answers] == ["answer 0", "answer 1"]
    assert loaded.reports == reports
    assert loaded.status is SessionStatus.IN_PROGRESS and loaded.started_at is not None
    assert loaded.updated_at > session.updated_at  # child writes move the session forward


def test_re_recorded_answer_replaces_the_earlier_one(store: SqliteStore) -> None:
    session = full_session(store, questions=1, answered=1, with_reports=False)
    store.save_session(session)
    question = session.questions[0]
    newer = answer_for(store, session.id, question, "a better second take")
    store.save_answer(session.id, newer)
    loaded = store.get_session(session.id)
    assert len(loaded.answers) == 2
    assert (
        loaded.answer_for(question.id) or Answer(question_id=question.id)
    ).transcript == "a better second take"


def test_saving_a_stale_session_never_erases_committed_answers(store: SqliteStore) -> None:
    session = full_session(store, questions=3, answered=1, with_reports=False)
    store.save_session(session)
    late = answer_for(store, session.id, session.questions[1], "committed meanwhile")
    store.save_answer(session.id, late)
    moved_on = store.get_session(session.id).updated_at
    store.save_session(session)  # the caller's copy knows nothing of `late`
    loaded = store.get_session(session.id)
    assert {a.id for a in loaded.answers} == {session.answers[0].id, late.id}
    assert loaded.updated_at == moved_on > session.updated_at  # never moved back to the stale copy's time


def test_status_changes_set_start_and_end(store: SqliteStore) -> None:
    session = full_session(store, status=SessionStatus.DRAFT, with_reports=False)
    store.save_session(session)
    store.set_status(session.id, SessionStatus.IN_PROGRESS)
    store.set_status(session.id, SessionStatus.COMPLETED)
    loaded = store.get_session(session.id)
    assert loaded.status is SessionStatus.COMPLETED
    assert loaded.started_at is not None and loaded.ended_at is not None
    assert loaded.started_at <= loaded.ended_at


def test_list_is_newest_first_and_can_hide_demo(store: SqliteStore) -> None:
    old = full_session(store, job_title="Old one", with_reports=False)
    demo = full_session(store, job_title="Demo one", is_demo=True, with_reports=False)
    new = full_session(store, job_title="New one", with_reports=False)
    for s in (old, demo, new):
        store.save_session(s)
    assert [s.config.job_title for s in store.list_sessions()] == ["New one", "Demo one", "Old one"]
    assert [s.config.job_title for s in store.list_sessions(include_demo=False)] == ["New one", "Old one"]


def test_resumable_sessions_are_in_progress_with_work_left(store: SqliteStore) -> None:
    unfinished = full_session(
        store, questions=3, answered=1, with_reports=False, status=SessionStatus.IN_PROGRESS
    )
    finished = full_session(
        store, questions=6, answered=6, status=SessionStatus.IN_PROGRESS
    )  # 5 main + 1 follow-up
    draft = full_session(store, questions=3, answered=0, with_reports=False, status=SessionStatus.DRAFT)
    for s in (unfinished, finished, draft):
        store.save_session(s)
    assert [s.id for s in store.resumable_sessions()] == [unfinished.id]


def test_delete_removes_rows_and_recordings(store: SqliteStore, paths: AppPaths) -> None:
    session = full_session(store)
    store.save_session(session)
    keep = full_session(store)
    store.save_session(keep)
    folder = paths.audio_dir / str(session.id)
    assert folder.is_dir()
    store.delete_session(session.id)
    assert not folder.exists()
    with pytest.raises(NotFoundError):
        store.get_session(session.id)
    conn = sqlite3.connect(paths.db_path)
    for table in ("questions", "answers", "reports"):
        assert (
            conn.execute(f"SELECT COUNT(*) FROM {table} WHERE session_id = ?", (str(session.id),)).fetchone()[
                0
            ]
            == 0
        )
    conn.close()
    assert store.get_session(keep.id).model_dump() == keep.model_dump()
    with pytest.raises(NotFoundError):
        store.delete_session(session.id)


def test_answers_must_belong_to_the_session(store: SqliteStore) -> None:
    one = full_session(store, questions=1, answered=0, with_reports=False)
    two = full_session(store, questions=1, answered=0, with_reports=False)
    store.save_session(one)
    store.save_session(two)
    stray = Answer(question_id=two.questions[0].id, transcript="wrong session")
    with pytest.raises(StoreError, match="not part of session"):
        store.save_answer(one.id, stray)
    with pytest.raises(NotFoundError):
        store.save_answer(uuid4(), stray)
    with pytest.raises(NotFoundError):
        store.add_question(uuid4(), Question(position=0, text="orphan", source=Source.OFFLINE))
    assert store.get_session(one.id).answers == []


def test_id_prefix_lookup(store: SqliteStore) -> None:
    session = full_session(store, with_reports=False)
    store.save_session(session)
    assert store.find_session_ids(str(session.id)[:8]) == [session.id]
    assert store.find_session_ids(str(session.id)[:8].upper()) == [session.id]
    assert store.find_session_ids("zzzzzzzz") == []
    assert store.find_session_ids("%") == []  # never a LIKE wildcard


def test_resumes_and_analyses_round_trip(store: SqliteStore) -> None:
    resume = make_resume(store)
    store.save_resume(resume)
    assert store.get_resume(resume.id) == resume
    assert store.find_resume_by_sha256(resume.file_sha256) == resume
    assert store.find_resume_by_sha256("0" * 64) is None
    assert store.list_resumes() == [resume]
    analysis = make_analysis(resume)
    store.save_resume_analysis(analysis)
    assert store.get_resume_analysis(analysis.id) == analysis
    assert store.list_resume_analyses(resume.id) == [analysis]
    assert store.list_resume_analyses(uuid4()) == []
    file = store.resolve(resume.stored_path or "")
    store.delete_resume(resume.id)
    assert not file.exists()
    assert store.list_resumes() == [] and store.list_resume_analyses() == []


@pytest.mark.parametrize("reference", ["../outside.wav", "/etc/passwd", "audio/../../x", "a\\b", "C:/x", ""])
def test_file_references_cannot_leave_the_data_folder(store: SqliteStore, reference: str) -> None:
    with pytest.raises(StoreError):
        store.resolve(reference)


def test_damaged_row_gives_a_clear_error(store: SqliteStore, paths: AppPaths) -> None:
    session = full_session(store, with_reports=False)
    store.save_session(session)
    conn = sqlite3.connect(paths.db_path)
    conn.execute("UPDATE sessions SET data = '{\"config\": 5}' WHERE id = ?", (str(session.id),))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=f"stored session {session.id} is damaged"):
        store.get_session(session.id)


def test_worker_threads_write_and_read_concurrently(store: SqliteStore) -> None:
    session = full_session(store, questions=4, answered=0, with_reports=False)
    store.save_session(session)
    errors: list[BaseException] = []
    start = threading.Barrier(5)

    def writer(question: Question) -> None:
        try:
            start.wait(timeout=30)
            for i in range(15):
                store.save_answer(
                    session.id, Answer(question_id=question.id, transcript=f"{question.position}-{i}")
                )
        except BaseException as exc:
            errors.append(exc)

    def reader() -> None:
        try:
            start.wait(timeout=30)
            for _ in range(30):
                store.get_session(session.id)
                store.list_sessions()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(q,)) for q in session.questions]
    threads.append(threading.Thread(target=reader))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert len(store.get_session(session.id).answers) == 4 * 15
