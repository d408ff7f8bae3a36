"""What the Gemini plan and follow-up requests carry (issue 14), checked through the real google-genai SDK
against the local Gemini-compatible server: requirement groups, resume claims, difficulty as a bar, the
interview so far and the resume digest; and what comes back (requirement and rationale per question)."""

from __future__ import annotations

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Difficulty, InterviewType, Source
from mockmate_desktop.domain.resume import Experience, ResumeProfile
from mockmate_desktop.engine.gemini.engine import GeminiEngine
from tests.support.fake_gemini import FakeGeminiServer, client_for, session_with_answers

JD = (
    "Requirements: Python or Go, PostgreSQL, Kafka or RabbitMQ, Kubernetes and Prometheus/Grafana.\n"
    "Nice to have: Terraform, PCI DSS."
)
RESUME = ResumeProfile(
    source=Source.OFFLINE,
    name="Asha Rao",
    skills_technical=["Python", "Kafka"],
    experience=[
        Experience(
            title="Senior Engineer",
            organisation="ShipFast",
            highlights=["Cut p95 latency from 8 s to 400 ms by adding a Redis cache"],
        )
    ],
)


def _config(**changes: object) -> InterviewConfig:
    values: dict[str, object] = {
        "job_title": "Backend Engineer",
        "job_description": JD,
        "question_count": 6,
        "interview_type": InterviewType.TECHNICAL,
        "difficulty": Difficulty.EXPERIENCED,
    }
    values.update(changes)
    return InterviewConfig.model_validate(values)


def test_plan_request_carries_groups_claims_and_the_bar(fake_gemini: FakeGeminiServer) -> None:
    engine = GeminiEngine(client_for(fake_gemini))
    questions = engine.plan_questions(_config(), RESUME)
    request = fake_gemini.generate_requests()[0]
    blocks = request.parsed.blocks
    assert blocks["jd_requirements"].splitlines()[:2] == ["required: Python or Go", "required: PostgreSQL"]
    assert "nice to have: PCI DSS" in blocks["jd_requirements"]
    assert "from 8 s to 400 ms" in blocks["resume_claims"] and "ShipFast" in blocks["resume_claims"]
    assert "The bar:" in request.system and "own systems or outcomes in production" in request.system
    assert "never drop a skill name into a fixed template" in request.system
    schema = request.response_schema or {}
    item = schema["properties"]["questions"]["items"]["properties"]
    assert {"requirement", "rationale"} <= set(item)
    assert all(q.rationale for q in questions)
    assert any(q.requirement == "Python or Go" for q in questions)


def test_follow_up_request_carries_the_interview_so_far_and_the_resume(fake_gemini: FakeGeminiServer) -> None:
    stored = RESUME.model_copy()
    engine = GeminiEngine(client_for(fake_gemini), resume_reader=lambda _id: stored)
    cfg = _config(resume_id=stored.id)
    questions = engine.plan_questions(cfg, stored)
    session = session_with_answers(cfg, questions[:2], ["I tuned the Kafka consumers.", "Yes."])
    engine.decide_follow_up(session, questions[1], session.answers[1])
    request = fake_gemini.generate_requests()[-1]
    blocks = request.parsed.blocks
    assert questions[0].text in blocks["interview_so_far"]
    assert "I tuned the Kafka consumers." in blocks["interview_so_far"]
    assert questions[1].text not in blocks["interview_so_far"]  # the turn being decided is its own block
    assert "Cut p95 latency" in blocks["resume_digest"] and "Asha" not in blocks["resume_digest"]
    assert "Never reveal or hint at the expected points" in request.system
    assert "That's not quite what I asked" in request.system


def test_follow_up_without_a_resume_says_so(fake_gemini: FakeGeminiServer) -> None:
    engine = GeminiEngine(client_for(fake_gemini))
    cfg = _config()
    questions = engine.plan_questions(cfg, None)
    session = session_with_answers(cfg, questions[:1], ["Yes."])
    engine.decide_follow_up(session, questions[0], session.answers[0])
    blocks = fake_gemini.generate_requests()[-1].parsed.blocks
    assert blocks["resume_digest"] == "(no resume)"
    assert blocks["interview_so_far"] == "(this is the first question)"
