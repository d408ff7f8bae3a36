"""`mockmate doctor` checks for the Gemini engine: is a key set, and does the service answer with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.diagnostics import Check, CheckStatus

if TYPE_CHECKING:
    from ..core.environment import AppEnvironment
    from ..core.settings import Settings

REACH_TIMEOUT_S = 5.0


def diagnose(env: AppEnvironment) -> list[Check]:
    settings = env.settings
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
    checks.append(_reachability(settings))
    return checks


def _reachability(settings: Settings) -> Check:
    from .gemini.probe import ask_about_model
    from .protocols import EngineError, EngineUnavailableError

    name = "gemini reachable"
    where = settings.gemini_base_url or "the Gemini API"
    try:
        ask_about_model(settings, timeout_s=REACH_TIMEOUT_S)
    except EngineUnavailableError as exc:
        return Check(
            name,
            CheckStatus.WARN,
            f"{where} did not answer ({exc}): the offline engine will be used.",
            "Check the network connection, or try again later.",
        )
    except EngineError as exc:
        return Check(name, CheckStatus.FAIL, str(exc), "Fix the key or the model in Settings.")
    return Check(name, CheckStatus.OK, f"{where} answers; model {settings.gemini_model} is available.")
