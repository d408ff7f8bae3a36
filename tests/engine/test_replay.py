"""Recorded Gemini sessions replay with no network at all; anything unrecorded is a clear error."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Source
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.domain.reports import ReportSet
from mockmate_desktop.engine.cache import RequestCache
from mockmate_desktop.engine.gemini.engine import GeminiEngine
from mockmate_desktop.engine.protocols import CacheMissError, InterviewEngine
from mockmate_desktop.engine.replay import ReplayEngine
from tests.support.fake_gemini import FakeGeminiServer, client_for, session_with_answers

CONFIG = InterviewConfig(job_title="Site Reliability Engineer", job_description="Linux, Prometheus, Go.")
ANSWERS = [
    "Short.",
    "At my last job our team ran Prometheus on Linux. My task was to cut alert noise; I decided to "
    "group alerts and as a result pages dropped by 60% in a month.",
    "",
    "I wrote a Go tool that restarts stuck workers; it saved 3 hours of toil every week.",
    "Linux tuning: I raised file limits after measuring 2000 open sockets per worker.",
]


def run_interview(engine: InterviewEngine) -> InterviewSession:
    """The same steps the interview runner takes: plan, answer, maybe follow up, three reports."""
    questions = engine.plan_questions(CONFIG, None)
    session = session_with_answers(CONFIG, questions, ANSWERS)
    follow_up = engine.decide_follow_up(session, questions[0], session.answers[0])
    if follow_up is not None:
        session.questions.append(follow_up)
        session.answers.append(Answer(question_id=follow_up.id, transcript="I used Go and Prometheus daily."))
    session.reports = ReportSet(
        summary=engine.summary_report(session),
        performance=engine.performance_report(session),
        questions=engine.questions_report(session),
    )
    return session


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a connection fails, as on a machine with no network."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


@pytest.fixture
def recorded() -> tuple[RequestCache, InterviewSession]:
    cache = RequestCache(AppPaths.from_environment().ensure().gemini_cache_dir)
    with FakeGeminiServer() as server:
        live = run_interview(GeminiEngine(client_for(server, cache=cache)))
        assert len(cache) == len(server.generate_requests())
    return cache, live


def test_replay_serves_a_recorded_session_with_the_network_blocked(
    recorded: tuple[RequestCache, InterviewSession], no_network: None
) -> None:
    cache, live = recorded
    with pytest.raises(OSError, match="network blocked"):
        socket.create_connection(("127.0.0.1", 9))

    replayed = run_interview(ReplayEngine(cache, "gemini-2.5-flash"))

    assert [q.text for q in replayed.questions] == [q.text for q in live.questions]
    assert {q.source for q in replayed.questions} == {Source.CACHED}
    assert replayed.reports.sources == {Source.CACHED}
    assert replayed.reports.summary and live.reports.summary
    assert replayed.reports.summary.overall_score == live.reports.summary.overall_score
    assert replayed.reports.questions and live.reports.questions
    assert [i.score for i in replayed.reports.questions.items] == [
        i.score for i in live.reports.questions.items
    ]


def test_an_unrecorded_request_is_a_clear_cache_miss(
    recorded: tuple[RequestCache, InterviewSession], no_network: None
) -> None:
    cache, _ = recorded
    engine = ReplayEngine(cache, "gemini-2.5-flash")
    other = CONFIG.model_copy(update={"job_title": "Product Manager"})
    with pytest.raises(
        CacheMissError, match=r"no recorded answer for this request \(QuestionPlanOut"
    ) as caught:
        engine.plan_questions(other, None)
    assert "Only a recorded session can be replayed" in str(caught.value)


def test_different_answers_miss_the_cache(recorded: tuple[RequestCache, InterviewSession]) -> None:
    cache, live = recorded
    engine = ReplayEngine(cache, "gemini-2.5-flash")
    changed = live.model_copy(deep=True)
    changed.answers[1].transcript = "A different answer than the recorded one."
    # The summary is derived from the per-question call, which runs first and misses first.
    with pytest.raises(CacheMissError, match="QuestionsOut"):
        engine.summary_report(changed)


def test_a_damaged_entry_is_a_miss_not_garbage(recorded: tuple[RequestCache, InterviewSession]) -> None:
    cache, _ = recorded
    for path in Path(cache.folder).glob("*.json"):
        path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CacheMissError):
        ReplayEngine(cache, "gemini-2.5-flash").plan_questions(CONFIG, None)


def test_empty_cache_folder_is_a_miss() -> None:
    cache = RequestCache(AppPaths.from_environment().gemini_cache_dir)
    with pytest.raises(CacheMissError):
        ReplayEngine(cache, "gemini-2.5-flash").plan_questions(CONFIG, None)
