"""Recovers a schema-valid object from a reply that the SDK could not parse (fences, prose, trailing commas)."""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

T = TypeVar("T", bound=BaseModel)

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


class RepairFailed(Exception):
    """The text holds no object that fits the schema; the message says why (sent back on a re-ask)."""


def _first_object(text: str) -> str | None:
    """The first balanced {...} in the text, honouring strings so braces in quotes do not count."""
    start = text.find("{")
    while start != -1:
        depth, in_string, escaped = 0, False, False
        for index in range(start, len(text)):
            char = text[index]
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return text[start : index + 1]
        start = text.find("{", start + 1)
    return None


def _candidates(text: str) -> list[str]:
    found = [text.strip()]
    found += [m.group(1).strip() for m in _FENCE.finditer(text)]
    obj = _first_object(text)
    if obj:
        found.append(obj)
    found += [_TRAILING_COMMA.sub(r"\1", c) for c in list(found)]
    return found


def _unwrap(value: Any, schema: type[BaseModel]) -> Any:
    """A model sometimes wraps the object in a one-key envelope or returns a one-item list."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, dict) and len(value) == 1:
        (inner,) = value.values()
        if isinstance(inner, dict) and not set(value) & set(schema.model_fields):
            return inner
    return value


def repair(text: str | None, schema: type[T]) -> T:
    if not text or not text.strip():
        raise RepairFailed("the reply was empty")
    last_error = "the reply was not JSON"
    for candidate in _candidates(text):
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        try:
            return schema.model_validate(_unwrap(value, schema))
        except ValidationError as exc:
            last_error = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'root'}: {e['msg']}" for e in exc.errors()[:8]
            )
    raise RepairFailed(last_error)
