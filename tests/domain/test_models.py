"""Domain models: valid records round-trip, bad set-up values give sentences a candidate understands."""

from __future__ import annotations

from uuid import UUID

import pytest
from pydantic import BaseModel, ValidationError

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import SelectionLabel, SessionStatus, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.domain.messages import friendly_errors, friendly_message
from mockmate_desktop.domain.reports import CategoryScore, SummaryReport
from mockmate_desktop.domain.resume import ResumeAnalysis


def _message(model: type[BaseModel], **values: object) -> str:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(values)
    return friendly_message(caught.value)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"job_title": "Dev", "question_count": 3},
            "Number of questions must be between 5 and 15 (you entered 3).",
        ),
        (
            {"job_title": "Dev", "question_count": 16},
            "Number of questions must be between 5 and 15 (you entered 16).",
        ),
        (
            {"job_title": "Dev", "question_count": "ten"},
            "Number of questions must be a whole number (you entered 'ten').",
        ),
        (
            {"job_title": "Dev", "question_count": 7.5},
            "Number of questions must be a whole number (you entered 7.5).",
        ),
        (
            {"job_title": "Dev", "language": "de"},
            "Language must be one of: 'en', 'hi' or 'fr' (you entered 'de').",
        ),
        (
            {"job_title": "Dev", "difficulty": "godlike"},
            "Difficulty must be one of: 'beginner', 'intermediate', 'experienced' or 'expert' (you entered 'godlike').",
        ),
        (
            {"job_title": "Dev", "answer_mode": "telepathy"},
            "Answer mode must be one of: 'voice' or 'typed' (you entered 'telepathy').",
        ),
        ({"job_title": "x"}, "Job title is too short (at least 2 characters)."),
        ({"job_title": "  1234  "}, "The job title needs at least one letter."),
        ({"job_title": "D" * 201}, "Job title is too long (at most 200 characters)."),
        ({}, "Job title is required."),
        (
            {"job_title": "Dev", "resume_id": "not-an-id"},
            "Resume is not a valid id (you entered 'not-an-id').",
        ),
    ],
)
def test_bad_interview_setup_gives_a_clear_sentence(values: dict[str, object], expected: str) -> None:
    assert _message(InterviewConfig, **values) == expected


def test_every_problem_is_reported_once_each() -> None:
    with pytest.raises(ValidationError) as caught:
        InterviewConfig.model_validate({"job_title": "", "question_count": 2, "language": "xx"})
    lines = friendly_errors(caught.value)
    assert len(lines) == 3
    assert all(
        line.endswith(".") and "Input should" not in line and "_" not in line.split(" must")[0]
        for line in lines
    )


def test_nested_and_listed_fields_are_named_plainly() -> None:
    message = _message(
        InterviewSession,
        config={"job_title": "Dev", "question_count": 1},
        status="paused",
        questions=[{"position": 0, "text": "", "source": "offline"}],
    )
    assert "Number of questions must be between 5 and 15 (you entered 1)." in message
    assert "Session status must be one of: 'draft', 'in_progress', 'completed' or 'abandoned'" in message
    assert "Text (item 1) cannot be empty." in message
    assert "config." not in message and "Input should" not in message


def test_scores_out_of_range_say_the_range() -> None:
    message = _message(CategoryScore, score=11, comment="x")
    assert message == "Score must be at most 10 (you entered 11)."
    analysis = _message(ResumeAnalysis, source="gemini", suitability_score=-5, deterministic_score=50)
    assert analysis == "Suitability score must be at least 0 (you entered -5)."


def test_broken_json_is_reported_as_such() -> None:
    with pytest.raises(ValidationError) as caught:
        InterviewSession.model_validate_json("{not json")
    assert friendly_message(caught.value) == "The data is not valid JSON."


def test_assignment_is_validated_where_it_happens() -> None:
    config = InterviewConfig(job_title="Backend Engineer")
    with pytest.raises(ValidationError) as caught:
        config.question_count = 40
    assert friendly_message(caught.value) == "Number of questions must be between 5 and 15 (you entered 40)."
    assert config.question_count == 5


def test_records_have_identity_timestamps_and_sources() -> None:
    session = InterviewSession(config=InterviewConfig(job_title="  Data Engineer  "))
    assert isinstance(session.id, UUID) and session.created_at.tzinfo is not None
    assert session.config.job_title == "Data Engineer"  # whitespace trimmed
    assert session.status is SessionStatus.DRAFT
    question = Question(position=0, text="Why us?", source=Source.GEMINI)
    first = Answer(question_id=question.id, transcript="first")
    second = Answer(question_id=question.id, transcript="second")
    second.touch()
    session = session.model_copy(update={"questions": [question], "answers": [first, second]})
    assert session.answer_for(question.id) == second
    assert session.sources == {Source.GEMINI}
    assert Source.CACHED.label == "Cached replay (demo)"
    report = SummaryReport(
        source=Source.OFFLINE,
        overall_score=55,
        selection_probability=39,
        selection_label=SelectionLabel.for_probability(39),
        snapshot="ok",
    )
    assert report.selection_label is SelectionLabel.LOW


def test_session_json_round_trips_exactly() -> None:
    session = InterviewSession(config=InterviewConfig(job_title="QA Lead", question_count=12, language="fr"))
    assert InterviewSession.model_validate_json(session.model_dump_json()) == session


def test_unknown_fields_from_a_newer_version_are_ignored() -> None:
    data = InterviewConfig(job_title="Dev").model_dump(mode="json") | {"future_field": 1}
    assert InterviewConfig.model_validate(data).job_title == "Dev"
