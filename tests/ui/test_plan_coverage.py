"""The setup screen's coverage table: which question probes which JD requirement, planned in a worker."""

from __future__ import annotations

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import InterviewType, Source
from mockmate_desktop.domain.interview import Question
from mockmate_desktop.services.plan_coverage import coverage_rows

JD = (
    "Requirements: Python or Go, PostgreSQL, Redis caching, Kafka or RabbitMQ, REST APIs, automated tests, "
    "Kubernetes, and Prometheus/Grafana. Nice to have: Terraform, PCI DSS, payments."
)


def test_rows_follow_the_recorded_requirement_or_the_named_skill() -> None:
    config = InterviewConfig(job_title="Backend Engineer", job_description=JD)
    questions = [
        Question(
            position=0,
            text="How do you tune a consumer?",
            requirement="Kafka or RabbitMQ",
            source=Source.OFFLINE,
        ),
        Question(position=1, text="When would you choose PostgreSQL over MongoDB?", source=Source.GEMINI),
    ]
    rows = {r.requirement: r for r in coverage_rows(config, questions)}
    assert rows["Kafka or RabbitMQ"].questions == (1,)
    assert rows["PostgreSQL"].questions == (2,)
    assert not rows["Kubernetes"].covered and rows["Kubernetes"].required
    assert not rows["PCI DSS"].required


def test_setup_shows_the_coverage_of_the_offline_plan(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.go("setup")
    page = window.setup
    page.job_title.setText("Senior Backend Engineer")
    page.job_description.setPlainText(JD)
    page.interview_type.setCurrentIndex(page.interview_type.findData(InterviewType.TECHNICAL))
    page.question_count.setValue(8)
    panel = page.coverage
    panel.button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0 and panel.button.isEnabled(), timeout=20_000)
    assert panel.table.rowCount() == 11  # 8 required groups, 3 nice-to-have
    requirements = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert requirements[:4] == ["Python or Go", "PostgreSQL", "Redis caching", "Kafka or RabbitMQ"]
    probed = [panel.table.item(r, 2).text() for r in range(8)]
    assert all(text.startswith("Q") for text in probed), probed  # every required group has a question
    assert panel.status.text() == "8 of 8 required skill groups probed."
    assert "{" not in panel.questions.text() and "Probes" in panel.questions.text()


def test_without_a_title_the_panel_asks_for_one(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.go("setup")
    window.setup.coverage.button.click()
    assert window.setup.coverage.status.text() == "Enter a job title first."
