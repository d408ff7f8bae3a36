"""End-of-interview reports: the three engine reports run concurrently, each stored the moment it arrives."""

from __future__ import annotations

import threading
from pathlib import Path

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.delivery import WordTiming
from mockmate_desktop.domain.delivery_metrics import compute_delivery
from mockmate_desktop.domain.enums import Language, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.domain.reports import PerformanceReport, QuestionsReport, SummaryReport
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.reports import delivery_report, generate_reports
from mockmate_desktop.storage.protocols import AnyReport
from mockmate_desktop.storage.sqlite_store import SqliteStore

WAIT_S = 10.0


class _RendezvousEngine(OfflineEngine):
    """The offline engine, except that each report first waits until all three have started (a barrier):
    run one after another, the first would wait in vain and fail. Performance and questions then wait until
    the summary is already in the store, which shows each report is stored as soon as it is ready."""

    def __init__(self, store: SqliteStore, summary_stored: threading.Event) -> None:
        super().__init__()
        self.barrier = threading.Barrier(3, timeout=WAIT_S)
        self.store = store
        self.summary_stored = summary_stored
        self.summary_seen_in_store: list[bool] = []

    def summary_report(self, session: InterviewSession) -> SummaryReport:
        self.barrier.wait()
        return super().summary_report(session)

    def _after_summary(self, session: InterviewSession) -> None:
        self.barrier.wait()
        assert self.summary_stored.wait(WAIT_S)
        self.summary_seen_in_store.append(self.store.get_session(session.id).reports.summary is not None)

    def performance_report(self, session: InterviewSession) -> PerformanceReport:
        self._after_summary(session)
        return super().performance_report(session)

    def questions_report(self, session: InterviewSession) -> QuestionsReport:
        self._after_summary(session)
        return super().questions_report(session)


def _answered_session(store: SqliteStore) -> InterviewSession:
    engine = OfflineEngine()
    config = InterviewConfig(job_title="Data Analyst", question_count=5)
    session = InterviewSession(config=config)
    store.save_session(session)
    for index, question in enumerate(engine.plan_questions(config, None)):
        question.session_id = session.id
        store.add_question(session.id, question)
        session.questions.append(question)
        words = [
            WordTiming(word=w, start=i * 0.4, end=i * 0.4 + 0.3)
            for i, w in enumerate(
                [
                    "In",
                    "my",
                    "last",
                    "role",
                    "I",
                    "measured",
                    "the",
                    "slow",
                    "queries",
                    "and",
                    "cut",
                    "the",
                    "load",
                    "time",
                    "by",
                    "70",
                    "percent",
                ]
            )
        ]
        answer = Answer(
            session_id=session.id,
            question_id=question.id,
            transcript=" ".join(w.word for w in words),
            words=words,
            duration_s=8.0,
            delivery=compute_delivery(words, 8.0, "en") if index % 2 == 0 else None,
        )
        store.save_answer(session.id, answer)
        session.answers.append(answer)
    return session


def test_three_reports_run_concurrently_and_are_stored_on_arrival(
    store: SqliteStore, test_assets: Path
) -> None:
    session = _answered_session(store)
    summary_stored = threading.Event()
    order: list[str] = []

    def stored(kind: str, _report: AnyReport) -> None:
        order.append(kind)
        if kind == "summary":
            summary_stored.set()

    engine = _RendezvousEngine(store, summary_stored)
    outcome = generate_reports(engine, session, store, on_stored=stored)
    assert outcome.failed == {}
    assert order[0] == "delivery" and order[1] == "summary" and set(order[2:]) == {"performance", "questions"}
    assert engine.summary_seen_in_store == [True, True]
    reloaded = store.get_session(session.id)
    assert reloaded.reports.complete
    assert {reloaded.reports.summary.source, reloaded.reports.questions.source} == {Source.OFFLINE}  # type: ignore[union-attr]


def test_a_failing_report_does_not_lose_the_others(store: SqliteStore, test_assets: Path) -> None:
    class Broken(OfflineEngine):
        def performance_report(self, session: InterviewSession) -> PerformanceReport:
            raise RuntimeError("boom")

    session = _answered_session(store)
    outcome = generate_reports(Broken(), session, store)
    assert set(outcome.stored) == {"summary", "questions"}
    assert "boom" in outcome.failed["performance"]
    reloaded = store.get_session(session.id)
    assert reloaded.reports.summary is not None and reloaded.reports.performance is None


def test_delivery_report_combines_the_measured_answers(store: SqliteStore, test_assets: Path) -> None:
    session = _answered_session(store)
    report = delivery_report(session)
    measured = [a.delivery for a in session.answers if a.delivery is not None]
    assert len(report.per_answer) == len(measured) == 3
    assert report.overall.word_count == sum(m.word_count for m in measured)
    assert report.bands and report.source is Source.OFFLINE
    assert report.model_name.endswith("(measured locally)")


def test_a_french_delivery_report_says_where_it_was_measured_in_french(
    store: SqliteStore, test_assets: Path
) -> None:
    # Seen in a French PDF: "Produit par : Moteur hors ligne (heuristique) · offline-rubric-v1 (measured locally)".
    session = _answered_session(store)
    session.config.language = Language.FR
    report = delivery_report(session)
    assert report.model_name.endswith("(mesuré sur cet ordinateur)")
    assert report.bands[0].note.startswith("Le français")
