"""The offline interviewer's question bank: format, languages, placeholders and coverage."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

BANK_DIR = Path(__file__).resolve().parents[2] / "assets" / "question_bank"
FILES = sorted(BANK_DIR.glob("*.json"))

TYPES = ("technical", "behavioural", "overall")
DIFFICULTIES = ("beginner", "intermediate", "experienced", "expert")
LANGS = ("en", "hi", "fr")
COMPETENCIES = {
    "technical knowledge",
    "problem solving",
    "system design",
    "communication",
    "teamwork",
    "leadership",
    "conflict resolution",
    "ownership",
    "adaptability",
    "learning",
    "customer focus",
    "motivation",
    "cultural fit",
    "time management",
}
BEHAVIOURAL_COMPETENCIES = {
    "communication",
    "teamwork",
    "leadership",
    "conflict resolution",
    "ownership",
    "adaptability",
    "learning",
    "customer focus",
    "time management",
    "problem solving",
}
COMMON_SKILLS = {
    "python",
    "java",
    "javascript",
    "typescript",
    "react",
    "node.js",
    "sql",
    "postgresql",
    "aws",
    "docker",
    "kubernetes",
    "git",
    "linux",
    "machine learning",
    "data analysis",
    "system design",
    "c++",
    "go",
    "rest apis",
    "testing",
    "security",
    "product management",
    "ui/ux design",
    "excel",
    "marketing",
    "sales",
    "finance",
}
FIELDS = {
    "id",
    "type",
    "difficulty",
    "competency",
    "skills",
    "text",
    "expected_points",
    "model_answer",
    "follow_ups",
}
# Minimum counts: the targets are ~160 technical, ~120 behavioural, ~80 overall, >= 360 in all.
MIN_TOTAL = 360
MIN_PER_TYPE = {"technical": 160, "behavioural": 120, "overall": 80}
MIN_PER_CELL = {"technical": 38, "behavioural": 30, "overall": 20}
# Topics and fields that job descriptions ask for: each needs its own questions (issue 14).
TOPIC_TAGS = {
    "message queues", "kafka", "rabbitmq", "caching", "redis", "observability", "prometheus", "grafana",
    "terraform", "infrastructure as code", "pci dss", "payments", "gdpr", "distributed systems",
    "test automation", "frontend development", "accessibility", "mobile development", "android", "ios",
    "data engineering", "etl", "airflow", "apache spark", "data pipelines", "mlops", "a/b testing",
    "people management", "customer support", "operations", "human resources", "recruiting", "healthcare",
    "patient care", "electronic health records", "teaching", "research", "statistics", "user research",
    "data visualisation", "tableau", "power bi", "incident management", "stakeholder management", "salesforce",
    "crm", "negotiation", "account management", "seo", "google analytics", "content marketing",
    "performance management", "change management", "technical documentation", "mentoring", "agile", "scrum",
    "ci/cd", "spring boot", "mysql", "mongodb", "nosql", "graphql", "microservices", "grpc", "microsoft azure",
    "google cloud", "dbt", "data modelling", "snowflake", "bigquery", "swift", "swiftui", "kotlin",
    "customer success", "email marketing", "digital marketing", "c#", ".net", "project management", "jira",
    "product roadmap", "figma", "prototyping",
}  # fmt: skip
# Every field a role can belong to has questions of its own at every level.
FIELD_TAGS = {
    "sales", "customer support", "marketing", "finance", "operations", "human resources", "healthcare",
    "teaching", "research", "ui/ux design", "product management", "people management", "data analysis",
}  # fmt: skip

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
ID_PATTERN = re.compile(r"^(tech|beh|ovr)-[a-z0-9-]+-\d{3}$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MAX_FILE_BYTES = 1_000_000


def _load(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path.name}: top level must be a list"
    return data


@pytest.fixture(scope="module")
def bank() -> list[dict[str, Any]]:
    return [q for path in FILES for q in _load(path)]


def _strings(q: dict[str, Any]) -> list[tuple[str, str]]:
    """Every user-facing localised string of a question, labelled for error messages."""
    out = [(f"text.{lang}", q["text"][lang]) for lang in LANGS]
    for lang in LANGS:
        out += [(f"follow_ups.{lang}[{i}]", s) for i, s in enumerate(q["follow_ups"][lang])]
    return out


def test_bank_has_one_file_per_type_and_difficulty() -> None:
    names = {p.name for p in FILES}
    expected = {f"{t}_{d}.json" for t in TYPES for d in DIFFICULTIES}
    assert expected <= names, f"missing files: {sorted(expected - names)}"
    assert (BANK_DIR / "README.md").is_file()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_file_parses_is_small_and_matches_its_name(path: Path) -> None:
    assert path.stat().st_size < MAX_FILE_BYTES
    questions = _load(path)
    assert questions, f"{path.name} is empty"
    # <type>_<difficulty>.json, or <type>_<difficulty>_<topic>.json for topic and field questions
    qtype, difficulty = path.stem.split("_")[:2]
    for q in questions:
        assert q.get("type") == qtype and q.get("difficulty") == difficulty, q.get("id")


def test_every_question_has_exactly_the_contract_fields(bank: list[dict[str, Any]]) -> None:
    for q in bank:
        qid = q.get("id")
        assert set(q) == FIELDS, f"{qid}: fields {sorted(set(q) ^ FIELDS)}"
        assert isinstance(qid, str) and ID_PATTERN.match(qid), qid
        assert q["type"] in TYPES, qid
        assert q["difficulty"] in DIFFICULTIES, qid
        assert q["competency"] in COMPETENCIES, qid
        skills = q["skills"]
        assert isinstance(skills, list) and len(set(skills)) == len(skills), qid
        for skill in skills:
            assert isinstance(skill, str) and skill == skill.strip().lower() and skill, qid
            assert skill in COMMON_SKILLS | TOPIC_TAGS, f"{qid}: unknown skill {skill!r}"
        if q["type"] != "technical":
            assert skills == [], f"{qid}: only technical questions name skills"
        points = q["expected_points"]
        assert isinstance(points, list) and 3 <= len(points) <= 6, qid
        assert all(isinstance(p, str) and p.strip() for p in points), qid
        answer = q["model_answer"]
        assert isinstance(answer, str) and 2 <= len(SENTENCE_END.split(answer.strip())) <= 4, qid


def test_ids_and_english_texts_are_unique(bank: list[dict[str, Any]]) -> None:
    ids = Counter(q["id"] for q in bank)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(q["text"]["en"].strip().lower() for q in bank)
    assert [t for t, n in texts.items() if n > 1] == []


def test_all_three_languages_are_present_and_real(bank: list[dict[str, Any]]) -> None:
    for q in bank:
        qid = q["id"]
        assert set(q["text"]) == set(LANGS), qid
        assert set(q["follow_ups"]) == set(LANGS), qid
        sizes = {len(q["follow_ups"][lang]) for lang in LANGS}
        assert len(sizes) == 1 and sizes.pop() in (1, 2), f"{qid}: 1-2 follow-ups per language"
        for label, s in _strings(q):
            assert isinstance(s, str) and s.strip(), f"{qid} {label} empty"
            if label.startswith(("text.hi", "follow_ups.hi")):
                assert DEVANAGARI.search(s), f"{qid} {label} has no Devanagari"
            else:
                assert not DEVANAGARI.search(s), f"{qid} {label} has Devanagari"
        assert q["text"]["fr"] != q["text"]["en"], f"{qid}: French text is a copy of English"


def test_placeholders_are_only_skill_and_role(bank: list[dict[str, Any]]) -> None:
    for q in bank:
        qid = q["id"]
        for label, s in _strings(q):
            names = set(PLACEHOLDER.findall(s))
            # A skill name dropped into a template slot reads badly ("a system built with Query
            # optimisation?"): questions are written whole; only the job title may be filled in.
            assert names <= {"role"}, f"{qid} {label}: {names}"
            assert "{" not in PLACEHOLDER.sub("", s) and "}" not in PLACEHOLDER.sub("", s), qid
        per_lang = [set(PLACEHOLDER.findall(q["text"][lang])) for lang in LANGS]
        assert per_lang[0] == per_lang[1] == per_lang[2], f"{qid}: placeholders differ by language"
        for field in ("model_answer", *q["expected_points"]):
            text = q["model_answer"] if field == "model_answer" else field
            assert "{" not in text and "}" not in text, f"{qid}: braces in English rubric"


def test_counts_meet_the_targets(bank: list[dict[str, Any]]) -> None:
    assert len(bank) >= MIN_TOTAL
    per_type = Counter(q["type"] for q in bank)
    per_cell = Counter((q["type"], q["difficulty"]) for q in bank)
    for qtype, minimum in MIN_PER_TYPE.items():
        assert per_type[qtype] >= minimum, (qtype, per_type[qtype])
        for difficulty in DIFFICULTIES:
            count = per_cell[(qtype, difficulty)]
            assert count >= MIN_PER_CELL[qtype], (qtype, difficulty, count)


def test_technical_coverage_of_common_skills_and_fields(bank: list[dict[str, Any]]) -> None:
    technical = [q for q in bank if q["type"] == "technical"]
    for difficulty in DIFFICULTIES:
        level = [q for q in technical if q["difficulty"] == difficulty]
        covered = {s for q in level for s in q["skills"]}
        assert covered >= COMMON_SKILLS, (difficulty, sorted(COMMON_SKILLS - covered))
        assert covered >= FIELD_TAGS, (difficulty, sorted(FIELD_TAGS - covered))
    every_level = {s for q in technical for s in q["skills"]}
    assert every_level >= TOPIC_TAGS, sorted(TOPIC_TAGS - every_level)


def test_every_tag_names_a_skill_the_planner_can_match(bank: list[dict[str, Any]]) -> None:
    from mockmate_desktop.domain.skills import default_lexicon
    from mockmate_desktop.engine.offline.planner import TAG_SKILLS

    lexicon = default_lexicon()
    for q in bank:
        for tag in q["skills"]:
            assert tag in TAG_SKILLS or lexicon.get(tag) is not None, f"{q['id']}: {tag!r} matches no skill"


def test_behavioural_competencies_are_covered_at_every_level(bank: list[dict[str, Any]]) -> None:
    for difficulty in DIFFICULTIES:
        seen = {q["competency"] for q in bank if q["type"] == "behavioural" and q["difficulty"] == difficulty}
        assert seen >= BEHAVIOURAL_COMPETENCIES, (difficulty, BEHAVIOURAL_COMPETENCIES - seen)
