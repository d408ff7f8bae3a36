"""The one door to Gemini: structured generation with retries, schema repair, and clear failures.

`generate(schema, system=..., parts=...)` returns a validated pydantic object or raises:
- `EngineError` for what the user must fix (invalid key, permission, unknown model, blocked answer);
- `EngineUnavailableError` when the service stays unreachable within the time budget (callers fall back).
Untrusted text only travels in `DataPart`s, rendered as fenced data blocks (see domain/prompts.py).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic import BaseModel

from ...domain import gemini_schemas as out
from ...domain import prompts
from ...domain.enums import Source
from ..cache import RequestCache, request_key
from ..protocols import EngineError, EngineUnavailableError
from . import failures
from .parts import DataPart, to_sdk_parts
from .repair import RepairFailed, repair

if TYPE_CHECKING:
    from ...core.settings import Settings

__all__ = ["DataPart", "GeminiClient", "StructuredClient"]

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
API_VERSION = "v1beta"


class StructuredClient(Protocol):
    """What the engine needs from a model client; the live client and the replay client both fit."""

    source: Source

    @property
    def model_name(self) -> str: ...

    def generate(
        self, schema: type[T], *, system: str, parts: list[DataPart], model: str | None = None
    ) -> T: ...


class GeminiClient:
    source: Source = Source.GEMINI

    def __init__(
        self,
        settings: Settings,
        *,
        cache: RequestCache | None = None,
        max_attempts: int = 4,
        total_budget_s: float | None = None,
        backoff_initial_s: float = 1.0,
        backoff_max_s: float = 16.0,
        temperature: float = 0.4,
    ) -> None:
        if not settings.has_gemini_key:
            raise EngineError("No Gemini API key is set. " + failures.KEY_HELP)
        self._settings = settings
        self._cache = cache
        self._timeout_s = float(settings.gemini_timeout_s)
        self._max_attempts = max(1, max_attempts)
        # Bounded whatever happens: a few full-length attempts at most, then the caller falls back.
        self._budget_s = total_budget_s if total_budget_s is not None else self._timeout_s * 2 + 15.0
        self._backoff_initial_s = backoff_initial_s
        self._backoff_max_s = backoff_max_s
        self._temperature = temperature
        self._sdk: Any = None
        self._lock = threading.Lock()
        self._closed = threading.Event()

    @property
    def model_name(self) -> str:
        return self._settings.gemini_model

    def _client(self) -> Any:
        with self._lock:
            if self._sdk is None:
                try:
                    from google import genai
                    from google.genai import types
                except ImportError as exc:  # pragma: no cover - the dependency ships with the app
                    raise EngineError(
                        "The google-genai package is not installed; reinstall MockMate or run "
                        "`pip install google-genai`. The offline engine still works."
                    ) from exc
                key = self._settings.gemini_api_key
                assert key is not None
                # v1beta: `systemInstruction` and `responseSchema` have been rejected by v1 in the past
                # ("Unknown name systemInstruction"), while v1beta has always accepted both.
                options = types.HttpOptions(
                    base_url=self._settings.gemini_base_url or None,
                    api_version=API_VERSION,
                    timeout=int(self._timeout_s * 1000),
                )
                self._sdk = genai.Client(api_key=key.get_secret_value(), http_options=options)
            return self._sdk

    def close(self) -> None:
        """Stops waiting between retries and releases the HTTP connections."""
        self._closed.set()
        with self._lock:
            if self._sdk is not None:
                self._sdk.close()
                self._sdk = None

    def generate(self, schema: type[T], *, system: str, parts: list[DataPart], model: str | None = None) -> T:
        model_name = model or self._settings.gemini_model
        full_system = prompts.with_data_rules(system)
        response = self._call(schema, model_name, full_system, parts, None)
        result = self._parse(schema, response)
        if isinstance(result, RepairFailed):
            # One re-ask, outside any data block, saying what was wrong; then give up clearly.
            response = self._call(
                schema, model_name, full_system, parts, prompts.reask_instruction(str(result))
            )
            result = self._parse(schema, response)
            if isinstance(result, RepairFailed):
                raise EngineUnavailableError(
                    f"Gemini's reply did not fit the expected format twice ({result}); using the offline engine."
                )
        if self._cache is not None:
            key = request_key(model_name, system, parts, schema.__name__)
            try:
                self._cache.put(
                    key,
                    model=model_name,
                    schema=schema.__name__,
                    response_json=result.model_dump_json(),
                    labels=tuple(p.label for p in parts),
                )
            except OSError as exc:  # a full disk must not cost the candidate a good answer
                log.warning("could not record the Gemini exchange for replay: %s", exc)
        return result

    def _parse(self, schema: type[T], response: Any) -> T | RepairFailed:
        parsed = getattr(response, "parsed", None)
        if isinstance(parsed, schema):
            return parsed
        text = _text_of(response)
        if text is None:
            reason = failures.blocked_reason(response)
            if reason is not None:
                raise failures.blocked_error(reason)
            return RepairFailed("the reply was empty")
        try:
            return repair(text, schema)
        except RepairFailed as exc:
            return exc

    def _call(
        self, schema: type[BaseModel], model: str, system: str, parts: list[DataPart], reask: str | None
    ) -> Any:
        from google.genai import types

        client = self._client()
        contents = [types.Content(role="user", parts=to_sdk_parts(parts, reask))]
        started = time.monotonic()
        deadline = started + self._budget_s
        attempt = 0
        while True:
            attempt += 1
            timeout_s = max(0.5, min(self._timeout_s, deadline - time.monotonic()))
            config = types.GenerateContentConfig(
                system_instruction=system,
                response_mime_type="application/json",
                response_schema=schema,
                temperature=temperature_for(schema, self._temperature),
                http_options=types.HttpOptions(timeout=int(timeout_s * 1000)),
            )
            try:
                return client.models.generate_content(model=model, contents=contents, config=config)
            except Exception as exc:
                verdict = failures.classify(exc, timeout_s)
                if verdict is None:
                    raise EngineUnavailableError(f"Gemini call failed unexpectedly: {exc}") from exc
                if isinstance(verdict, EngineError):
                    raise verdict from exc
                delay = self._delay(attempt, verdict.retry_after_s)
                out_of_time = time.monotonic() + delay + 0.5 > deadline
                if attempt >= self._max_attempts or out_of_time or self._closed.is_set():
                    # The wall time since the first attempt: the last attempt's own limit can be far shorter.
                    elapsed = time.monotonic() - started
                    reason = "no reply" if verdict.timed_out else verdict.reason
                    raise EngineUnavailableError(
                        f"Gemini is unavailable ({reason}; {attempt} attempt{'s' if attempt > 1 else ''} over "
                        f"{elapsed:.1f} s). The offline engine can take over."
                    ) from exc
                if self._closed.wait(delay):
                    raise EngineUnavailableError("Gemini client closed while waiting to retry") from exc

    def _delay(self, attempt: int, hint: float | None) -> float:
        base = min(self._backoff_max_s, self._backoff_initial_s * 2 ** (attempt - 1))
        delay = base * (0.75 + random.random() * 0.5)  # jitter so parallel report calls do not sync up
        return float(max(delay, min(hint, self._backoff_max_s))) if hint else delay


def temperature_for(schema: type[BaseModel], default: float) -> float:
    """Scoring calls run cool (at most SCORING_TEMPERATURE) so that the same answer gets the same score."""
    if issubclass(schema, out.SCORING_SCHEMAS):
        return min(default, out.SCORING_TEMPERATURE)
    return default


def _text_of(response: Any) -> str | None:
    try:
        text = response.text
    except (ValueError, AttributeError):
        return None
    return text if isinstance(text, str) and text.strip() else None
