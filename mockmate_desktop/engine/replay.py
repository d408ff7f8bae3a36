"""Cached replay: serves recorded Gemini replies with no network at all; results say source=cached.

A session replays when its requests match recorded ones (same config, same answers, same model). Anything
else is a `CacheMissError` naming what was asked, never a silent fallback to made-up content.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..domain.enums import Source
from .cache import RequestCache, request_key
from .gemini.engine import GeminiEngine
from .gemini.parts import DataPart
from .protocols import CacheMissError

T = TypeVar("T", bound=BaseModel)


class ReplayClient:
    source: Source = Source.CACHED

    def __init__(self, cache: RequestCache, model: str) -> None:
        self._cache = cache
        self._model = model

    @property
    def model_name(self) -> str:
        return self._model

    def generate(self, schema: type[T], *, system: str, parts: list[DataPart], model: str | None = None) -> T:
        model_name = model or self._model
        key = request_key(model_name, system, parts, schema.__name__)
        entry = self._cache.get(key)
        what = f"{schema.__name__} with data {', '.join(p.label for p in parts) or 'none'}"
        if entry is None:
            raise CacheMissError(
                f"Replay has no recorded answer for this request ({what}; model {model_name}; key "
                f"{key[:12]}). Only a recorded session can be replayed, with the same settings and answers; "
                "use the Gemini or offline engine for a new interview."
            )
        try:
            return schema.model_validate_json(entry.response_json)
        except ValidationError as exc:
            raise CacheMissError(
                f"The recorded answer for {what} is damaged ({exc.error_count()} errors)."
            ) from exc


class ReplayEngine(GeminiEngine):
    """The Gemini engine's logic over recorded replies; every record it makes has source=cached."""

    def __init__(self, cache: RequestCache, model: str) -> None:
        super().__init__(ReplayClient(cache, model))
