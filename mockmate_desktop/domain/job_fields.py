"""The field a job belongs to (software, data, sales, healthcare...), read from its title and description.

A role without a job description still deserves questions from its own world: a Data Analyst is asked about
data, a nurse about patient care, never about Kubernetes rollouts. Each field names the question-bank skill
tags that belong to it; "general" is the fallback when nothing in the title or description tells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .skills import extract_skills


@dataclass(frozen=True)
class JobField:
    key: str
    name: str
    title_words: re.Pattern[str]  # words of a job title that place the role in this field
    tags: tuple[str, ...]  # question-bank skill tags of this field, most typical first
    software: bool = False  # whether software questions (Kubernetes, APIs) are fair game


def _words(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?i)\b(?:" + "|".join(words) + r")")


FIELDS: tuple[JobField, ...] = (
    JobField(
        "data",
        "Data and analytics",
        _words("data", "analyst", "analytics", "business intelligence", r"bi\b", "statistician", "scientist"),
        (
            "data analysis",
            "sql",
            "statistics",
            "data visualisation",
            "excel",
            "data engineering",
            "machine learning",
            "a/b testing",
        ),
        software=True,
    ),
    JobField(
        "software",
        "Software engineering",
        _words(
            "engineer",
            "developer",
            "programmer",
            "software",
            "devops",
            r"sre\b",
            "architect",
            "backend",
            "back-end",
            "frontend",
            "front-end",
            "full.?stack",
            "mobile",
            r"ios\b",
            "android",
            "platform",
            "site reliability",
            "qa",
            "tester",
            "machine learning",
            r"ml\b",
        ),
        (
            "system design",
            "rest apis",
            "testing",
            "git",
            "linux",
            "security",
            "caching",
            "observability",
            "python",
            "javascript",
            "sql",
            "docker",
        ),
        software=True,
    ),
    JobField(
        "product",
        "Product management",
        _words("product manager", "product owner", "product lead", r"\bpm\b", "head of product"),
        ("product management", "a/b testing", "user research", "data analysis"),
    ),
    JobField(
        "design",
        "Design",
        _words("design", r"ux\b", r"ui\b", "user experience", "researcher, ux", "illustrator"),
        ("ui/ux design", "user research"),
    ),
    JobField(
        "sales",
        "Sales",
        _words("sales", "account executive", "business development", r"bdr\b", r"sdr\b", "account manager"),
        ("sales",),
    ),
    JobField(
        "support",
        "Customer support",
        _words(
            "support",
            "customer service",
            "customer success",
            "help ?desk",
            "service desk",
            "call centre",
            "call center",
        ),
        ("customer support",),
    ),
    JobField(
        "marketing",
        "Marketing",
        _words(
            "marketing", "seo", "content", "brand", "growth", "social media", "copywriter", "communications"
        ),
        ("marketing",),
    ),
    JobField(
        "finance",
        "Finance and accounting",
        _words(
            "financ",
            "accountant",
            "accounting",
            "auditor",
            "controller",
            "treasury",
            "fp&a",
            "analyst, fin",
            "bookkeep",
            "tax",
        ),
        ("finance", "excel"),
    ),
    JobField(
        "operations",
        "Operations",
        _words(
            "operations",
            "logistics",
            "supply chain",
            "procurement",
            "warehouse",
            "project manager",
            "program manager",
            "coordinator",
        ),
        ("operations",),
    ),
    JobField(
        "hr",
        "Human resources",
        _words(
            r"hr\b", "human resources", "recruit", "talent", "people partner", "people operations", "hrbp"
        ),
        ("human resources",),
    ),
    JobField(
        "healthcare",
        "Healthcare",
        _words(
            "nurse",
            "nursing",
            "doctor",
            "physician",
            "clinical",
            "clinic",
            "pharmac",
            "therapist",
            "medical",
            "healthcare",
            "health care",
            "paramedic",
            "midwife",
            "caregiver",
        ),
        ("healthcare",),
    ),
    JobField(
        "teaching",
        "Teaching and education",
        _words(
            "teacher",
            "teaching",
            "tutor",
            "lecturer",
            "professor",
            "instructor",
            "educator",
            "trainer",
            "school",
        ),
        ("teaching",),
    ),
    JobField(
        "research",
        "Research",
        _words("research", "postdoc", "phd", "laboratory", r"lab\b"),
        ("research", "statistics"),
    ),
    JobField(
        "management",
        "Management and leadership",
        _words("manager", "head of", "director", "lead\\b", "vp\\b", "vice president", "chief", "supervisor"),
        ("people management",),
    ),
)
GENERAL = JobField("general", "General", re.compile(r"(?!x)x"), ())
_BY_KEY = {f.key: f for f in (*FIELDS, GENERAL)}
# Title words are tried most specific first: a "UX Researcher" is design, a "Customer Support Engineer" support,
# a "Marketing Manager" marketing; "manager" alone means management.
_DETECTION_ORDER = tuple(
    _BY_KEY[k]
    for k in ("design", "research", "product", "sales", "support", "marketing", "finance", "healthcare",
              "teaching", "hr", "data", "operations", "software", "management")
)  # fmt: skip
# Lexicon categories of JD skills that place a role in a field when the title does not.
_CATEGORY_FIELD = {
    "languages": "software", "web": "software", "engineering": "software", "cloud": "software",
    "security": "software", "ai": "data", "data": "data", "design": "design", "product": "product",
}  # fmt: skip
# Business skills carry their own field.
_SKILL_FIELD = {
    "Sales": "sales", "Lead generation": "sales", "Account management": "sales", "Business development": "sales",
    "Customer support": "support", "Customer success": "support", "Marketing": "marketing", "SEO": "marketing",
    "Digital marketing": "marketing", "Content marketing": "marketing", "Accounting": "finance",
    "Financial analysis": "finance", "Financial modelling": "finance", "Budgeting": "finance",
    "Supply chain": "operations", "Logistics": "operations", "Procurement": "operations",
    "Operations management": "operations", "Recruiting": "hr", "Human resources": "hr",
    "Teaching": "teaching", "Research": "research", "Patient care": "healthcare", "Healthcare": "healthcare",
    "Electronic health records": "healthcare", "People management": "management",
}  # fmt: skip


def field_by_key(key: str) -> JobField:
    return _BY_KEY.get(key, GENERAL)


def detect_field(job_title: str, job_description: str = "") -> JobField:
    """The title decides when it can (the most specific field first); else the JD's skills vote."""
    title = job_title.strip()
    for candidate in _DETECTION_ORDER:
        if candidate.title_words.search(title):
            return candidate
    votes: dict[str, int] = {}
    for hit in extract_skills(job_description):
        key = _SKILL_FIELD.get(hit.skill) or (
            _CATEGORY_FIELD.get(hit.category) if hit.kind == "technical" else None
        )
        if key:
            votes[key] = votes.get(key, 0) + 1
    if votes:
        return _BY_KEY[max(sorted(votes), key=lambda k: votes[k])]
    return GENERAL
