"""Plans that fit the job and the person, with the shipped bank: JD groups first, resume claims, fields,
variety across sessions, answered-well questions retired, weak competencies back; gaps that respect the
resume."""

from __future__ import annotations

from uuid import uuid4

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Difficulty, InterviewType, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.domain.plan_history import EMPTY_HISTORY, history_from_sessions, merge_recent
from mockmate_desktop.domain.reports import QuestionFeedback, QuestionsReport
from mockmate_desktop.domain.resume import Experience, ResumeProfile
from mockmate_desktop.engine.offline.bank import QuestionBank, load_bank
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.engine.offline.planner import plan_picks

JD = (
    "Requirements: Python or Go, PostgreSQL, Redis caching, Kafka or RabbitMQ, REST APIs, automated tests, "
    "Kubernetes, and Prometheus/Grafana. Nice to have: Terraform, PCI DSS, payments."
)
RESUME = ResumeProfile(
    source=Source.OFFLINE,
    skills_technical=["Go", "PostgreSQL"],
    experience=[
        Experience(
            organisation="ShipFast",
            highlights=["Cut p95 latency from 8 s to 400 ms by adding a Redis cache in front of PostgreSQL"],
        )
    ],
)
SOFTWARE_WORDS = ("Kubernetes", "REST API", "Kafka", "Docker", "microservice")


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank()


def _config(**changes: object) -> InterviewConfig:
    values: dict[str, object] = {
        "job_title": "Senior Backend Engineer",
        "job_description": JD,
        "interview_type": InterviewType.TECHNICAL,
        "difficulty": Difficulty.EXPERIENCED,
        "question_count": 8,
    }
    values.update(changes)
    return InterviewConfig.model_validate(values)


def test_the_issue_plan_covers_every_required_group_and_asks_about_a_claim(bank: QuestionBank) -> None:
    picks = plan_picks(bank, _config(), RESUME)
    recorded = " · ".join(p.requirement for p in picks)
    for group in ("Python or Go", "PostgreSQL", "Redis caching", "Kafka or RabbitMQ", "REST APIs",
                  "automated tests", "Kubernetes", "Prometheus/Grafana"):  # fmt: skip
        assert group in recorded, (group, [p.text for p in picks])
    claim = next(p for p in picks if p.entry is None)
    assert claim.text.startswith("You cut p95 latency from 8 s to 400 ms at ShipFast")
    assert all(p.rationale for p in picks)
    assert not any("{" in p.text or "your main skill" in p.text for p in picks)


def test_a_data_analyst_without_a_jd_gets_data_questions(bank: QuestionBank) -> None:
    picks = plan_picks(
        bank, _config(job_title="Data Analyst", job_description="", difficulty="intermediate"), None
    )
    texts = " ".join(p.text for p in picks)
    assert not any(word in texts for word in SOFTWARE_WORDS), texts
    assert sum("data" in p.rationale for p in picks) >= 6


@pytest.mark.parametrize(
    ("title", "word"),
    [("Registered Nurse", "patient"), ("Secondary School Teacher", "student"), ("Account Executive", "deal")],
)
def test_roles_outside_software_get_their_own_field(bank: QuestionBank, title: str, word: str) -> None:
    picks = plan_picks(bank, _config(job_title=title, job_description="", difficulty="intermediate"), None)
    texts = " ".join(p.text for p in picks).casefold()
    assert word in texts and not any(w.casefold() in texts for w in SOFTWARE_WORDS)


def test_three_sessions_repeat_no_main_question(bank: QuestionBank) -> None:
    history = EMPTY_HISTORY
    seen: set[str] = set()
    for _ in range(3):
        texts = [
            p.text for p in plan_picks(bank, _config(interview_type=InterviewType.OVERALL), RESUME, history)
        ]
        assert not seen & set(texts)
        seen |= set(texts)
        history = merge_recent(history, texts)


def _scored_session(config: InterviewConfig, bank: QuestionBank, score: float) -> InterviewSession:
    engine = OfflineEngine(bank)
    session = InterviewSession(config=config, questions=engine.plan_questions(config, None))
    items = [
        QuestionFeedback(
            question_id=q.id,
            question=q.text,
            answer_transcript="x",
            score=score,
            model_answer="",
            source=Source.OFFLINE,
        )
        for q in session.questions
    ]
    session.reports.questions = QuestionsReport(source=Source.OFFLINE, model_name="t", items=items)
    return session


def test_well_answered_questions_retire_and_weak_competencies_come_back(bank: QuestionBank) -> None:
    config = _config(interview_type=InterviewType.BEHAVIOURAL, difficulty="intermediate", job_title="Analyst")
    strong = _scored_session(config, bank, 9.0)
    other = _config(interview_type=InterviewType.BEHAVIOURAL, difficulty="intermediate", job_title="Other")
    weak = _scored_session(other, bank, 3.0)
    history = history_from_sessions([strong, weak], config)
    assert history.answered_well and history.weak
    texts = [p.text for p in plan_picks(bank, config, None, history)]
    assert not {q.text for q in strong.questions} & set(texts)
    weak_competencies = {c for c in history.weak}
    first = plan_picks(bank, config, None, history)[0]
    assert first.competency.casefold() in weak_competencies
    assert "earlier sessions" in first.rationale


def test_the_engine_reads_history_through_the_store_reader(bank: QuestionBank) -> None:
    config = _config(interview_type=InterviewType.BEHAVIOURAL, difficulty="intermediate")
    past = _scored_session(config, bank, 9.0)
    engine = OfflineEngine(bank, past_sessions=lambda: [past])
    fresh = engine.plan_questions(config, None)
    assert not {q.text for q in past.questions} & {q.text for q in fresh}
    broken = OfflineEngine(bank, past_sessions=lambda: (_ for _ in ()).throw(OSError("disk gone")))
    assert len(broken.plan_questions(config, None)) == 8  # a damaged store never stops an interview


def test_skill_gaps_respect_the_resume_and_alternatives(bank: QuestionBank) -> None:
    resume = RESUME.model_copy(update={"id": uuid4()})
    config = _config(resume_id=resume.id)
    engine = OfflineEngine(bank, resume_reader=lambda _id: resume)
    session = InterviewSession(config=config, questions=engine.plan_questions(config, resume))
    for question in session.questions:
        session.answers.append(Answer(question_id=question.id, transcript="I am not sure."))
    gaps = engine.performance_report(session).skill_gaps
    assert "Python or Go" not in gaps and "PostgreSQL" not in gaps and "Redis caching" not in gaps
    assert "Kafka or RabbitMQ" in gaps  # neither shown on the resume nor in the answers
