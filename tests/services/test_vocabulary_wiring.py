"""The interview's vocabulary reaches the speech pipeline from the one orchestrator (terminal and window)."""

from __future__ import annotations

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Source
from mockmate_desktop.domain.resume import ResumeProfile
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.services.orchestrator import InterviewOrchestrator
from mockmate_desktop.storage.sqlite_store import SqliteStore

JD = "Backend engineer: Python, PostgreSQL, Kubernetes and Kafka."


def test_started_and_reopened_interviews_carry_the_job_and_resume_terms() -> None:
    store = SqliteStore.open(AppPaths.from_environment())
    try:
        resume = ResumeProfile(text="Built Redis caches and Terraform modules at ShipFast.", source=Source.OFFLINE)
        store.save_resume(resume)
        config = InterviewConfig(job_title="Backend Engineer", job_description=JD, question_count=5, resume_id=resume.id)
        interview = InterviewOrchestrator.start(store, OfflineEngine(), config, resume)
        vocabulary = interview.vocabulary()
        assert {"PostgreSQL", "Kubernetes", "Kafka"} <= set(vocabulary.job_terms)
        assert "Redis" in vocabulary.resume_terms and vocabulary.role == "Backend Engineer"
        question = interview.next_prompt().question  # type: ignore[union-attr]
        terms = interview.question_vocabulary(question).terms
        assert set(vocabulary.job_terms) <= set(terms)

        reopened, _ = InterviewOrchestrator.open(store, OfflineEngine(), interview.session_id)
        assert reopened.vocabulary() == vocabulary  # rebuilt from the stored config and resume
    finally:
        store.close()
