"""The interview as a state machine: which phase it is in, which question comes next, where follow-ups go.

Pure: it changes the in-memory session and says which records changed; the caller stores them. A session
read back from the store rebuilds its flow with `InterviewFlow.resume`, so a crash or Ctrl-C loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from .enums import QuestionKind, SessionStatus
from .interview import Answer, InterviewSession, Question
from .records import utc_now


class Phase(StrEnum):
    PLANNING = "planning"
    ASKING = "asking"
    LISTENING = "listening"
    TRANSCRIBING = "transcribing"
    DECIDING_FOLLOW_UP = "deciding_follow_up"
    REPORTING = "reporting"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


_ALLOWED: dict[Phase, frozenset[Phase]] = {
    Phase.PLANNING: frozenset({Phase.ASKING, Phase.ABANDONED}),
    Phase.ASKING: frozenset({Phase.LISTENING, Phase.DECIDING_FOLLOW_UP, Phase.ABANDONED}),
    Phase.LISTENING: frozenset({Phase.TRANSCRIBING, Phase.DECIDING_FOLLOW_UP, Phase.ABANDONED}),
    Phase.TRANSCRIBING: frozenset({Phase.DECIDING_FOLLOW_UP, Phase.ABANDONED}),
    Phase.DECIDING_FOLLOW_UP: frozenset({Phase.ASKING, Phase.REPORTING, Phase.ABANDONED}),
    Phase.REPORTING: frozenset({Phase.COMPLETED, Phase.ABANDONED}),
    Phase.COMPLETED: frozenset(),
    # An abandoned interview can be picked up again where it stopped.
    Phase.ABANDONED: frozenset({Phase.PLANNING, Phase.ASKING, Phase.REPORTING}),
}


class FlowError(Exception):
    """A step the interview cannot take in its current state; the message says why."""


class InterviewFlow:
    def __init__(self, session: InterviewSession, phase: Phase = Phase.PLANNING) -> None:
        self.session = session
        self.phase = phase

    # state ---------------------------------------------------------------------------------------------

    @classmethod
    def resume(cls, session: InterviewSession) -> InterviewFlow:
        """The flow of a stored session: the phase follows from what it holds."""
        if session.status is SessionStatus.COMPLETED:
            return cls(session, Phase.COMPLETED)
        if not session.questions:
            return cls(session, Phase.PLANNING)
        flow = cls(session, Phase.ASKING)
        if flow.next_question() is None:
            flow.phase = Phase.REPORTING
        return flow

    def can(self, target: Phase) -> bool:
        return target in _ALLOWED[self.phase]

    def go(self, target: Phase) -> None:
        if not self.can(target):
            raise FlowError(f"An interview cannot go from {self.phase.value} to {target.value}.")
        self.phase = target
        if target is Phase.COMPLETED:
            self.session.status = SessionStatus.COMPLETED
            self.session.ended_at = self.session.ended_at or utc_now()
        elif target is Phase.ABANDONED:
            self.session.status = SessionStatus.ABANDONED
        elif target is not Phase.PLANNING and self.session.status is not SessionStatus.IN_PROGRESS:
            self.session.status = SessionStatus.IN_PROGRESS
            self.session.started_at = self.session.started_at or utc_now()

    # questions -----------------------------------------------------------------------------------------

    def ordered(self) -> list[Question]:
        return sorted(self.session.questions, key=lambda q: q.position)

    def set_plan(self, questions: Sequence[Question]) -> list[Question]:
        if self.phase is not Phase.PLANNING:
            raise FlowError("Questions are planned once, before the first one is asked.")
        if self.session.questions:
            raise FlowError("This interview already has its questions.")
        if len(questions) != self.session.config.question_count:
            raise FlowError(
                f"The plan has {len(questions)} questions; {self.session.config.question_count} were asked for."
            )
        planned = []
        for position, question in enumerate(questions):
            if question.kind is not QuestionKind.MAIN:
                raise FlowError("A plan holds main questions only; follow-ups come after answers.")
            planned.append(question.model_copy(update={"session_id": self.session.id, "position": position}))
        self.session.questions = planned
        return planned

    def next_question(self) -> Question | None:
        """The first question, in interview order, with no answer yet (a skipped answer counts as one)."""
        answered = {a.question_id for a in self.session.answers}
        return next((q for q in self.ordered() if q.id not in answered), None)

    def record_answer(self, answer: Answer) -> Answer:
        question = next((q for q in self.session.questions if q.id == answer.question_id), None)
        if question is None:
            raise FlowError("That answer belongs to no question of this interview.")
        if self.phase not in (Phase.ASKING, Phase.LISTENING, Phase.TRANSCRIBING):
            raise FlowError(f"An answer cannot be recorded while {self.phase.value.replace('_', ' ')}.")
        stored = answer.model_copy(update={"session_id": self.session.id})
        self.session.answers = [a for a in self.session.answers if a.question_id != answer.question_id]
        self.session.answers.append(stored)
        self.phase = Phase.DECIDING_FOLLOW_UP
        return stored

    def may_follow_up(self, question: Question) -> bool:
        if question.kind is not QuestionKind.MAIN:
            return False  # never a follow-up to a follow-up
        return not any(q.parent_id == question.id for q in self.session.questions)

    def add_follow_up(self, follow_up: Question) -> list[Question]:
        """Place a follow-up right after its main question; returns every question whose record changed."""
        if self.phase is not Phase.DECIDING_FOLLOW_UP:
            raise FlowError("A follow-up is added only after its main question was answered.")
        parent = next((q for q in self.session.questions if q.id == follow_up.parent_id), None)
        if parent is None or follow_up.kind is not QuestionKind.FOLLOW_UP:
            raise FlowError("A follow-up must name the main question it digs into.")
        if not self.may_follow_up(parent):
            raise FlowError("A main question gets at most one follow-up, and a follow-up gets none.")
        changed: list[Question] = []
        for question in self.session.questions:
            if question.position > parent.position:
                question.position += 1
                changed.append(question)
        placed = follow_up.model_copy(update={"session_id": self.session.id, "position": parent.position + 1})
        self.session.questions.append(placed)
        return [placed, *changed]

    def after_decision(self) -> Phase:
        """Ask the next question, or move to the reports when every question has an answer."""
        self.go(Phase.ASKING if self.next_question() is not None else Phase.REPORTING)
        return self.phase

    # progress ------------------------------------------------------------------------------------------

    @property
    def main_questions(self) -> list[Question]:
        return [q for q in self.ordered() if q.kind is QuestionKind.MAIN]

    def number_of(self, question: Question) -> int:
        """1-based number of the main question (a follow-up shares its main question's number)."""
        target = question.parent_id if question.kind is QuestionKind.FOLLOW_UP else question.id
        for number, main in enumerate(self.main_questions, start=1):
            if main.id == target:
                return number
        return 0
