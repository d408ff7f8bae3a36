"""Fallback in one place: the real google-genai SDK against the local Gemini-compatible server. Any Gemini
failure, refusals included, sends that step to the offline engine and the step says so; a hanging Gemini
falls back within the step budget; every report's source says who really made it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mockmate_desktop.core.settings import Settings
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, EngineChoice, QuestionKind, SessionStatus, Source
from mockmate_desktop.engine.factory import build_engine
from mockmate_desktop.engine.fallback import FallbackEngine
from mockmate_desktop.engine.gemini.engine import GeminiEngine
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.orchestrator import InterviewOrchestrator, Response
from mockmate_desktop.services.report_export import engine_info, report_document
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.fake_gemini import FakeGeminiServer, Fault, client_for

THIN = "I did it."  # thin on purpose: every decision asks for a follow-up
CONFIG = InterviewConfig(
    job_title="Backend Engineer", interview_type="technical", question_count=5, answer_mode=AnswerMode.TYPED
)


def _answer(interview: InterviewOrchestrator) -> list[str]:
    """Answer the next question; the notes that step produced."""
    prompt = interview.next_prompt()
    assert prompt is not None
    return interview.submit(prompt.question.id, Response(mode=AnswerMode.TYPED, text=THIN)).notes


def test_gemini_503_mid_interview_switches_to_offline(store: SqliteStore, test_assets: Path) -> None:
    with FakeGeminiServer() as server:
        primary = GeminiEngine(client_for(server, max_attempts=2, total_budget_s=5.0))
        engine = FallbackEngine(primary, OfflineEngine())
        interview = InterviewOrchestrator.start(store, engine, CONFIG)
        for _ in range(2):  # question 1 (Gemini decides a follow-up) and that follow-up's answer
            _answer(interview)
        server.always = Fault.UNAVAILABLE
        while interview.next_prompt() is not None:
            _answer(interview)
        finished = interview.finish()
        failures = [r for r in server.generate_requests() if r.fault is Fault.UNAVAILABLE]

    assert finished.completed and failures
    stored = store.get_session(interview.session_id)
    assert stored.status is SessionStatus.COMPLETED
    mains = [q for q in stored.questions if q.kind is QuestionKind.MAIN]
    assert {q.source for q in mains} == {Source.GEMINI}  # planned before the outage
    follow_sources = [q.source for q in sorted(stored.questions, key=lambda q: q.position) if q.parent_id]
    assert follow_sources[0] is Source.GEMINI and set(follow_sources[1:]) == {Source.OFFLINE}
    assert engine.switched
    assert any("unavailable from the follow-up decision after question 2" in n for n in stored.engine_notes)
    reports = (stored.reports.summary, stored.reports.performance, stored.reports.questions)
    assert {r.source for r in reports if r is not None} == {Source.OFFLINE}
    assert stored.sources >= {Source.GEMINI, Source.OFFLINE}


@pytest.mark.parametrize(
    ("fault", "said"),
    [
        (Fault.BAD_REQUEST, "400 INVALID_ARGUMENT"),
        (Fault.BLOCKED, "blocked: SAFETY"),
        (Fault.SAFETY_FINISH, "blocked: SAFETY"),
        (Fault.EMPTY, "no answer was returned"),
    ],
)
def test_a_refusal_sends_that_step_offline_with_a_label_and_the_next_step_tries_gemini_again(
    store: SqliteStore, test_assets: Path, fault: Fault, said: str
) -> None:
    with FakeGeminiServer() as server:
        engine = FallbackEngine(GeminiEngine(client_for(server)), OfflineEngine())
        interview = InterviewOrchestrator.start(store, engine, CONFIG)
        server.push(fault)  # the follow-up decision after question 1 is refused
        notes = _answer(interview)
        refused_step = interview.next_prompt()
        _answer(interview)  # the offline follow-up's answer
        _answer(interview)  # question 2: Gemini decides again
        after = interview.next_prompt()
        server.always = fault  # every report refused
        finished = interview.finish(ended_early=True)

    assert any(said in n and "was made by the offline engine" in n for n in notes), notes
    assert refused_step is not None and refused_step.follow_up
    assert refused_step.question.source is Source.OFFLINE  # the step says who made it
    assert after is not None and after.follow_up and after.question.source is Source.GEMINI
    assert not engine.switched  # a refusal is about one request, not the service
    stored = finished.session
    made = (stored.reports.summary, stored.reports.performance, stored.reports.questions)
    assert [r.source for r in made if r is not None] == [Source.OFFLINE] * 3
    assert sum("report was made by the offline engine" in n for n in stored.engine_notes) == 3
    info = engine_info(stored, EngineChoice.GEMINI, Settings())
    document = report_document(stored, info)
    assert document["engine"]["source"] == "offline"  # not the engine that was asked for
    assert set(document["engine"]["report_sources"].values()) == {"offline"}


def test_a_hanging_gemini_falls_back_within_the_step_budget(store: SqliteStore, test_assets: Path) -> None:
    budget = 2.0
    with FakeGeminiServer(hang_max_s=30.0) as server:
        settings = Settings(
            gemini_api_key=server.api_key,
            gemini_base_url=server.base_url,
            gemini_timeout_s=60.0,
            gemini_step_budget_s=budget,
        )
        engine = build_engine(EngineChoice.GEMINI, settings, store.home / "gemini-cache")
        server.always = Fault.HANG
        began = time.monotonic()
        interview = InterviewOrchestrator.start(store, engine, CONFIG)
        planned_in = time.monotonic() - began
        began = time.monotonic()
        finished = interview.finish()  # every report gives the hanging primary its own try
        reports_in = time.monotonic() - began

    assert planned_in < budget + 1.5, planned_in  # not the 60 s HTTP timeout, nor its retries
    assert reports_in < budget + 1.5, reports_in  # the three run side by side, each within the budget
    assert {q.source for q in interview.session.questions} == {Source.OFFLINE}
    assert any(f"no answer within {budget:g} s" in n for n in interview.session.engine_notes)
    made = finished.session.reports
    assert {r.source for r in (made.summary, made.performance, made.questions) if r} == {Source.OFFLINE}
