"""Sorts what can go wrong in one Gemini call into 'try again' and 'tell the user', with clear words."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..protocols import EngineError, EngineRefusedError

KEY_HELP = (
    "Check the key in Settings (or GEMINI_API_KEY); a key can be created at https://aistudio.google.com/apikey. "
    "Without a valid key the offline engine is used."
)
_BLOCK_FINISH = {"SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY"}
_RETRY_DELAY = re.compile(r"'retryDelay':\s*'(\d+(?:\.\d+)?)s'")


@dataclass(frozen=True)
class Transient:
    """A failure worth another attempt; `retry_after_s` is the server's hint when it gave one."""

    reason: str
    retry_after_s: float | None = None
    timed_out: bool = False  # the caller names the real elapsed time: one attempt's limit is not the wait


def classify(exc: BaseException, timeout_s: float) -> Transient | EngineError | None:
    """Transient for retryable failures, an EngineError for ones the user must fix, None if unknown."""
    from google.genai import errors

    timeouts, transport = _transport_errors()

    if isinstance(exc, errors.ClientError):
        return _client_error(exc)
    if isinstance(exc, errors.ServerError):
        return Transient(f"server error {exc.code} {exc.status or ''}".strip())
    if isinstance(exc, timeouts):
        return Transient(f"no reply within {timeout_s:g} s", timed_out=True)
    if isinstance(exc, transport):
        return Transient(f"connection failed ({type(exc).__name__})")
    if isinstance(exc, json.JSONDecodeError | errors.UnknownApiResponseError):
        return Transient("the service sent an unreadable reply")
    return None


def _transport_errors() -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
    """The SDK uses httpx, or its fork httpx2 when that is installed: accept both."""
    import importlib

    timeouts: list[type[BaseException]] = []
    transport: list[type[BaseException]] = []
    for name in ("httpx", "httpx2"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        timeouts.append(module.TimeoutException)
        transport.append(module.TransportError)
    return tuple(timeouts), tuple(transport)


def _client_error(exc: Any) -> Transient | EngineError:
    code = int(exc.code or 0)
    status = str(exc.status or "")
    detail = f"{exc.details}"
    if code in (408, 429):
        hint = _RETRY_DELAY.search(detail)
        what = "rate limit or quota reached" if code == 429 else "request timed out at the server"
        return Transient(what, float(hint.group(1)) if hint else None)
    if "API_KEY_INVALID" in detail or "API key not valid" in detail or code == 401:
        return EngineError(f"Gemini rejected the API key (invalid key). {KEY_HELP}")
    if code == 403 or status == "PERMISSION_DENIED":
        return EngineError(f"Gemini refused access with this API key (permission denied). {KEY_HELP}")
    if code == 404:
        return EngineError(
            "Gemini does not know the configured model (404 NOT_FOUND). Choose another model in Settings "
            "(e.g. gemini-2.5-flash)."
        )
    message = (exc.message or status or "bad request")[:300]
    return EngineRefusedError(f"Gemini refused the request ({code} {status}): {message}")


def blocked_reason(response: Any) -> str | None:
    """Why the service withheld an answer, or None when it answered."""
    feedback = getattr(response, "prompt_feedback", None)
    reason = getattr(feedback, "block_reason", None) if feedback else None
    if reason:
        return str(getattr(reason, "value", reason))
    candidates = getattr(response, "candidates", None) or []
    if not candidates:
        return "no answer was returned"
    finish = getattr(candidates[0], "finish_reason", None)
    name = str(getattr(finish, "value", finish) or "")
    if name in _BLOCK_FINISH:
        return name
    return None


def blocked_error(reason: str) -> EngineError:
    return EngineRefusedError(
        f"Gemini withheld its answer (blocked: {reason}). Nothing was scored from this reply; rephrase the "
        "input (job description, resume) or use the offline engine."
    )
