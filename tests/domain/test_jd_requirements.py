"""JD requirement groups, gaps that respect alternatives and the resume, resume claims and job fields."""

from __future__ import annotations

from mockmate_desktop.domain.enums import Source
from mockmate_desktop.domain.jd_requirements import requirement_groups, resume_skills, unmet
from mockmate_desktop.domain.job_fields import detect_field
from mockmate_desktop.domain.resume import Experience, ResumeProfile
from mockmate_desktop.domain.resume_claims import extract_claims
from mockmate_desktop.domain.resume_scoring import score_coverage

ISSUE_JD = (
    "Requirements: Python or Go, PostgreSQL, Redis caching, Kafka or RabbitMQ, REST APIs, automated tests, "
    "Kubernetes, and Prometheus/Grafana. Nice to have: Terraform, PCI DSS, payments."
)


def _skills(jd: str, required: bool = True) -> list[tuple[str, ...]]:
    return [g.skills for g in requirement_groups(jd) if g.required is required]


def test_the_issue_jd_has_eight_required_groups_with_their_alternatives() -> None:
    assert _skills(ISSUE_JD) == [
        ("Python", "Go"),
        ("PostgreSQL",),
        ("Redis", "Caching"),
        ("Kafka", "RabbitMQ"),
        ("REST APIs",),
        ("Test automation",),
        ("Kubernetes",),
        ("Prometheus", "Grafana"),
    ]
    assert _skills(ISSUE_JD, required=False) == [("Terraform",), ("PCI DSS",), ("Payments",)]


def test_lists_merge_only_real_alternatives_and_items_keep_their_own_class() -> None:
    assert _skills("We need Python, Go or Java and PostgreSQL, Redis, Kafka or RabbitMQ.") == [
        ("Python", "Go", "Java"),
        ("PostgreSQL",),
        ("Redis",),
        ("Kafka", "RabbitMQ"),
    ]
    jd = "What you will need: SQL, Excel, Tableau or Power BI, Python is a plus."
    assert _skills(jd) == [("SQL",), ("Excel",), ("Tableau", "Power BI")]
    assert _skills(jd, required=False) == [("Python",)]
    assert _skills("Monitoring with Prometheus/Grafana; REST APIs in Python") == [
        ("Observability", "Prometheus", "Grafana"),
        ("REST APIs",),
        ("Python",),
    ]


def test_multi_word_skills_stay_whole() -> None:
    groups = requirement_groups("Must have: PCI DSS and REST APIs")
    assert [g.skills for g in groups] == [("PCI DSS",), ("REST APIs",)]


def test_one_alternative_meets_a_group_and_resume_skills_are_never_gaps() -> None:
    groups = requirement_groups(ISSUE_JD)
    left = unmet(groups, ["Go", "PostgreSQL", "Redis", "RabbitMQ", "Django"])
    assert all(g.skills not in {("Python", "Go"), ("PostgreSQL",), ("Kafka", "RabbitMQ")} for g in left)
    assert ("Redis", "Caching") not in [g.skills for g in left]
    resume = "Experience\n- Built services in Go with PostgreSQL and RabbitMQ\nSkills: Redis"
    coverage = score_coverage(resume, ISSUE_JD)
    missing = {m.skill for m in coverage.missing}
    assert not missing & {"Go", "Python", "PostgreSQL", "Kafka", "RabbitMQ", "Redis", "Caching"}
    assert "PCI DSS" in missing  # multi-word, and genuinely absent


def test_quantified_claims_keep_their_figure_and_organisation() -> None:
    profile = ResumeProfile(
        source=Source.OFFLINE,
        experience=[
            Experience(
                organisation="ShipFast",
                highlights=[
                    "Cut p95 latency from 8 s to 400 ms by adding a Redis cache",
                    "Worked closely with the design team",
                    "Reduced cloud costs by 35% through rightsizing",
                ],
            )
        ],
    )
    claims = extract_claims(profile)
    assert [c.figure for c in claims] == ["from 8 s to 400 ms", "35%"]
    assert claims[0].kind == "speed" and claims[1].kind == "money"
    assert (
        claims[0].as_you_said()
        == "You cut p95 latency from 8 s to 400 ms at ShipFast by adding a Redis cache"
    )
    assert extract_claims(ResumeProfile(source=Source.OFFLINE, text="Skills\nPython 2024")) == []
    assert "Redis" in resume_skills(profile)


def test_job_fields_from_titles_and_descriptions() -> None:
    cases = {
        "Data Analyst": "data",
        "Registered Nurse": "healthcare",
        "Primary School Teacher": "teaching",
        "Account Executive": "sales",
        "UX Researcher": "design",
        "HR Business Partner": "hr",
        "Operations Manager": "operations",
        "Senior Backend Engineer": "software",
        "Store Assistant": "general",
    }
    assert {title: detect_field(title).key for title in cases} == cases
    assert detect_field("Associate", "You will own customer support in Zendesk").key == "support"
