"""Practise mode with Gemini: one answer to one question scored on the same anchored rubric as interviews.

The reply is checked the way interview reports are: quotes that do not occur in the answer are dropped,
and an answer without a real quote cannot score high (`evidence.answer_score_limit`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...domain import gemini_schemas as out
from ...domain import prompts
from . import evidence
from .client import GeminiClient
from .parts import DataPart


@dataclass(frozen=True)
class AnswerToScore:
    question: str
    answer: str
    question_type: str
    difficulty: str
    language_code: str
    language_name: str
    job_title: str = ""
    job_description: str = ""
    competency: str = ""
    expected_points: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GeminiAnswerScore:
    score: float
    model: str
    reasoning: str
    evidence: list[str]
    went_well: list[str]
    to_improve: list[str]
    points: list[dict[str, str]]
    model_answer: str
    star: dict[str, bool] = field(default_factory=dict)  # situation, task, action, result


def request_parts(item: AnswerToScore) -> list[DataPart]:
    parts = [DataPart("question", item.question)]
    if item.job_title.strip():
        parts.append(DataPart("job_title", item.job_title))
    if item.job_description.strip():
        parts.append(DataPart("job_description", item.job_description))
    if item.competency:
        parts.append(DataPart("competency", item.competency))
    if item.expected_points:
        parts.append(DataPart("expected_points", "\n".join(item.expected_points)))
    parts.append(DataPart("answer", item.answer))
    return parts


def score_with_gemini(
    item: AnswerToScore, settings: Any, *, total_budget_s: float | None = None
) -> GeminiAnswerScore:
    """`total_budget_s` bounds the call with its retries (the client's own default when None)."""
    client = GeminiClient(settings, total_budget_s=total_budget_s)
    try:
        raw = client.generate(
            out.AnswerScoreOut,
            system=prompts.answer_score_system(
                item.question_type, item.difficulty, item.language_code, item.language_name
            ),
            parts=request_parts(item),
        )
    finally:
        client.close()
    quotes, dropped = evidence.real_quotes(raw.evidence, item.answer)
    limit = evidence.answer_score_limit(item.answer, bool(quotes))
    to_improve = list(raw.to_improve) + (
        [f"{dropped} quoted sentence(s) not found in the answer were removed."] if dropped else []
    )
    return GeminiAnswerScore(
        score=round(evidence.clamp(raw.score, 0.0, limit), 1),
        model=client.model_name,
        reasoning=raw.reasoning,
        evidence=quotes,
        went_well=list(raw.went_well),
        to_improve=to_improve,
        points=[
            {
                "point": p.point,
                "status": p.status,
                "quote": p.quote if p.quote and evidence.quote_found(p.quote, item.answer) else "",
            }
            for p in raw.points
        ],
        model_answer=raw.model_answer,
        star=raw.star.model_dump(),
    )
