"""Progress across sessions, checked against a seeded history written through the real store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mockmate_desktop.domain.enums import InterviewType, SessionStatus
from mockmate_desktop.domain.progress import metric_names, series, trend
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.coaching import CoachingService
from mockmate_desktop.storage.sqlite_store import SqliteStore

from .conftest import reported_session

GOOD = (
    "At ShipFast I measured first with profiling, found the real bottleneck in one query, added an index and "
    "a Redis cache with a 60 second TTL, and cut p95 from 8 seconds to 400 milliseconds for 2 million "
    "requests a day; the trade-off was stale reads, which we accepted for the catalogue."
)


def _seed(store: SqliteStore, engine: OfflineEngine) -> list:  # type: ignore[type-arg]
    start = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    seeded = []
    plan = [  # (job title, type, how many answers are good)
        ("Backend Engineer", InterviewType.TECHNICAL, 0),
        ("Backend Engineer", InterviewType.TECHNICAL, 2),
        ("Data Analyst", InterviewType.BEHAVIOURAL, 1),
        ("Backend Engineer", InterviewType.TECHNICAL, 4),
        ("backend engineer", InterviewType.BEHAVIOURAL, 5),
    ]
    for day, (title, kind, good) in enumerate(plan):
        session = reported_session(
            engine, job_title=title, interview_type=kind, answers={i: GOOD for i in range(good)}
        )
        session.created_at = start + timedelta(days=day)
        store.save_session(session)
        seeded.append(session)
    unfinished = reported_session(engine)
    unfinished.status = SessionStatus.IN_PROGRESS
    store.save_session(unfinished)
    return seeded


def test_points_follow_the_stored_reports_oldest_first(
    store: SqliteStore, engine: OfflineEngine, coaching: CoachingService
) -> None:
    seeded = _seed(store, engine)
    points = coaching.progress()
    assert [p.session_id for p in points] == [s.id for s in seeded], "completed only, oldest first"
    for point, session in zip(points, seeded, strict=True):
        assert point.overall == session.reports.summary.overall_score
        scores = session.reports.performance.category_scores
        assert point.categories["problem_solving"] == scores.problem_solving.score
        assert point.competencies, "mean score per competency from the questions report"
    overall = [v for _, v in series(points, "overall")]
    assert overall[3] > overall[0], "more good answers, higher overall"
    assert "competency:technical knowledge" in metric_names(points)


def test_filters_and_trends(store: SqliteStore, engine: OfflineEngine, coaching: CoachingService) -> None:
    seeded = _seed(store, engine)
    backend = coaching.progress(role="Backend Engineer")
    assert len(backend) == 4  # the role matches whatever its case
    technical = coaching.progress(role="backend engineer", interview_type=InterviewType.TECHNICAL)
    assert [p.session_id for p in technical] == [seeded[0].id, seeded[1].id, seeded[3].id]
    moved = trend(technical, "overall")
    assert moved is not None and moved.sessions == 3
    assert moved.first == technical[0].overall and moved.last == technical[-1].overall
    assert moved.change == moved.last - moved.first and moved.change > 0
    assert coaching.progress(role="Nurse") == []
