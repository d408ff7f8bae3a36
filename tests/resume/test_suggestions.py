"""Rewrite suggestions add missing keywords only where the resume shows related work."""

from __future__ import annotations

from mockmate_desktop.domain.resume_scoring import score_coverage
from mockmate_desktop.domain.resume_suggestions import suggest_rewrites

RESUME = """Asha Verma
Experience
- Built Python microservices on k8s serving 2M requests a day.
- Wrote REST APIs in Django for 300 stores.
- Organised the office party.
Skills
Python, Communication
"""


def test_missing_keyword_goes_on_a_line_with_related_evidence() -> None:
    suggestions = suggest_rewrites(score_coverage(RESUME, "Required: GraphQL"))
    (only,) = suggestions
    assert only.section == "Experience"
    assert only.original == "- Wrote REST APIs in Django for 300 stores."
    assert only.suggested == "Wrote REST APIs in Django for 300 stores, using GraphQL."
    assert only.keywords_added == ["GraphQL"] and "only if it is true" in only.reason


def test_without_evidence_the_advice_is_to_learn_not_to_claim() -> None:
    (only,) = suggest_rewrites(score_coverage(RESUME, "Required: Figma"))
    assert only.section == "Projects" and only.original == ""
    assert "do not claim it" in only.reason and "Build a small project" in only.suggested


def test_unrelated_lines_are_never_rewritten() -> None:
    for suggestion in suggest_rewrites(score_coverage(RESUME, "Required: GraphQL, Terraform, Figma, Kafka")):
        assert "office party" not in suggestion.original


def test_listed_only_skill_should_be_shown_in_use() -> None:
    suggestions = suggest_rewrites(score_coverage(RESUME, "Required: communication"))
    assert suggestions[0].section == "Experience" and "only listed in Skills" in suggestions[0].reason


def test_jd_spelling_is_suggested_for_a_synonym() -> None:
    suggestions = suggest_rewrites(score_coverage(RESUME, "Required: Kubernetes"))
    (only,) = suggestions
    assert only.suggested == "- Built Python microservices on Kubernetes (k8s) serving 2M requests a day."


def test_keywords_for_one_line_are_combined_and_required_come_first() -> None:
    suggestions = suggest_rewrites(score_coverage(RESUME, "Required: Kafka\nNice to have: Terraform, Figma"))
    assert suggestions[0].keywords_added == ["Kafka", "Terraform"]
    assert suggestions[-1].keywords_added == ["Figma"] and suggestions[-1].section == "Projects"
