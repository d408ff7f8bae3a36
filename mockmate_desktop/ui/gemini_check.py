"""The Settings page's "Test" button: one small request with the key and model being edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.protocols import EngineError, EngineUnavailableError

if TYPE_CHECKING:
    from ..core.settings import Settings


def check_gemini(settings: Settings, key: str, model: str, timeout_s: float = 15.0) -> str:
    """Asks the API about the model (cheap, no tokens): proves the key, the model name and the network."""
    try:
        from google import genai
        from google.genai import types
    except ImportError as exc:
        raise EngineError("The google-genai package is not installed; reinstall MockMate.") from exc
    from ..engine.gemini.failures import classify

    options = types.HttpOptions(base_url=settings.gemini_base_url or None, timeout=int(timeout_s * 1000))
    client = genai.Client(api_key=key, http_options=options)
    try:
        info = client.models.get(model=model)
    except Exception as exc:
        verdict = classify(exc, timeout_s)
        if isinstance(verdict, EngineError):
            raise verdict from exc
        reason = verdict.reason if verdict is not None else str(exc)
        raise EngineUnavailableError(f"Gemini could not be reached ({reason}).") from exc
    finally:
        client.close()
    name = getattr(info, "display_name", None) or model
    return f"The key works: {name} is available."
