"""Turns pydantic validation errors into sentences a candidate understands."""

from __future__ import annotations

from pydantic import ValidationError

_FIELD_NAMES: dict[str, str] = {
    "job_title": "Job title",
    "job_description": "Job description",
    "question_count": "Number of questions",
    "interview_type": "Interview type",
    "difficulty": "Difficulty",
    "language": "Language",
    "answer_mode": "Answer mode",
    "engine": "Engine",
}


def _describe(error_type: str, ctx: dict[str, object], raw: str) -> str:
    if error_type == "string_too_short":
        return f"is too short (at least {ctx.get('min_length')} characters)"
    if error_type == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if error_type in ("greater_than_equal", "less_than_equal"):
        return "must be between 5 and 15" if "5" in raw or "15" in raw else raw
    if error_type == "enum":
        return f"must be one of: {ctx.get('expected')}"
    if error_type == "missing":
        return "is required"
    if error_type in ("int_parsing", "int_type"):
        return "must be a whole number"
    return raw


def friendly_errors(error: ValidationError) -> list[str]:
    lines: list[str] = []
    for item in error.errors():
        field = ".".join(str(p) for p in item["loc"])
        label = _FIELD_NAMES.get(field, field.replace("_", " ").capitalize() or "Value")
        ctx = dict(item.get("ctx") or {})
        message = str(item["msg"]).removeprefix("Value error, ")
        lines.append(f"{label} {_describe(item['type'], ctx, message)}.")
    return lines


def friendly_message(error: ValidationError) -> str:
    return " ".join(friendly_errors(error))
