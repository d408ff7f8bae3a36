"""Turns pydantic validation errors into sentences a candidate understands.

"Number of questions must be between 5 and 15 (you entered 3)." rather than
"question_count: Input should be greater than or equal to 5".
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .config import MAX_QUESTIONS, MIN_QUESTIONS

_FIELD_NAMES: dict[str, str] = {
    "job_title": "Job title",
    "job_description": "Job description",
    "resume_id": "Resume",
    "question_count": "Number of questions",
    "interview_type": "Interview type",
    "difficulty": "Difficulty",
    "language": "Language",
    "answer_mode": "Answer mode",
    "engine": "Engine",
    "status": "Session status",
    "config": "Interview set-up",
    "gemini_api_key": "Gemini API key",
    "gemini_model": "Gemini model",
    "gemini_base_url": "Gemini base URL",
    "gemini_timeout_s": "Gemini timeout",
    "whisper_model": "Whisper model",
    "microphone": "Microphone",
    "tts_rate_wpm": "Interviewer speaking rate",
    "silence_to_stop_s": "Silence that ends an answer",
    "first_word_grace_s": "Time allowed before the first word",
    "max_answer_s": "Longest answer",
}

# Settings read from the environment report the variable's name as the location.
_ENV_FIELDS: dict[str, str] = {
    "GEMINI_API_KEY": "gemini_api_key",
    "MOCKMATE_GEMINI_MODEL": "gemini_model",
    "MOCKMATE_GEMINI_BASE_URL": "gemini_base_url",
    "MOCKMATE_WHISPER_MODEL": "whisper_model",
    "MOCKMATE_MICROPHONE": "microphone",
    "MOCKMATE_TTS_RATE": "tts_rate_wpm",
}

# Fields whose two bounds are best told together, whichever one was crossed.
_RANGES: dict[str, tuple[float, float]] = {
    "question_count": (MIN_QUESTIONS, MAX_QUESTIONS),
    "tts_rate_wpm": (80, 300),
    "silence_to_stop_s": (0.5, 10.0),
    "first_word_grace_s": (1.0, 60.0),
    "max_answer_s": (10.0, 1800.0),
}

_UNITS: dict[str, str] = {
    "tts_rate_wpm": " words per minute",
    "silence_to_stop_s": " seconds",
    "first_word_grace_s": " seconds",
    "max_answer_s": " seconds",
    "gemini_timeout_s": " seconds",
}

_FIXED: dict[str, str] = {
    "missing": "is required",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "bool_parsing": "must be yes or no",
    "bool_type": "must be yes or no",
    "string_type": "must be text",
    "uuid_parsing": "is not a valid id",
    "uuid_type": "is not a valid id",
    "datetime_parsing": "is not a valid date and time",
    "datetime_from_date_parsing": "is not a valid date and time",
    "datetime_type": "is not a valid date and time",
    "string_pattern_mismatch": "is not in the expected format",
    "url_parsing": "is not a valid web address",
    "model_type": "is not filled in correctly",
    "dict_type": "is not filled in correctly",
    "list_type": "must be a list",
}


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _given(value: object) -> str:
    """The offending value, when it is short enough to be worth repeating back."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        return f" (you entered {_number(value)})"
    if isinstance(value, str) and 0 < len(value) <= 40:
        return f" (you entered {value!r})"
    return ""


def _range(field: str, error_type: str, ctx: dict[str, Any]) -> str:
    if field in _RANGES:
        low, high = _RANGES[field]
        return f"must be between {_number(low)} and {_number(high)}{_UNITS.get(field, '')}"
    bounds = {
        "greater_than_equal": ("must be at least", "ge"),
        "less_than_equal": ("must be at most", "le"),
        "greater_than": ("must be more than", "gt"),
        "less_than": ("must be less than", "lt"),
    }
    words, key = bounds[error_type]
    return f"{words} {_number(ctx.get(key))}{_UNITS.get(field, '')}"


def _sentence(field: str, label: str, item: Any) -> str:
    error_type = str(item["type"])
    ctx: dict[str, Any] = dict(item.get("ctx") or {})
    given = _given(item.get("input"))
    if error_type == "value_error":
        message = str(ctx.get("error") or item["msg"]).removeprefix("Value error, ").rstrip(".")
        # A validator's own sentence already names the field ("the job title needs ..."): keep it whole.
        if label.lower() in message.lower():
            return message[:1].upper() + message[1:] + "."
        return f"{label}: {message}."
    if error_type == "json_invalid":
        return "The data is not valid JSON."
    if error_type in _FIXED:
        suffix = "" if error_type == "missing" else given
        return f"{label} {_FIXED[error_type]}{suffix}."
    if error_type in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{label} {_range(field, error_type, ctx)}{given}."
    if error_type == "string_too_short":
        if ctx.get("min_length") == 1:
            return f"{label} cannot be empty."
        return f"{label} is too short (at least {ctx.get('min_length')} characters)."
    if error_type == "string_too_long":
        return f"{label} is too long (at most {ctx.get('max_length')} characters)."
    if error_type in ("enum", "literal_error"):
        return f"{label} must be one of: {ctx.get('expected')}{given}."
    if error_type == "too_short":
        return f"{label} needs at least {ctx.get('min_length')} items."
    if error_type == "too_long":
        return f"{label} can have at most {ctx.get('max_length')} items."
    message = str(item["msg"])
    return f"{label}: {message[:1].lower()}{message[1:].rstrip('.')}."


def _label(loc: tuple[int | str, ...]) -> tuple[str, str]:
    names = [str(p) for p in loc if isinstance(p, str)]
    field = names[-1] if names else ""
    if field in _ENV_FIELDS or (field.isupper() and field.startswith(("MOCKMATE_", "GEMINI_"))):
        variable, field = field, _ENV_FIELDS.get(field, field)
        name = _FIELD_NAMES.get(field, variable)
        return field, f"{name} (environment variable {variable})" if name != variable else variable
    label = _FIELD_NAMES.get(field, field.replace("_", " ").capitalize() or "The value")
    positions = [p for p in loc if isinstance(p, int)]
    if positions:
        label = f"{label} (item {positions[-1] + 1})"
    return field, label


def friendly_errors(error: ValidationError) -> list[str]:
    lines: list[str] = []
    for item in error.errors():
        field, label = _label(tuple(item["loc"]))
        lines.append(_sentence(field, label, item))
    return lines


def friendly_message(error: ValidationError) -> str:
    return " ".join(friendly_errors(error))
