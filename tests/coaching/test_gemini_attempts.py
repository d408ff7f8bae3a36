"""An attempt at a Gemini interview is scored by Gemini, and the interview's answer with it; when Gemini
cannot score, both fall back to the offline rubric together. The real google-genai SDK talks to the local
Gemini-compatible server (tests/support/gemini_server.py), faults included."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from mockmate_desktop.core.settings import Settings
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import AnswerMode, Source
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.domain.reports import ReportSet
from mockmate_desktop.engine.gemini.engine import GeminiEngine
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.coaching import CoachingService, NewAttempt, coaching_service
from mockmate_desktop.storage.archive import export_session
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.cli.conftest import RunCli, run_cli  # noqa: F401 (the fixture)
from tests.support.fake_gemini import FakeGeminiServer, client_for, session_with_answers, settings_for
from tests.support.gemini_server import Fault
from tests.support.gemini_server_content import score_answer

from .conftest import reported_session

WEAK = "I would look at it and try something."
STRONG = (
    "In my last role the nightly load took 4 hours. I used Python and Kafka concretely: I split the job into "
    "partitions and streamed the changes. As a result the load finished in 25 minutes, a measurable result "
    "we tracked for 6 months."
)


@pytest.fixture
def fake_gemini() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer() as server:
        yield server


def gemini_session(server: FakeGeminiServer) -> InterviewSession:
    """A finished interview planned and reported by Gemini (through the SDK), every answer weak."""
    engine = GeminiEngine(client_for(server))
    cfg = InterviewConfig(job_title="Data Engineer", job_description="Python, Kafka and SQL.", question_count=5)
    questions = engine.plan_questions(cfg, None)
    session = session_with_answers(cfg, questions, [WEAK] * len(questions))
    session.reports = ReportSet(questions=engine.questions_report(session))
    assert session.reports.questions is not None and session.reports.questions.source is Source.GEMINI
    return session


def _typed(text: str) -> NewAttempt:
    return NewAttempt(mode=AnswerMode.TYPED, transcript=text)


def test_a_gemini_interview_is_re_scored_by_gemini_on_both_sides(
    store: SqliteStore, fake_gemini: FakeGeminiServer
) -> None:
    session = gemini_session(fake_gemini)
    store.save_session(session)
    question = session.questions[0]
    service = coaching_service(store, settings_for(fake_gemini))
    before = len(fake_gemini.generate_requests())
    result = service.practise(session.id, question.id, _typed(STRONG))

    attempt = result.attempt
    assert attempt.source is Source.GEMINI and attempt.model_name == Settings().gemini_model
    assert attempt.scored_by == f"Gemini ({attempt.model_name})" and attempt.scoring_note == ""
    # Two practise-mode calls on the wire: the new attempt and the interview's own answer, same question.
    sent = [r.parsed.blocks for r in fake_gemini.generate_requests()[before:]]
    assert sorted(b["answer"].strip() for b in sent) == sorted([STRONG, WEAK])
    assert all(b["question"].strip() == question.text for b in sent)
    assert all("gives a measurable result" in b["expected_points"] for b in sent)
    # The scores are the server's verdicts (not the offline rubric's), and the comparison uses both.
    assert attempt.score == pytest.approx(score_answer(question.text, STRONG), abs=0.05)
    assert result.comparison.score_before == pytest.approx(score_answer(question.text, WEAK), abs=0.05)
    assert result.comparison.score_delta > 2
    assert "gives a measurable result" in result.comparison.now_covered
    assert attempt.star is not None and attempt.star.result
    stored = store.list_attempts(session.id, question.id)[0]
    assert stored.source is Source.GEMINI and stored.compared_with == attempt.compared_with
    # A second attempt at the same question re-uses the interview answer's Gemini score: one call only.
    before = len(fake_gemini.generate_requests())
    service.practise(session.id, question.id, _typed(WEAK))
    assert len(fake_gemini.generate_requests()) == before + 1
    assert service.compare(session.id, stored) == result.comparison


@pytest.mark.parametrize(
    ("faults", "reason"),
    [
        # Both calls (they run at once) miss the schema, and so do both re-asks.
        ((Fault.SCHEMA_MISS,) * 4, "did not fit the expected format"),
        ((Fault.INVALID_KEY,), "key"),
        # One of the pair (the attempt or the interview answer, scored at once) succeeds, the other fails:
        # both go offline.
        ((Fault.OK, Fault.SCHEMA_MISS, Fault.SCHEMA_MISS), "did not fit the expected format"),
    ],
)
def test_gemini_failing_falls_back_to_the_offline_rubric_for_both_sides(
    store: SqliteStore, fake_gemini: FakeGeminiServer, faults: tuple[Fault, ...], reason: str
) -> None:
    session = gemini_session(fake_gemini)
    store.save_session(session)
    question = session.questions[1]
    fake_gemini.push(*faults)
    result = coaching_service(store, settings_for(fake_gemini)).practise(session.id, question.id, _typed(STRONG))

    attempt = result.attempt
    assert attempt.source is Source.OFFLINE and attempt.scored_by == "the offline rubric"
    assert attempt.scoring_note.startswith("Gemini could not score this attempt") and reason in attempt.scoring_note
    assert attempt.scoring_note.endswith("scored offline instead.")
    offline = CoachingService(store, OfflineEngine().bank)
    twin = offline.practise(session.id, question.id, _typed(STRONG))
    assert (attempt.score, result.comparison.score_before) == (twin.attempt.score, twin.comparison.score_before)


def test_an_unanswering_gemini_falls_back_within_the_step_budget(
    store: SqliteStore, fake_gemini: FakeGeminiServer
) -> None:
    """Both calls hang: the attempt is scored offline once the interview's step budget is spent, not after
    the client's default budget (two full request timeouts and more)."""
    session = gemini_session(fake_gemini)
    store.save_session(session)
    settings = settings_for(fake_gemini, timeout_s=60.0).model_copy(update={"gemini_step_budget_s": 2.0})
    fake_gemini.push(Fault.HANG, Fault.HANG)
    result = coaching_service(store, settings).practise(session.id, session.questions[2].id, _typed(STRONG))
    assert result.attempt.source is Source.OFFLINE
    assert result.attempt.scoring_note.startswith("Gemini could not score this attempt")
    assert result.seconds < 30, result.seconds  # the client's default budget here would be 135 s


