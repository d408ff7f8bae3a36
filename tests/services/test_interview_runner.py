"""The headless runner: every step stored at once, follow-ups placed, skipped answers, reports, resuming."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, QuestionKind, SessionStatus, Source
from mockmate_desktop.domain.interview_flow import InterviewFlow
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.answer_sources import TypedAnswers, WavDirAnswers
from mockmate_desktop.services.interview_runner import InterviewRunner, RunnerEvents
from mockmate_desktop.storage.sqlite_store import SqliteStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "speech"
STRONG = (FIXTURES / "espeak_answer_16k.txt").read_text(encoding="utf-8").strip()
CONFIG = InterviewConfig(
    job_title="Backend Engineer",
    job_description="Python and PostgreSQL",
    interview_type="behavioural",
    question_count=5,
    answer_mode=AnswerMode.TYPED,
)


def typed(*answers: str) -> TypedAnswers:
    return TypedAnswers(io.StringIO("".join(f"{a}\n\n" for a in answers)), prompt=io.StringIO())


def test_typed_interview_stores_everything_and_completes(store: SqliteStore, test_assets: Path) -> None:
    seen: list[str] = []
    runner = InterviewRunner(
        store,
        OfflineEngine(),
        typed(STRONG, "I did my best.", STRONG, STRONG, STRONG, STRONG, STRONG),
        events=RunnerEvents(on_report=lambda kind, _r: seen.append(kind)),
    )
    session = runner.create(CONFIG)
    assert store.get_session(session.id).status is SessionStatus.IN_PROGRESS
    result = runner.run(session)
    assert result.completed and not result.skipped
    stored = store.get_session(session.id)
    assert stored.status is SessionStatus.COMPLETED and stored.reports.complete
    assert seen[0] == "delivery" and sorted(seen[1:]) == ["performance", "questions", "summary"]
    follow_ups = [q for q in stored.questions if q.kind is QuestionKind.FOLLOW_UP]
    assert len(follow_ups) == 1  # only the thin answer earned one
    ordered = sorted(stored.questions, key=lambda q: q.position)
    parent_index = next(i for i, q in enumerate(ordered) if q.id == follow_ups[0].parent_id)
    assert ordered[parent_index + 1].id == follow_ups[0].id
    assert all(stored.answer_for(q.id) is not None for q in stored.questions)
    assert {q.source for q in stored.questions} == {Source.OFFLINE}


def test_answers_running_out_are_skipped_with_a_note(store: SqliteStore, test_assets: Path) -> None:
    runner = InterviewRunner(store, OfflineEngine(), typed(STRONG, STRONG))
    session = runner.create(CONFIG)
    result = runner.run(session)
    stored = store.get_session(session.id)
    answers = [stored.answer_for(q.id) for q in sorted(stored.questions, key=lambda q: q.position)]
    assert [a.skipped for a in answers if a] == [False, False, True, True, True]
    assert len(result.skipped) == 3
    assert any("recorded as skipped" in note for note in stored.engine_notes)
    assert stored.reports.complete and stored.status is SessionStatus.COMPLETED


class _InterruptAfter:
    """Stands in for the user pressing Ctrl-C while the third answer is being given."""

    description = "typed answers, interrupted"

    def __init__(self, inner: TypedAnswers, count: int) -> None:
        self.inner, self.count = inner, count

    def next_answer(self, question: Any, audio_path: Path, language: Any) -> Any:
        if self.count == 0:
            raise KeyboardInterrupt
        self.count -= 1
        return self.inner.next_answer(question, audio_path, language)


def test_interrupted_session_is_resumable_and_continues(store: SqliteStore, test_assets: Path) -> None:
    runner = InterviewRunner(store, OfflineEngine(), _InterruptAfter(typed(STRONG, STRONG), 2))
    session = runner.create(CONFIG)
    with pytest.raises(KeyboardInterrupt):
        runner.run(session)
    stored = store.get_session(session.id)
    assert stored.status is SessionStatus.IN_PROGRESS
    assert len([a for a in stored.answers if not a.skipped]) == 2
    assert stored.id in {s.id for s in store.resumable_sessions()}
    again = InterviewRunner(store, OfflineEngine(), typed(STRONG, STRONG, STRONG)).run(stored)
    assert again.completed
    final = store.get_session(session.id)
    assert len(final.answers) == len(final.questions) == 5
    assert [a.transcript for a in final.answers if not a.skipped].count(STRONG) == 5


@pytest.mark.slow
def test_wav_answers_go_through_the_live_pipeline(
    store: SqliteStore, test_assets: Path, tmp_path: Path, tiny_whisper: Any
) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    for index, name in enumerate(("espeak_answer_16k", "jfk", "librivox_0880"), start=1):
        shutil.copy(FIXTURES / f"{name}.wav", folder / f"answer_{index:02d}.wav")
    source = WavDirAnswers(folder, tiny_whisper)
    runner = InterviewRunner(store, OfflineEngine(), source)
    session = runner.create(CONFIG.model_copy(update={"answer_mode": AnswerMode.VOICE}))
    runner.run(session)
    stored = store.get_session(session.id)
    flow = InterviewFlow.resume(stored)
    first = flow.ordered()[0]
    answer = stored.answer_for(first.id)
    assert answer is not None and answer.audio_path and store.resolve(answer.audio_path).is_file()
    assert "replica" in answer.transcript.lower() and answer.delivery is not None
    assert answer.delivery.word_count > 150 and 100 < answer.delivery.words_per_minute < 250
    second = flow.ordered()[1]
    off_topic = stored.answer_for(second.id)
    assert off_topic is not None and "country" in off_topic.transcript.lower()
    follow_up = flow.ordered()[2]
    assert follow_up.parent_id == second.id  # the off-topic answer got its follow-up, answered by file 3
    assert "young man" in (stored.answer_for(follow_up.id).transcript.lower())  # type: ignore[union-attr]
    assert source.used == 3


def test_a_plan_that_fails_leaves_no_resumable_empty_session(store: SqliteStore, tmp_path: Path) -> None:
    from mockmate_desktop.engine.offline.bank import BankError, load_bank
    from tests.support.offline_bank import build_entries

    folder = tmp_path / "tiny-bank"
    folder.mkdir()
    (folder / "q.json").write_text(json.dumps(build_entries()[:2]), encoding="utf-8")
    runner = InterviewRunner(store, OfflineEngine(load_bank(folder)), typed(STRONG))
    session = runner.create(CONFIG)
    with pytest.raises(BankError, match="only 2 questions"):
        runner.run(session)
    assert store.get_session(session.id).status is SessionStatus.ABANDONED
    assert session.id not in {s.id for s in store.resumable_sessions()}
