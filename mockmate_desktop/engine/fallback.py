"""Gemini first, offline whenever Gemini fails: the one place where an interview step falls back.

Any failure of the primary engine sends that step to the offline engine, refusals included (a 400, a SAFETY
block, an empty candidate list, a reply with no text), and so does a step that takes longer than its total
time budget (`step_budget_s`, the `gemini_step_budget_s` setting). What made a record is in its own `source`;
each fallback is also written down in `notes` (the orchestrator keeps them in the session).

A refusal is about one request, so the next step tries the primary again. An outage, a hang past the budget or
a rejected key or model is not: questions and follow-ups then stay offline for the rest of the interview (no
waiting on a dead service at every answer), while each report still gives the primary one try.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from ..domain.config import InterviewConfig
from ..domain.enums import QuestionKind, Source
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.reports import PerformanceReport, QuestionsReport, SummaryReport
from ..domain.resume import ResumeProfile
from .protocols import EngineRefusedError, InterviewEngine

T = TypeVar("T")
log = logging.getLogger(__name__)
DEFAULT_STEP_BUDGET_S = 20.0


class _Outcome(Generic[T]):
    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: T | None = None
        self.error: BaseException | None = None


def within_budget(call: Callable[[], T], budget_s: float, name: str) -> T:
    """`call()`'s result, or TimeoutError when it is not back within `budget_s`. The call runs on a daemon
    thread: an abandoned call (a hanging server) ends on its own HTTP timeout and never blocks an exit."""
    outcome: _Outcome[T] = _Outcome()

    def run() -> None:
        try:
            outcome.value = call()
        except BaseException as exc:  # handed to the waiting caller
            outcome.error = exc
        finally:
            outcome.done.set()

    threading.Thread(target=run, name=f"primary-{name}", daemon=True).start()
    if not outcome.done.wait(budget_s):
        raise TimeoutError(f"no answer within {budget_s:g} s")
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]


class FallbackEngine:
    def __init__(
        self,
        primary: InterviewEngine,
        offline: InterviewEngine,
        *,
        step_budget_s: float = DEFAULT_STEP_BUDGET_S,
    ) -> None:
        self.primary = primary
        self.offline = offline
        self.step_budget_s = step_budget_s
        self._lock = threading.Lock()
        self._switched_reason: str | None = None
        self._notes: list[str] = []
        # What the engine as a whole is now: the primary until the switch, then the offline engine.
        self.source: Source = primary.source
        self.model_name: str = primary.model_name

    @property
    def switched(self) -> bool:
        with self._lock:
            return self._switched_reason is not None

    @property
    def notes(self) -> list[str]:
        with self._lock:
            return list(self._notes)

    def _note(self, text: str) -> None:
        log.info("%s", text)
        with self._lock:
            self._notes.append(text)

    def _attempt(self, where: str, call: Callable[[], T], *, sticky: bool) -> tuple[bool, T | None]:
        """(True, result) from the primary, or (False, None) once the failure has been written down."""
        try:
            return True, within_budget(call, self.step_budget_s, where)
        except EngineRefusedError as exc:
            self._note(f"{where[0].upper()}{where[1:]} was made by the offline engine: {_reason(exc)}.")
        except Exception as exc:  # an outage, a hang past the budget, a rejected key: all end here
            if not sticky:
                self._note(f"{where[0].upper()}{where[1:]} was made by the offline engine: {_reason(exc)}.")
                return False, None
            with self._lock:
                first = self._switched_reason is None
                if first:
                    self._switched_reason = _reason(exc)
                    self.source, self.model_name = self.offline.source, self.offline.model_name
            if first:
                name = self.primary.source.label
                self._note(
                    f"{name} unavailable from {where}: {_reason(exc)}; offline engine used from there on."
                )
        return False, None

    def plan_questions(self, config: InterviewConfig, resume: ResumeProfile | None) -> list[Question]:
        if not self.switched:
            ok, planned = self._attempt(
                "question planning", lambda: self.primary.plan_questions(config, resume), sticky=True
            )
            if ok and planned is not None:
                return planned
        return self.offline.plan_questions(config, resume)

    def decide_follow_up(
        self, session: InterviewSession, question: Question, answer: Answer
    ) -> Question | None:
        if question.kind is not QuestionKind.MAIN:
            return None
        if not self.switched:
            number = sum(
                1
                for q in session.questions
                if q.kind is QuestionKind.MAIN and q.position <= question.position
            )
            ok, decided = self._attempt(
                f"the follow-up decision after question {number}",
                lambda: self.primary.decide_follow_up(session, question, answer),
                sticky=True,
            )
            if ok:
                return decided
        return self.offline.decide_follow_up(session, question, answer)

    def _report(self, name: str, primary: Callable[[], T], offline: Callable[[], T]) -> T:
        ok, made = self._attempt(f"the {name} report", primary, sticky=False)
        if ok and made is not None:
            return made
        return offline()

    def summary_report(self, session: InterviewSession) -> SummaryReport:
        return self._report(
            "summary",
            lambda: self.primary.summary_report(session),
            lambda: self.offline.summary_report(session),
        )

    def performance_report(self, session: InterviewSession) -> PerformanceReport:
        return self._report(
            "performance",
            lambda: self.primary.performance_report(session),
            lambda: self.offline.performance_report(session),
        )

    def questions_report(self, session: InterviewSession) -> QuestionsReport:
        return self._report(
            "questions",
            lambda: self.primary.questions_report(session),
            lambda: self.offline.questions_report(session),
        )


def _reason(exc: BaseException) -> str:
    """The first sentence of the failure, which says what happened; the rest is advice for another place."""
    text = str(exc).strip() or type(exc).__name__
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "." and depth == 0 and (index + 1 == len(text) or text[index + 1] == " "):
            return text[:index]
    return text.rstrip(".")
