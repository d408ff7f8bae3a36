"""The demo builder answers whatever the planner asks (packaging/demo_answers.py), without speaking it: the
planner varies its questions, and a question without a written answer used to stop the build."""

from __future__ import annotations

import sys

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Difficulty, EngineChoice, InterviewType, Language
from mockmate_desktop.engine.offline.engine import OfflineEngine
from tests.conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "packaging"))

from demo_answers import SCRIPTS, AnswerPicker, follow_up_answer, topic_of


def _plan(job_title: str, jd: str, kind: InterviewType) -> list:  # type: ignore[type-arg]
    config = InterviewConfig(
        job_title=job_title, job_description=jd, interview_type=kind, difficulty=Difficulty.INTERMEDIATE,
        question_count=5, language=Language.EN, engine=EngineChoice.OFFLINE,
    )  # fmt: skip
    return OfflineEngine().plan_questions(config, None)


def test_the_demo_interview_gets_its_written_answers() -> None:
    from make_demo_session import JD, JOB_TITLE  # the builder's own configuration

    picker = AnswerPicker()
    choices = [picker.choose(q.text, q.competency, q.expected_points) for q in _plan(JOB_TITLE, JD, InterviewType.OVERALL)]
    assert [c.how for c in choices] == ["written"] * 5
    assert len({c.script.opening for c in choices if c.script}) == 5  # never the same answer twice


@pytest.mark.parametrize("kind", [InterviewType.TECHNICAL, InterviewType.BEHAVIOURAL])
def test_any_other_plan_is_answered_on_topic_or_by_competency(kind: InterviewType) -> None:
    questions = _plan("Data Analyst", "SQL, dashboards, stakeholder reporting and A/B tests.", kind)
    picker = AnswerPicker()
    for question in questions:
        choice = picker.choose(question.text, question.competency, question.expected_points)
        assert choice.answer.strip()
        if choice.how == "generic":
            # The generic answer talks about the question's own topic and its expected points.
            assert topic_of(question.text) in choice.answer
            assert all(p[0].lower() + p[1:].rstrip(".") in choice.answer for p in question.expected_points[:4])
        elif choice.how == "same competency":
            assert choice.script is not None and choice.script.competency == question.competency


def test_closest_meaning_needs_a_near_rewording() -> None:
    def similarity(question: str, openings: object) -> list[float]:
        return [0.97 if "arguing with your boss" in question and o.startswith("Tell me about a time you disagreed")
                else 0.90 for o in openings]  # type: ignore[attr-defined]  # fmt: skip

    picker = AnswerPicker(similarity)
    close = picker.choose("Tell me about arguing with your boss.", "", [])
    assert close.script is not None and close.script.opening.startswith("Tell me about a time you disagreed")
    far = picker.choose("Tell me about a time you learned a new language.", "", ["Method", "Result"])
    assert far.how == "generic"


def test_follow_ups_are_answered_by_the_star_part_they_ask_for() -> None:
    conflict = next(s for s in SCRIPTS if s.competency == "conflict resolution")
    assert follow_up_answer("You did not describe the result. What happened?", conflict) == conflict.follow_ups["result"]
    assert follow_up_answer("Can you say more?", conflict) == conflict.follow_ups["detail"]
    assert "result" in follow_up_answer("What was the result?", None).casefold()
