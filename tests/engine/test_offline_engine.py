"""The offline engine: plans that respect count, type, difficulty, skills and language; follow-ups; reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Language, QuestionKind, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.domain.resume import ResumeProfile
from mockmate_desktop.engine.offline.bank import BankError, load_bank
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.engine.offline.follow_up_texts import probe
from tests.support.offline_bank import build_entries, write_bank

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "speech"
STRONG = (FIXTURES / "espeak_answer_16k.txt").read_text(encoding="utf-8").strip()
JD = "We build Python services on PostgreSQL and ship them with Docker."


@pytest.fixture
def engine(tmp_path: Path) -> OfflineEngine:
    return OfflineEngine(load_bank(write_bank(tmp_path / "bank")))


def config(**changes: object) -> InterviewConfig:
    values: dict[str, object] = {"job_title": "Backend Engineer", "job_description": JD, "question_count": 5}
    values.update(changes)
    return InterviewConfig.model_validate(values)


@pytest.mark.parametrize("count", [5, 7, 10])
@pytest.mark.parametrize("itype", ["technical", "behavioural", "overall"])
def test_plan_has_exactly_the_requested_count(engine: OfflineEngine, count: int, itype: str) -> None:
    plan = engine.plan_questions(config(question_count=count, interview_type=itype), None)
    assert len(plan) == count
    assert all(q.kind is QuestionKind.MAIN and q.source is Source.OFFLINE for q in plan)
    assert len({q.text for q in plan}) == count
    assert [q.position for q in plan] == list(range(count))


def test_same_config_same_plan(tmp_path: Path) -> None:
    first = OfflineEngine(load_bank(write_bank(tmp_path / "a"))).plan_questions(config(), None)
    second = OfflineEngine(load_bank(write_bank(tmp_path / "b"))).plan_questions(config(), None)
    assert [q.text for q in first] == [q.text for q in second]


def test_difficulty_changes_the_questions(engine: OfflineEngine) -> None:
    plans = {
        level: {
            q.text for q in engine.plan_questions(config(difficulty=level, interview_type="technical"), None)
        }
        for level in ("beginner", "intermediate", "experienced", "expert")
    }
    for level, texts in plans.items():
        assert all(level in t for t in texts), texts  # the test bank writes the level into every question
    assert len({frozenset(t) for t in plans.values()}) == 4


def test_type_filters_and_overall_mixes(engine: OfflineEngine) -> None:
    bank = engine.bank
    kind_of = {e.text_in(config().language): e.type for e in bank.entries}
    technical = engine.plan_questions(config(interview_type="technical"), None)
    behavioural = engine.plan_questions(config(interview_type="behavioural"), None)
    overall = engine.plan_questions(config(interview_type="overall", question_count=7), None)
    assert {bank.find_by_text(config().language, q.text).type for q in technical} == {"technical"}  # type: ignore[union-attr]
    assert {bank.find_by_text(config().language, q.text).type for q in behavioural} == {"behavioural"}  # type: ignore[union-attr]
    kinds = [bank.find_by_text(config().language, q.text).type for q in overall]  # type: ignore[union-attr]
    assert {"technical", "behavioural"} <= set(kinds)
    assert kind_of  # the bank is indexed by text


def test_skills_from_jd_and_resume_are_preferred_and_never_dropped_into_a_slot(engine: OfflineEngine) -> None:
    plan = engine.plan_questions(config(interview_type="technical"), None)
    texts = " ".join(q.text for q in plan)
    assert "Python" in texts and "Docker" in texts
    assert "{skill}" not in texts and "{role}" not in texts
    # The test bank's "Which {skill} feature..." template is never asked, with or without skills to fill it.
    assert "feature do you rely on" not in texts
    by_requirement = {q.requirement: q for q in plan if q.requirement}
    assert {"Python", "Docker"} <= set(by_requirement)
    assert "required" in by_requirement["Python"].rationale
    resume = ResumeProfile(source=Source.OFFLINE, skills_technical=["Docker"], text="Docker and Go")
    with_resume = engine.plan_questions(config(interview_type="technical", job_description=""), resume)
    docker = next(q for q in with_resume if "Docker" in q.text)
    assert "resume" in docker.rationale


@pytest.mark.parametrize(("language", "marker"), [("hi", "हिंदी"), ("fr", "Français")])
def test_plan_in_the_interview_language(engine: OfflineEngine, language: str, marker: str) -> None:
    plan = engine.plan_questions(config(language=language), None)
    assert all(q.text.startswith(marker) for q in plan)


def test_bank_without_enough_questions_is_a_clear_error(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "small"
    folder.mkdir()
    # Three entries, one of them a {skill} template that is never asked: two usable questions.
    (folder / "q.json").write_text(json.dumps(build_entries()[:3]), encoding="utf-8")
    with pytest.raises(BankError, match="only 2 questions"):
        OfflineEngine(load_bank(folder)).plan_questions(config(), None)


def test_damaged_bank_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "broken.json").write_text('[{"id": "x", "type": "quiz"}]', encoding="utf-8")
    with pytest.raises(BankError, match=r"broken\.json, entry 0"):
        load_bank(folder)
    with pytest.raises(BankError, match="No question bank"):
        load_bank(tmp_path / "missing")


def _session(engine: OfflineEngine, **changes: object) -> InterviewSession:
    session = InterviewSession(config=config(**changes))
    session.questions = engine.plan_questions(session.config, None)
    return session


def _answer(session: InterviewSession, question: Question, text: str) -> Answer:
    answer = Answer(session_id=session.id, question_id=question.id, transcript=text)
    session.answers.append(answer)
    return answer


def test_follow_up_names_what_was_missing(engine: OfflineEngine) -> None:
    session = _session(engine, interview_type="behavioural")
    first, second, third = session.questions[:3]
    full = engine.decide_follow_up(session, first, _answer(session, first, STRONG))
    assert full is None  # a complete STAR story with figures needs no follow-up
    partial = (
        "In my last job our team had a release that kept failing. I decided to add automated tests "
        "and I talked to the developers about every failure in a short daily review with them."
    )
    star = engine.decide_follow_up(session, second, _answer(session, second, partial))
    assert star is not None and star.kind is QuestionKind.FOLLOW_UP and star.parent_id == second.id
    # The story has its situation and actions but no result: the probe asks for exactly that.
    assert star.text.endswith(probe("star_result", Language.EN))
    thin = engine.decide_follow_up(session, third, _answer(session, third, "I just did my best."))
    assert thin is not None and thin.text.endswith(probe("star_example", Language.EN))
    assert "brief" not in thin.text


def test_vague_technical_answer_gets_a_concrete_follow_up(engine: OfflineEngine) -> None:
    session = _session(engine, interview_type="technical")
    question = session.questions[0]
    vague = (
        "Well I would look at it carefully and try different things until it is better, talk with "
        "people about it and then see what happens and keep going until everybody is happy with it."
    )
    follow = engine.decide_follow_up(session, question, _answer(session, question, vague))
    assert follow is not None and follow.text.endswith(probe("concrete", Language.EN))


def test_never_a_follow_up_to_a_follow_up_and_at_most_one(engine: OfflineEngine) -> None:
    session = _session(engine, interview_type="behavioural")
    question = session.questions[0]
    follow = engine.decide_follow_up(session, question, _answer(session, question, "I did it."))
    assert follow is not None
    session.questions.append(follow)
    assert engine.decide_follow_up(session, follow, _answer(session, follow, "Yes.")) is None
    assert engine.decide_follow_up(session, question, _answer(session, question, "Again.")) is None


@pytest.mark.parametrize("language", ["en", "hi", "fr"])
def test_follow_up_in_the_interview_language(engine: OfflineEngine, language: str) -> None:
    session = _session(engine, interview_type="behavioural", language=language)
    question = session.questions[0]
    follow = engine.decide_follow_up(session, question, _answer(session, question, "I did it quickly."))
    assert follow is not None
    assert follow.text.endswith(probe("star_example", Language(language)))


def test_reports_fill_every_field_and_say_they_are_heuristic(engine: OfflineEngine) -> None:
    session = _session(engine, interview_type="overall")
    texts = [STRONG, "Yes.", "", (FIXTURES / "jfk.txt").read_text(encoding="utf-8"), STRONG]
    for question, text in zip(session.questions, texts, strict=True):
        _answer(session, question, text)
    summary = engine.summary_report(session)
    performance = engine.performance_report(session)
    questions = engine.questions_report(session)
    for report in (summary, performance, questions):
        assert report.source is Source.OFFLINE and report.model_name == "offline-rubric-v1"
    assert "offline heuristic engine" in summary.snapshot
    assert "offline heuristic engine" in performance.final_remarks
    # STRONG is a performance story asked here against other questions: no strength is invented for it,
    # while every point to improve cites a figure.
    assert summary.top_improvements and all(any(ch.isdigit() for ch in s) for s in summary.top_improvements)
    assert 0 < summary.overall_score < 100
    for field in ("quantitative_analysis", "qualitative_analysis", "cultural_fit", "final_remarks"):
        assert getattr(performance, field)
    comparative = performance.comparative_analysis
    assert comparative.approach and comparative.complexity and comparative.stack and comparative.star
    all_text = " ".join(a.transcript for a in session.answers)
    for name in (
        "communication",
        "technical_knowledge",
        "problem_solving",
        "cultural_fit",
        "confidence_clarity",
    ):
        category = getattr(performance.category_scores, name)
        assert category.comment
        assert category.evidence and category.evidence in all_text
    assert len(questions.items) == 5
    by_id = {i.question_id: i for i in questions.items}
    # Question 1 asks why the candidate wants the role: the performance story answers another question and
    # is held down by meaning. Question 5 asks about leading without authority: the story (convincing a
    # team of a change) is near enough to score, though the learned relevance is unsure of it: its quality
    # is multiplied by that probability, and it stays the best answer of the interview.
    strong_item, empty_item = by_id[session.questions[4].id], by_id[session.questions[2].id]
    assert strong_item.score >= 3 and empty_item.score == 0 and by_id[session.questions[1].id].score <= 2
    assert all(strong_item.score > i.score for i in questions.items if i is not strong_item)
    assert by_id[session.questions[0].id].score <= 2
    for item in questions.items:
        assert item.model_answer
        for quote in item.evidence:
            assert quote in item.answer_transcript
    assert engine.summary_report(session).model_dump(
        exclude={"id", "created_at", "updated_at"}
    ) == summary.model_dump(exclude={"id", "created_at", "updated_at"})


@pytest.mark.parametrize(("language", "word"), [("hi", "ऑफ़लाइन"), ("fr", "hors ligne")])
def test_report_text_in_the_interview_language(engine: OfflineEngine, language: str, word: str) -> None:
    session = _session(engine, language=language)
    for question in session.questions:
        _answer(session, question, STRONG)
    assert word in engine.summary_report(session).snapshot
    performance = engine.performance_report(session)
    assert word in performance.final_remarks
    asked = {"hi": "पूछे गए प्रश्न: ", "fr": "Questions posées : "}[language]
    assert asked in performance.quantitative_analysis
