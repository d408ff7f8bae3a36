"""The interview state machine: validated transitions, follow-up placement, resuming a stored session."""

from __future__ import annotations

from uuid import uuid4

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import QuestionKind, SessionStatus, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.domain.interview_flow import FlowError, InterviewFlow, Phase


def _plan(n: int = 5) -> list[Question]:
    return [Question(position=i, text=f"Question {i}", source=Source.OFFLINE) for i in range(n)]


def _started(n: int = 5) -> InterviewFlow:
    flow = InterviewFlow(InterviewSession(config=InterviewConfig(job_title="Analyst", question_count=n)))
    flow.set_plan(_plan(n))
    flow.go(Phase.ASKING)
    return flow


def test_plan_must_match_the_count_and_hold_main_questions() -> None:
    flow = InterviewFlow(InterviewSession(config=InterviewConfig(job_title="Analyst", question_count=5)))
    with pytest.raises(FlowError, match="5 were asked"):
        flow.set_plan(_plan(4))
    planned = flow.set_plan(_plan(5))
    assert all(q.session_id == flow.session.id for q in planned)
    with pytest.raises(FlowError):
        flow.set_plan(_plan(5))


def test_invalid_transitions_are_refused() -> None:
    flow = _started()
    with pytest.raises(FlowError, match="from asking to completed"):
        flow.go(Phase.COMPLETED)
    with pytest.raises(FlowError):
        flow.go(Phase.REPORTING)
    flow.go(Phase.ABANDONED)
    assert flow.session.status is SessionStatus.ABANDONED
    flow.go(Phase.ASKING)  # an abandoned interview can be picked up again
    assert flow.session.status.value == "in_progress"


def test_follow_up_goes_right_after_its_question_and_at_most_once() -> None:
    flow = _started()
    first = flow.next_question()
    assert first is not None and first.position == 0
    flow.go(Phase.LISTENING)
    flow.record_answer(Answer(question_id=first.id, transcript="short"))
    follow = Question(
        position=99, text="Why?", kind=QuestionKind.FOLLOW_UP, parent_id=first.id, source=Source.OFFLINE
    )
    changed = flow.add_follow_up(follow)
    assert changed[0].position == 1 and len(changed) == 5  # the follow-up and the four later questions
    assert [q.text for q in flow.ordered()][:3] == ["Question 0", "Why?", "Question 1"]
    with pytest.raises(FlowError, match="at most one"):
        flow.add_follow_up(follow.model_copy(update={"id": uuid4()}))
    assert flow.after_decision() is Phase.ASKING
    nxt = flow.next_question()
    assert nxt is not None and nxt.text == "Why?"
    assert not flow.may_follow_up(nxt)  # never a follow-up to a follow-up
    assert flow.number_of(nxt) == 1


def test_answers_until_reporting_then_completed() -> None:
    flow = _started()
    while (question := flow.next_question()) is not None:
        flow.go(Phase.LISTENING)
        flow.go(Phase.TRANSCRIBING)
        flow.record_answer(Answer(question_id=question.id, transcript="answer"))
        flow.after_decision()
    assert flow.phase is Phase.REPORTING
    with pytest.raises(FlowError):
        flow.record_answer(Answer(question_id=flow.session.questions[0].id))
    flow.go(Phase.COMPLETED)
    assert flow.session.status is SessionStatus.COMPLETED and flow.session.ended_at is not None


def test_resume_from_a_stored_session() -> None:
    session = InterviewSession(config=InterviewConfig(job_title="Analyst", question_count=5))
    assert InterviewFlow.resume(session).phase is Phase.PLANNING
    flow = _started()
    first = flow.next_question()
    assert first is not None
    flow.record_answer(Answer(question_id=first.id, transcript="answer"))
    stored = flow.session.model_copy(deep=True)
    resumed = InterviewFlow.resume(stored)
    assert resumed.phase is Phase.ASKING
    nxt = resumed.next_question()
    assert nxt is not None and nxt.position == 1
    for question in stored.questions:
        stored.answers.append(Answer(question_id=question.id, skipped=True))
    assert InterviewFlow.resume(stored).phase is Phase.REPORTING
    stored.status = SessionStatus.COMPLETED
    assert InterviewFlow.resume(stored).phase is Phase.COMPLETED


def test_an_answer_must_belong_to_the_interview() -> None:
    flow = _started()
    with pytest.raises(FlowError, match="no question"):
        flow.record_answer(Answer(question_id=uuid4()))