def test_no_key_scores_offline_and_says_why(store: SqliteStore, fake_gemini: FakeGeminiServer) -> None:
    session = gemini_session(fake_gemini)
    store.save_session(session)
    before = len(fake_gemini.generate_requests())
    no_key = Settings(gemini_base_url=fake_gemini.base_url)
    assert not no_key.has_gemini_key
    result = coaching_service(store, no_key).practise(session.id, session.questions[0].id, _typed(STRONG))
    assert result.attempt.source is Source.OFFLINE
    assert "no Gemini key is set" in result.attempt.scoring_note
    assert len(fake_gemini.generate_requests()) == before


def test_an_offline_interview_stays_offline_with_a_key_set(
    store: SqliteStore, fake_gemini: FakeGeminiServer
) -> None:
    session = reported_session(OfflineEngine())
    store.save_session(session)
    before = len(fake_gemini.generate_requests())
    result = coaching_service(store, settings_for(fake_gemini)).practise(
        session.id, session.questions[0].id, _typed(STRONG)
    )
    assert result.attempt.source is Source.OFFLINE and result.attempt.scoring_note == ""
    assert len(fake_gemini.generate_requests()) == before


def test_the_export_and_the_terminal_say_who_scored(
    store: SqliteStore, fake_gemini: FakeGeminiServer, run_cli: RunCli, tmp_path: object  # noqa: F811
) -> None:
    import zipfile
    from pathlib import Path

    session = gemini_session(fake_gemini)
    store.save_session(session)
    env = {"GEMINI_API_KEY": fake_gemini.api_key, "MOCKMATE_GEMINI_BASE_URL": fake_gemini.base_url}
    done = run_cli("practise", str(session.id), "Q1", "--typed", stdin=STRONG, env=env)
    assert done.returncode == 0, done.stderr
    assert f"Both answers scored by Gemini ({Settings().gemini_model})" in done.stdout

    fake_gemini.push(Fault.INVALID_KEY)
    fallen = run_cli("practise", str(session.id), "Q2", "--typed", "--json", stdin=STRONG, env=env)
    payload = json.loads(fallen.stdout)
    assert payload["scored_by"] == "the offline rubric" and payload["attempt"]["source"] == "offline"
    assert payload["attempt"]["scoring_note"].startswith("Gemini could not score this attempt")

    archive = export_session(store, session.id, Path(str(tmp_path)) / "session.zip")
    with zipfile.ZipFile(archive) as zipped:
        practice = json.loads(zipped.read("practice.json"))
    sources = sorted(a["source"] for a in practice["attempts"])
    assert sources == ["gemini", "offline"]
    assert all(a["compared_with"] is not None for a in practice["attempts"])
