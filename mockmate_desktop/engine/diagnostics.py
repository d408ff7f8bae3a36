"""`mockmate doctor` checks for the Gemini engine: is a key set, and does the service answer with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.diagnostics import Check, CheckStatus

if TYPE_CHECKING:
    from ..app import AppContext

REACH_TIMEOUT_S = 5.0


def diagnose(app: AppContext) -> list[Check]:
    settings = app.settings
    if not settings.has_gemini_key:
        return [
            Check(
                "gemini key",
                CheckStatus.WARN,
                "No Gemini API key is set: the offline engine will be used.",
                "Set GEMINI_API_KEY or enter a key in Settings to use Gemini.",
            )
        ]
    checks = [Check("gemini key", CheckStatus.OK, "A Gemini API key is set.")]
    checks.append(_reachability(app))
    return checks


def _reachability(app: AppContext) -> Check:
    settings = app.settings
    name = "gemini reachable"
    where = settings.gemini_base_url or "the Gemini API"
    try:
        from google import genai
        from google.genai import types
    except ImportError:
        return Check(name, CheckStatus.FAIL, "google-genai is not installed.", "Reinstall MockMate.")
    from .gemini import failures
    from .gemini.client import API_VERSION
    from .protocols import EngineError

    key = settings.gemini_api_key
    assert key is not None
    client = genai.Client(
        api_key=key.get_secret_value(),
        http_options=types.HttpOptions(
            base_url=settings.gemini_base_url or None,
            api_version=API_VERSION,
            timeout=int(REACH_TIMEOUT_S * 1000),
        ),
    )
    try:
        client.models.get(model=settings.gemini_model)
    except Exception as exc:
        verdict = failures.classify(exc, REACH_TIMEOUT_S)
        if isinstance(verdict, EngineError):
            return Check(name, CheckStatus.FAIL, str(verdict), "Fix the key or the model in Settings.")
        reason = verdict.reason if verdict is not None else f"{type(exc).__name__}: {exc}"
        return Check(
            name,
            CheckStatus.WARN,
            f"{where} did not answer ({reason}): the offline engine will be used.",
            "Check the network connection, or try again later.",
        )
    finally:
        client.close()
    return Check(name, CheckStatus.OK, f"{where} answers; model {settings.gemini_model} is available.")
