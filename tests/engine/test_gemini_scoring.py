"""Gemini scoring requests checked on the wire, through the real google-genai SDK and the local
Gemini-compatible server: anchored rubric with the stuffing rule, evidence and reasoning before the score,
a cool temperature, and each question's competency and expected points in the per-question call."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from mockmate_desktop.domain.enums import Difficulty, Language, Source
from mockmate_desktop.domain.resume import ResumeProfile
from mockmate_desktop.engine.gemini.engine import GeminiEngine
from mockmate_desktop.services.practice import PracticeRequest, practise
from tests.engine.test_gemini_engine import config
from tests.support.fake_gemini import FakeGeminiServer, client_for, session_with_answers, settings_for


def _order(schema: dict[str, Any]) -> list[str]:
    return list(schema.get("propertyOrdering") or schema.get("property_ordering") or schema["properties"])


def test_practise_request_carries_rubric_order_and_temperature(fake_gemini: FakeGeminiServer) -> None:
    request = PracticeRequest(
        question="What is the difference between git merge and git rebase?",
        answer="Merge adds a merge commit; rebase replays commits. I never rebase shared branches.",
        difficulty=Difficulty.EXPERT,
        language=Language.EN,
        engine="gemini",
    )
    result = practise(request, settings_for(fake_gemini))
    assert result.method == "gemini" and 0 <= result.score <= 10
    sent = fake_gemini.generate_requests()[-1]
    assert "Stuffing rule" in sent.system and "9-10:" in sent.system and "Expert: 8+" in sent.system
    assert "Write every sentence in English" in sent.system
    config_sent = sent.body["generationConfig"]
    assert config_sent["temperature"] <= 0.2
    order = _order(config_sent["responseSchema"])
    assert order.index("evidence") < order.index("score") and order.index("reasoning") < order.index("score")
    # The question comes from the bank: its expected points travel as data, never as instructions.
    assert any("expected_points" in t for t in sent.texts)


def test_per_question_call_first_with_competency_points_and_resume_digest(
    fake_gemini: FakeGeminiServer,
) -> None:
    engine = GeminiEngine(client_for(fake_gemini))
    cfg = config(resume_id=uuid4())
    resume = ResumeProfile(source=Source.OFFLINE, skills_technical=["Terraform", "Kafka"], name="Asha")
    questions = engine.plan_questions(cfg, resume)
    session = session_with_answers(
        cfg, questions, ["I used Python and PostgreSQL for 3 years."] * len(questions)
    )
    before = len(fake_gemini.generate_requests())
    summary = engine.summary_report(session)
    sent = fake_gemini.generate_requests()[before:]
    first, second = sent[0], sent[1]
    assert "items" in _order(first.body["generationConfig"]["responseSchema"])
    assert first.body["generationConfig"]["temperature"] <= 0.2
    blocks = " ".join(first.texts)
    assert "q1_competency" in blocks and "q1_expected_points" in blocks
    assert "resume_profile" in blocks and "Terraform" in blocks
    assert "per_question_scores" in " ".join(second.texts)
    summary_order = _order(second.body["generationConfig"]["responseSchema"])
    assert summary_order.index("reasoning") < summary_order.index("overall_score")
    questions_report = engine.questions_report(session)
    scores = [i.score for i in questions_report.items]
    weights = [0.5 if i.is_follow_up else 1.0 for i in questions_report.items]
    derived = round(10 * sum(s * w for s, w in zip(scores, weights, strict=True)) / sum(weights))
    assert abs(summary.overall_score - derived) <= 1
    assert 1 <= summary.selection_probability <= 99
