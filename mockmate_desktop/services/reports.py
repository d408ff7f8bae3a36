"""The end of an interview: the three engine reports generated at the same time, each stored on arrival,
and the delivery report computed here from the answers' own measurements.

A report that fails is reported, not fatal: the others are still stored, and the session stays resumable so
`mockmate interview` (or the GUI) can generate the missing one again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Protocol
from uuid import UUID

from ..domain.delivery_metrics import combine, guidance_bands
from ..domain.enums import Source
from ..domain.interview import InterviewSession
from ..domain.report_words import word
from ..domain.reports import AnswerDelivery, DeliveryReport
from ..domain.scoring import RUBRIC_VERSION
from ..engine.protocols import EngineError, InterviewEngine
from ..storage.protocols import AnyReport

log = logging.getLogger(__name__)
REPORT_KINDS = ("summary", "performance", "questions")


class ReportSink(Protocol):
    def save_report(self, session_id: UUID, report: AnyReport) -> None: ...


@dataclass
class ReportOutcome:
    stored: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def delivery_report(session: InterviewSession) -> DeliveryReport:
    per_answer = [
        AnswerDelivery(question_id=a.question_id, metrics=a.delivery)
        for q in sorted(session.questions, key=lambda q: q.position)
        if (a := session.answer_for(q.id)) is not None and a.delivery is not None and not a.skipped
    ]
    return DeliveryReport(
        source=Source.OFFLINE,
        model_name=f"{RUBRIC_VERSION} ({word('measured_locally', session.config.language)})",
        overall=combine([d.metrics for d in per_answer]),
        per_answer=per_answer,
        bands=guidance_bands(session.config.language.value),
    )


def generate_reports(
    engine: InterviewEngine,
    session: InterviewSession,
    store: ReportSink,
    *,
    on_stored: Callable[[str, AnyReport], None] | None = None,
    kinds: Sequence[str] = REPORT_KINDS,
) -> ReportOutcome:
    """All three engine reports at once in a thread pool; each stored and applied as soon as it arrives."""
    import time

    outcome = ReportOutcome()
    delivery = delivery_report(session)
    store.save_report(session.id, delivery)
    session.reports.delivery = delivery
    if on_stored:
        on_stored("delivery", delivery)
    # Each report works on its own copy: an engine must never see another report's half-written state.
    makers: dict[str, Callable[[InterviewSession], AnyReport]] = {
        "summary": engine.summary_report,
        "performance": engine.performance_report,
        "questions": engine.questions_report,
    }
    started = time.perf_counter()

    def make(kind: str) -> tuple[str, AnyReport]:
        return kind, makers[kind](session.model_copy(deep=True))

    with ThreadPoolExecutor(max_workers=len(kinds), thread_name_prefix="report") as pool:
        futures = {pool.submit(make, kind): kind for kind in kinds}
        for future in as_completed(futures):
            kind = futures[future]
            try:
                _, report = future.result()
            except EngineError as exc:
                outcome.failed[kind] = str(exc)
                continue
            except Exception as exc:  # a bug in one report must not lose the others
                log.exception("%s report failed", kind)
                outcome.failed[kind] = f"{type(exc).__name__}: {exc}"
                continue
            store.save_report(session.id, report)
            setattr(session.reports, kind, report)
            outcome.stored.append(kind)
            outcome.seconds[kind] = round(time.perf_counter() - started, 3)
            if on_stored:
                on_stored(kind, report)
    return outcome
