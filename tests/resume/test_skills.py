"""The skill lexicon: synonyms, abbreviations, stems and positions."""

from __future__ import annotations

import time

import pytest

from mockmate_desktop.domain.skills import (
    SkillLexicon,
    default_lexicon,
    extract_skills,
    normalise_term,
    unique_skills,
)
from mockmate_desktop.domain.skills_data import SOFT_BLOCKS, TECHNICAL_BLOCKS


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Ran workloads on k8s", "Kubernetes"),
        ("Ran workloads on Kubernetes", "Kubernetes"),
        ("Wrote JS daily", "JavaScript"),
        ("Tuned Postgres queries", "PostgreSQL"),
        ("Built ML models", "Machine learning"),
        ("Built machine-learning models", "Machine learning"),
        ("Set up continuous integration", "CI/CD"),
        ("Owned the CI/CD pipelines", "CI/CD"),
        ("Mentored three juniors", "Mentoring"),
        ("Strong problem-solving", "Problem solving"),
        ("golang services", "Go"),
        ("sklearn pipelines", "scikit-learn"),
        ("Designed RESTful APIs", "REST APIs"),
        ("Wrote unit tests", "Unit testing"),
        ("cross-functional squads", "Collaboration"),
        ("Prototyped flows in Figma", "Prototyping"),
        ("Managed the P&L", "P&L"),
        ("C# and .NET", "C#"),
        ("C# and .NET", ".NET"),
    ],
)
def test_synonyms_and_stems_map_to_the_canonical_skill(text: str, skill: str) -> None:
    assert skill in unique_skills(extract_skills(text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I excel at communication", "Excel"),
        ("Excel at communication", "Excel"),
        ("Ready to go to market", "Go"),
        ("John R. Smith", "R"),
        ("Worked in R&D", "R"),
        ("Reported to the C-suite", "C"),
        ("C++ only", "C"),
        ("JavaScript only", "Java"),
        ("Spring 2024 internship", "Spring Framework"),
        ("rust on the car", "Rust"),
    ],
)
def test_plain_english_and_glued_tokens_are_not_skills(text: str, absent: str) -> None:
    assert absent not in unique_skills(extract_skills(text))


def test_longest_alias_wins() -> None:
    hits = extract_skills("Spring Boot, Java, JavaScript, ASP.NET")
    assert [h.skill for h in hits] == ["Spring Boot", "Java", "JavaScript", "ASP.NET"]


def test_positions_point_at_the_text_as_written() -> None:
    text = "Deployed to k8s with Terraform."
    hits = extract_skills(text)
    assert [(text[h.start : h.end], h.matched, h.skill) for h in hits] == [
        ("k8s", "k8s", "Kubernetes"),
        ("Terraform", "Terraform", "Terraform"),
    ]


def test_soft_and_technical_kinds() -> None:
    kinds = {h.skill: h.kind for h in extract_skills("Python, leadership and negotiation")}
    assert kinds == {"Python": "technical", "Leadership": "soft", "Negotiation": "soft"}


def test_lexicon_is_large_and_spans_fields() -> None:
    lexicon = default_lexicon()
    assert len(lexicon.skills) >= 350
    categories = {s.category for s in lexicon.skills}
    assert {"languages", "cloud", "data", "design", "product", "business", "soft"} <= categories


def test_no_alias_is_claimed_by_two_skills() -> None:
    owners: dict[tuple[str, bool], str] = {}
    clashes = []
    for skill in default_lexicon().skills:
        for alias in skill.aliases:
            key = (normalise_term(alias), True)
            if key in owners and owners[key] != skill.name:
                clashes.append((alias, owners[key], skill.name))
            owners[key] = skill.name
    assert clashes == []


def test_duplicate_skill_is_refused() -> None:
    with pytest.raises(ValueError, match="defined twice"):
        SkillLexicon([("a", "technical", "Python |\nPython | py")])


def test_lookup_and_canonical() -> None:
    lexicon = default_lexicon()
    assert lexicon.canonical("k8s") == "Kubernetes"
    assert lexicon.canonical("Machine-Learning") == "Machine learning"
    assert lexicon.canonical("  Underwater   basket weaving ") == "Underwater basket weaving"
    assert lexicon.get("postgres") is not None


def test_every_block_parses_into_skills() -> None:
    for category, block in (*TECHNICAL_BLOCKS, *SOFT_BLOCKS):
        lines = [line for line in block.strip().splitlines() if line.strip()]
        built = SkillLexicon([(category, "technical", block)])
        assert len(built.skills) == len(lines), category


def test_large_text_is_matched_in_linear_time() -> None:
    text = "Built CI/CD on k8s with Terraform, Python and PostgreSQL; mentored juniors. " * 4000
    started = time.perf_counter()
    hits = extract_skills(text)
    elapsed = time.perf_counter() - started
    assert len(hits) == 6 * 4000
    assert elapsed < 5.0, f"{elapsed:.2f}s for {len(text)} characters"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("J'ai créé un tableau de bord en SQL", ["SQL"]),  # a dashboard: not the Tableau software
        ("Tableau de bord des ventes, refait le tableau en deux semaines", []),
        ("Tableau d'indicateurs", []),
        ("J'ai utilisé Tableau et Power BI", ["Tableau", "Power BI"]),
        ("Experience with tableau and Looker", ["Tableau", "Looker"]),
        ("Tableau Desktop dashboards", ["Tableau", "Dashboards"]),
    ],
)
def test_the_french_word_tableau_is_not_the_software(text: str, found: list[str]) -> None:
    # Seen in a French interview's report: "un tableau de bord" counted as the tool Tableau.
    assert [hit.skill for hit in extract_skills(text)] == found
