"""One numbering scheme for every view: main questions Q1..Qn, a follow-up carries its question's number."""

from __future__ import annotations

import re

from mockmate_desktop.domain.enums import Language, QuestionKind, Source
from mockmate_desktop.domain.interview import InterviewSession, Question
from mockmate_desktop.domain.numbering import (
    QuestionNumber,
    delivery_labels,
    feedback_labels,
    number_questions,
    progress_label,
    question_labels,
)
from mockmate_desktop.domain.report_text import render_markdown
from tests.support.ui_sessions import complete_session


def _q(position: int, kind: QuestionKind = QuestionKind.MAIN, parent: Question | None = None) -> Question:
    return Question(
        position=position,
        text=f"q{position}",
        kind=kind,
        parent_id=parent.id if parent else None,
        source=Source.OFFLINE,
    )


def with_follow_up(session: InterviewSession) -> InterviewSession:
    """The third question becomes a follow-up of the second, in the plan and in the reports."""
    second, third = session.questions[1], session.questions[2]
    third.kind, third.parent_id = QuestionKind.FOLLOW_UP, second.id
    assert session.reports.questions is not None
    session.reports.questions.items[2].is_follow_up = True
    return session


def test_follow_ups_take_their_questions_number_in_interview_order() -> None:
    q1 = _q(0)
    q2 = _q(10)
    f1 = _q(20, QuestionKind.FOLLOW_UP, q2)
    f2 = _q(30, QuestionKind.FOLLOW_UP, q2)
    q3 = _q(40)
    labels = question_labels([q3, f2, q1, f1, q2])  # any order in, interview order out
    assert [labels[q.id] for q in (q1, q2, f1, f2, q3)] == [
        "Q1",
        "Q2",
        "Q2 follow-up",
        "Q2 follow-up 2",
        "Q3",
    ]
    assert question_labels([q1, q2, f1], Language.FR)[f1.id] == "Q2 relance"


def test_a_follow_up_without_a_known_parent_belongs_to_the_question_before_it() -> None:
    q1 = _q(0)
    orphan = _q(5, QuestionKind.FOLLOW_UP)
    assert number_questions([q1, orphan])[orphan.id] == QuestionNumber(1, 1)


def test_progress_label_counts_main_questions() -> None:
    assert progress_label(QuestionNumber(3), 5) == "Q3 of 5"
    assert progress_label(QuestionNumber(3, 1), 5) == "Q3 follow-up (of 5)"
    assert progress_label(QuestionNumber(6), 5) == "Q6 of 6"


def test_progress_label_is_worded_in_the_interview_language() -> None:
    # Seen on a real display: a French interview's heading read "Q2 relance (of 5)".
    assert progress_label(QuestionNumber(2), 5, Language.FR) == "Q2 sur 5"
    assert progress_label(QuestionNumber(2, 1), 5, Language.FR) == "Q2 relance (sur 5)"
    assert progress_label(QuestionNumber(2, 2), 5, Language.HI) == "Q2 अनुवर्ती 2 (5 में से)"


def test_report_rows_markdown_and_delivery_use_the_same_labels() -> None:
    session = with_follow_up(complete_session(Source.OFFLINE))
    assert feedback_labels(session) == ["Q1", "Q2", "Q2 follow-up"]
    assert delivery_labels(session) == ["Q1", "Q2", "Q2 follow-up"]
    markdown = render_markdown(session)
    assert "### Q2 follow-up: Describe a disagreement" in markdown
    assert "- Q2 follow-up: Words:" in markdown
    # The old scheme wrote "Q3f"; the session id (a random UUID) may hold "3f" by chance, so only labels count.
    labels = re.findall(r"^(?:###|-) (Q[^:]*):", markdown, flags=re.MULTILINE)
    assert labels and not any("3f" in label for label in labels)
    assert "Follow-up 2" not in markdown
