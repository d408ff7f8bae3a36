"""The one numbering scheme of questions, used by every view: "Q3", "Q3 follow-up", "Q3 follow-up 2".

Only main questions are counted; a follow-up carries the number of the question it digs into, so the
interview page, the report list, the summary, the Markdown, the PDF and the delivery charts all agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from .enums import Language, QuestionKind
from .interview import InterviewSession, Question

_FOLLOW_UP = {Language.EN: "follow-up", Language.HI: "अनुवर्ती", Language.FR: "relance"}
# "Q3 of 5" around a label in the interview's language: a French heading read "Q2 relance (of 5)".
_OF = {
    Language.EN: "{label} of {total}",
    Language.HI: "{label} ({total} में से)",
    Language.FR: "{label} sur {total}",
}
_OF_FOLLOW_UP = {
    Language.EN: "{label} (of {total})",
    Language.HI: "{label} ({total} में से)",
    Language.FR: "{label} (sur {total})",
}


@dataclass(frozen=True)
class QuestionNumber:
    main: int  # 1-based number of the main question (the follow-up's parent for a follow-up)
    follow_up: int = 0  # 0 for a main question, else 1, 2, ... among the follow-ups of that question

    def label(self, language: Language = Language.EN) -> str:
        if not self.follow_up:
            return f"Q{self.main}"
        word = _FOLLOW_UP.get(language, _FOLLOW_UP[Language.EN])
        # The first follow-up needs no count: most questions have at most one.
        return f"Q{self.main} {word}" if self.follow_up == 1 else f"Q{self.main} {word} {self.follow_up}"


def number_questions(questions: Sequence[Question]) -> dict[UUID, QuestionNumber]:
    """The number of every question, in interview order (position)."""
    numbers: dict[UUID, QuestionNumber] = {}
    follow_ups: dict[int, int] = {}
    main = 0
    for question in sorted(questions, key=lambda q: q.position):
        parent = numbers.get(question.parent_id) if question.parent_id is not None else None
        if question.kind is QuestionKind.MAIN or (parent is None and main == 0):
            main += 1
            numbers[question.id] = QuestionNumber(main)
            continue
        # A follow-up whose parent is unknown (an older session) belongs to the main question before it.
        anchor = parent.main if parent is not None else main
        follow_ups[anchor] = follow_ups.get(anchor, 0) + 1
        numbers[question.id] = QuestionNumber(anchor, follow_ups[anchor])
    return numbers


def question_labels(questions: Sequence[Question], language: Language = Language.EN) -> dict[UUID, str]:
    return {qid: number.label(language) for qid, number in number_questions(questions).items()}


def main_question_count(questions: Sequence[Question]) -> int:
    return sum(1 for number in number_questions(questions).values() if not number.follow_up)


def progress_label(number: QuestionNumber, planned_main: int, language: Language = Language.EN) -> str:
    """The interview page's heading: "Q3 of 5" or "Q3 follow-up (of 5)", in the interview's language."""
    total = max(planned_main, number.main)
    pattern = (_OF_FOLLOW_UP if number.follow_up else _OF).get(language) or _OF[Language.EN]
    return pattern.format(label=number.label(language), total=total)


def labels_for(
    session: InterviewSession, question_ids: Sequence[UUID], follow_up_flags: Sequence[bool] | None = None
) -> list[str]:
    """Labels for report rows keyed by question id (feedback items, delivery rows), in their order.

    A row whose question is not in the session (a report from an older version) is numbered from the rows
    before it, using its follow-up flag, so the list still reads Q1, Q1 follow-up, Q2...
    """
    language = session.config.language
    known = number_questions(session.questions)
    flags = follow_up_flags or [False] * len(question_ids)
    out: list[str] = []
    main, follow = 0, 0
    for question_id, flagged in zip(question_ids, flags, strict=True):
        number = known.get(question_id)
        if number is None:
            if flagged and main:
                follow += 1
                number = QuestionNumber(main, follow)
            else:
                main, follow = main + 1, 0
                number = QuestionNumber(main)
        else:
            main, follow = number.main, number.follow_up
        out.append(number.label(language))
    return out


def feedback_labels(session: InterviewSession) -> list[str]:
    """The label of every item of the question-by-question report."""
    report = session.reports.questions
    if report is None:
        return []
    return labels_for(session, [i.question_id for i in report.items], [i.is_follow_up for i in report.items])


def delivery_labels(session: InterviewSession) -> list[str]:
    """The label of every per-answer row of the delivery report (charts, table, PDF)."""
    report = session.reports.delivery
    return labels_for(session, [i.question_id for i in report.per_answer]) if report is not None else []
