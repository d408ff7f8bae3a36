"""Gemini unavailable mid-interview: the real google-genai SDK against the local Gemini-compatible server
answers the plan and the first follow-up decision, then the server only returns 503; the offline engine
takes over and the session records which parts came from which."""

from __future__ import annotations

import io
from pathlib import Path

from mockmate_desktop.services.interview_runner import InterviewRunner, RunnerEvents

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, QuestionKind, SessionStatus, Source
from mockmate_desktop.engine.fallback import FallbackEngine
from mockmate_desktop.engine.gemini.engine import GeminiEngine
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.answer_sources import TypedAnswers
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.fake_gemini import FakeGeminiServer, Fault, client_for

ANSWER = "I did it."  # thin on purpose: every decision asks for a follow-up


def test_gemini_503_mid_interview_switches_to_offline(store: SqliteStore, test_assets: Path) -> None:
    config = InterviewConfig(
        job_title="Backend Engineer",
        interview_type="technical",
        question_count=5,
        answer_mode=AnswerMode.TYPED,
    )
    with FakeGeminiServer() as server:
        primary = GeminiEngine(client_for(server, max_attempts=2, total_budget_s=5.0))
        engine = FallbackEngine(primary, OfflineEngine())
        answered: list[str] = []

        def after_answer(question: object, answer: object, origin: str) -> None:
            answered.append(origin)
            if len(answered) == 3:  # plan, decision 1 (and its follow-up's answer) were served by Gemini
                server.always = Fault.UNAVAILABLE

        stdin = io.StringIO("".join(f"{ANSWER}\n\n" for _ in range(20)))
        runner = InterviewRunner(
            store,
            engine,
            TypedAnswers(stdin, prompt=io.StringIO()),
            events=RunnerEvents(on_answer=after_answer),
        )
        session = runner.create(config)
        result = runner.run(session)
        failures = [r for r in server.generate_requests() if r.fault is Fault.UNAVAILABLE]

    assert result.completed
    assert failures, "the server never refused a request"
    stored = store.get_session(session.id)
    assert stored.status is SessionStatus.COMPLETED
    mains = [q for q in stored.questions if q.kind is QuestionKind.MAIN]
    assert {q.source for q in mains} == {Source.GEMINI}  # planned before the outage
    follow_sources = [q.source for q in sorted(stored.questions, key=lambda q: q.position) if q.parent_id]
    assert follow_sources[0] is Source.GEMINI and set(follow_sources[1:]) == {Source.OFFLINE}
    assert engine.switched
    assert any("unavailable from the follow-up decision after question 2" in n for n in stored.engine_notes)
    assert stored.reports.complete
    reports = (stored.reports.summary, stored.reports.performance, stored.reports.questions)
    assert {r.source for r in reports if r is not None} == {Source.OFFLINE}
    assert stored.sources >= {Source.GEMINI, Source.OFFLINE}
