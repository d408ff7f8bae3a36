"""The interview orchestrator: every step stored at once, follow-ups placed, a resume in a new process
carries on exactly (an interrupted follow-up decision included), a failed plan stores nothing, a failed
delivery measurement keeps the answer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, QuestionKind, SessionStatus, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.answer_sources import WavDirAnswers
from mockmate_desktop.services.orchestrator import InterviewOrchestrator, Response
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


def typed(text: str) -> Response:
    return Response(mode=AnswerMode.TYPED, text=text, input_ref="typed")


def answer_all(interview: InterviewOrchestrator, texts: list[str]) -> list[str]:
    """The terminal's loop, reduced to its steps: ask, answer, until the texts or the questions run out."""
    asked: list[str] = []
    while texts and (prompt := interview.next_prompt()) is not None:
        asked.append(prompt.question.text)
        interview.submit(prompt.question.id, typed(texts.pop(0)))
    return asked


def test_typed_interview_stores_everything_and_completes(store: SqliteStore, test_assets: Path) -> None:
    seen: list[str] = []
    interview = InterviewOrchestrator.start(
        store, OfflineEngine(), CONFIG, on_report=lambda kind, _r: seen.append(kind)
    )
    assert store.get_session(interview.session_id).status is SessionStatus.IN_PROGRESS
    answer_all(interview, [STRONG, "I did my best.", STRONG, STRONG, STRONG, STRONG, STRONG])
    assert interview.next_prompt() is None
    finished = interview.finish()
    assert finished.completed
    stored = store.get_session(interview.session_id)
    assert stored.status is SessionStatus.COMPLETED and stored.reports.complete
    assert seen[0] == "delivery" and sorted(seen[1:]) == ["performance", "questions", "summary"]
    follow_ups = [q for q in stored.questions if q.kind is QuestionKind.FOLLOW_UP]
    assert len(follow_ups) == 1  # only the thin answer earned one
    ordered = sorted(stored.questions, key=lambda q: q.position)
    parent_index = next(i for i, q in enumerate(ordered) if q.id == follow_ups[0].parent_id)
    assert ordered[parent_index + 1].id == follow_ups[0].id
    assert all(
        (a := stored.answer_for(q.id)) is not None and a.input_ref == "typed" for q in stored.questions
    )
    assert not any(a.follow_up_pending for a in stored.answers)
    assert {q.source for q in stored.questions} == {Source.OFFLINE}


def test_a_new_process_carries_on_exactly_where_the_last_stopped(
    store: SqliteStore, test_assets: Path
) -> None:
    first = InterviewOrchestrator.start(store, OfflineEngine(), CONFIG)
    asked = answer_all(first, [STRONG, STRONG])
    assert first.session.status is SessionStatus.IN_PROGRESS
    assert first.session_id in {s.id for s in store.resumable_sessions()}
    upcoming = first.next_prompt()
    assert upcoming is not None
    # A new orchestrator reads only the store, as a new process would.
    again, tidied = InterviewOrchestrator.open(store, OfflineEngine(), first.session_id)
    assert tidied == []
    resumed = again.next_prompt()
    assert resumed is not None and resumed.question.id == upcoming.question.id and resumed.number == 3
    asked += answer_all(again, [STRONG, STRONG, STRONG])
    assert again.finish().completed
    final = store.get_session(first.session_id)
    assert len(final.answers) == len(final.questions) == 5 == len(set(asked))


class _KilledDuringDecision(OfflineEngine):
    """The process dies (here: an exception no step catches) while the follow-up is being decided."""

    def decide_follow_up(
        self, session: InterviewSession, question: Question, answer: Answer
    ) -> Question | None:
        raise KeyboardInterrupt


def test_an_interrupted_follow_up_decision_is_made_when_the_interview_is_opened_again(
    store: SqliteStore, test_assets: Path
) -> None:
    interview = InterviewOrchestrator.start(store, _KilledDuringDecision(), CONFIG)
    prompt = interview.next_prompt()
    assert prompt is not None
    with pytest.raises(KeyboardInterrupt):
        interview.submit(prompt.question.id, typed("I did my best."))
    stored = store.get_session(interview.session_id)
    answer = stored.answer_for(prompt.question.id)
    assert answer is not None and answer.follow_up_pending  # the answer itself was committed first
    again, _ = InterviewOrchestrator.open(store, OfflineEngine(), interview.session_id)
    after = again.next_prompt()
    assert after is not None and after.follow_up and after.question.parent_id == prompt.question.id
    assert not any(a.follow_up_pending for a in store.get_session(interview.session_id).answers)


