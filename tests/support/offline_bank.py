"""A small, complete question bank written to a folder, in the format of assets/question_bank/*.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DIFFICULTIES = ("beginner", "intermediate", "experienced", "expert")

_TECH: tuple[tuple[str, list[str], str, list[str]], ...] = (
    (
        "problem solving",
        ["python"],
        "How would you find why a {level} Python service became slow?",
        [
            "Measures before changing anything",
            "Uses a profiler such as cProfile",
            "Checks database queries",
            "Verifies the fix with numbers",
        ],
    ),
    (
        "technical knowledge",
        ["sql"],
        "Explain how an index speeds up a SQL query at {level} level.",
        [
            "Describes the index structure such as a B-tree",
            "Explains lookups without a full table scan",
            "Mentions the write cost of indexes",
        ],
    ),
    (
        "technical knowledge",
        [],
        "Which {skill} feature do you rely on most in {level} work as a {role}, and why?",
        ["Names a specific feature", "Explains why it matters", "Gives a real example"],
    ),
    (
        "problem solving",
        [],
        "Walk me through debugging a {level} production incident.",
        [
            "Reproduces the problem",
            "Reads logs and metrics",
            "Forms and tests a hypothesis",
            "Prevents recurrence",
        ],
    ),
    (
        "technical knowledge",
        ["docker"],
        "What problem does Docker solve for a {level} team?",
        ["Same environment everywhere", "Images and containers", "Faster onboarding"],
    ),
    (
        "problem solving",
        [],
        "How do you decide between two designs on a {level} project?",
        ["Lists the trade-offs", "Measures or prototypes", "Considers the team and maintenance"],
    ),
)
_BEHAV: tuple[tuple[str, str, list[str]], ...] = (
    (
        "teamwork",
        "Tell me about a {level} time you disagreed with a teammate.",
        ["Describes the situation", "States their task", "Explains their actions", "Gives the result"],
    ),
    (
        "leadership",
        "Describe a {level} situation where you led without authority.",
        ["Describes the situation", "Explains their actions", "Gives the result with a number"],
    ),
    (
        "resilience",
        "Tell me about a {level} failure and what you learned.",
        ["Describes the situation", "Owns the mistake", "Explains what they learned"],
    ),
    (
        "communication",
        "Give an example of explaining something complex at a {level} level to a customer.",
        ["Describes the situation", "Adapts to the audience", "Gives the result"],
    ),
    (
        "prioritisation",
        "Tell me about a {level} deadline you nearly missed.",
        ["Describes the situation", "Explains how they prioritised", "Gives the result"],
    ),
)
_HI = "हिंदी: "
_FR = "Français : "


def _entry(
    qid: str, qtype: str, level: str, comp: str, skills: list[str], text: str, points: list[str]
) -> dict[str, Any]:
    en = text.replace("{level}", level)
    return {
        "id": qid,
        "type": qtype,
        "difficulty": level,
        "competency": comp,
        "skills": skills,
        "text": {"en": en, "hi": _HI + en, "fr": _FR + en},
        "expected_points": points,
        "model_answer": f"A strong answer to '{en}' covers: " + "; ".join(points) + ".",
        "follow_ups": {
            "en": ["What would you do differently next time?"],
            "hi": [_HI + "अगली बार क्या अलग करेंगे?"],
            "fr": ["Que feriez-vous différemment ?"],
        },
    }


def build_entries() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for level in DIFFICULTIES:
        for i, (comp, skills, text, points) in enumerate(_TECH):
            entries.append(_entry(f"t-{level}-{i}", "technical", level, comp, skills, text, points))
        for i, (comp, text, points) in enumerate(_BEHAV):
            entries.append(_entry(f"b-{level}-{i}", "behavioural", level, comp, [], text, points))
    entries.append(
        _entry(
            "o-1",
            "overall",
            "beginner",
            "motivation",
            [],
            "Why do you want to work as a {role}?",
            ["Links their experience to the role", "Shows knowledge of the work"],
        )
    )
    return entries


def write_bank(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    entries = build_entries()
    half = len(entries) // 2
    (folder / "a_part.json").write_text(json.dumps(entries[:half], ensure_ascii=False), encoding="utf-8")
    (folder / "b_part.json").write_text(json.dumps(entries[half:], ensure_ascii=False), encoding="utf-8")
    return folder