def test_a_plan_that_fails_stores_no_session(store: SqliteStore, tmp_path: Path) -> None:
    from mockmate_desktop.engine.offline.bank import BankError, load_bank
    from tests.support.offline_bank import build_entries

    folder = tmp_path / "tiny-bank"
    folder.mkdir()
    (folder / "q.json").write_text(json.dumps(build_entries()[:2]), encoding="utf-8")
    with pytest.raises(BankError, match="only 2 questions"):
        InterviewOrchestrator.start(store, OfflineEngine(load_bank(folder)), CONFIG)
    assert list(store.list_sessions()) == [] and list(store.resumable_sessions()) == []


def test_a_failed_delivery_measurement_keeps_the_answer(store: SqliteStore, test_assets: Path) -> None:
    def broken(*_args: Any) -> Any:
        raise ValueError("metrics exploded")

    from mockmate_desktop.domain.delivery import WordTiming

    interview = InterviewOrchestrator.start(store, OfflineEngine(), CONFIG, delivery=broken)
    prompt = interview.next_prompt()
    assert prompt is not None
    words = [WordTiming(word=w, start=i * 0.4, end=i * 0.4 + 0.3) for i, w in enumerate(STRONG.split()[:40])]
    spoken = Response(
        mode=AnswerMode.VOICE, text=STRONG, words=words, duration_s=16.0, input_ref="microphone"
    )
    submitted = interview.submit(prompt.question.id, spoken)
    stored = store.get_session(interview.session_id).answer_for(prompt.question.id)
    assert stored is not None and stored.transcript == STRONG and stored.delivery is None
    assert any("metrics exploded" in n for n in store.get_session(interview.session_id).engine_notes)
    assert submitted.answer.transcript == STRONG


@pytest.mark.slow
def test_wav_answers_go_through_the_live_pipeline_and_a_resume_takes_the_next_file(
    store: SqliteStore, test_assets: Path, tmp_path: Path, tiny_whisper: Any
) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    for index, name in enumerate(("espeak_answer_16k", "jfk", "librivox_0880"), start=1):
        shutil.copy(FIXTURES / f"{name}.wav", folder / f"answer_{index:02d}.wav")
    config = CONFIG.model_copy(update={"answer_mode": AnswerMode.VOICE})
    interview = InterviewOrchestrator.start(store, OfflineEngine(), config)
    source = WavDirAnswers(folder, tiny_whisper)
    for _ in range(2):
        prompt = interview.next_prompt()
        assert prompt is not None
        captured = source.next_answer(prompt.question, interview.audio_path(prompt.question), config.language)
        assert captured is not None
        interview.submit(prompt.question.id, captured)
    # A continued interview (new source, new orchestrator) takes answer_03, not answer_01 again.
    again, _ = InterviewOrchestrator.open(store, OfflineEngine(), interview.session_id)
    fresh = WavDirAnswers(folder, tiny_whisper)
    fresh.skip_used(again.used_inputs())
    prompt = again.next_prompt()
    assert prompt is not None
    captured = fresh.next_answer(prompt.question, again.audio_path(prompt.question), config.language)
    assert captured is not None and captured.input_ref == "answer_03.wav"
    again.submit(prompt.question.id, captured)
    stored = store.get_session(interview.session_id)
    ordered = sorted(stored.questions, key=lambda q: q.position)
    first = stored.answer_for(ordered[0].id)
    assert first is not None and first.audio_path and store.resolve(first.audio_path).is_file()
    assert "replica" in first.transcript.lower() and first.delivery is not None
    assert first.delivery.word_count > 150 and 100 < first.delivery.words_per_minute < 250
    off_topic = stored.answer_for(ordered[1].id)
    assert off_topic is not None and "country" in off_topic.transcript.lower()
    follow_up = ordered[2]
    assert follow_up.parent_id == ordered[1].id  # the off-topic answer got its follow-up, answered by file 3
    third = stored.answer_for(follow_up.id)
    assert third is not None and "young man" in third.transcript.lower()
    assert [stored.answer_for(q.id).input_ref for q in ordered[:3]] == [  # type: ignore[union-attr]
        "answer_01.wav",
        "answer_02.wav",
        "answer_03.wav",
    ]
