"""Asking Gemini about the configured model: cheap (no tokens) and proves the key, the model name and the
network at once. The one copy used by `doctor` and by the Settings page's Test button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..protocols import EngineError, EngineUnavailableError

if TYPE_CHECKING:
    from ...core.settings import Settings


def ask_about_model(
    settings: Settings, *, key: str | None = None, model: str | None = None, timeout_s: float
) -> str:
    """The model's display name. Raises EngineError for what the user must fix (key, permission, unknown
    model) and EngineUnavailableError when the service cannot be reached."""
    try:
        from google import genai
        from google.genai import types
    except ImportError as exc:
        raise EngineError("The google-genai package is not installed; reinstall MockMate.") from exc
    from . import failures
    from .client import API_VERSION

    secret = settings.gemini_api_key.get_secret_value() if settings.gemini_api_key else ""
    chosen_key = (key if key is not None else secret).strip()
    if not chosen_key:
        raise EngineError("Enter a Gemini API key first.")
    chosen_model = (model or settings.gemini_model).strip()
    client = genai.Client(
        api_key=chosen_key,
        http_options=types.HttpOptions(
            base_url=settings.gemini_base_url or None, api_version=API_VERSION, timeout=int(timeout_s * 1000)
        ),
    )
    try:
        info = client.models.get(model=chosen_model)
    except Exception as exc:
        verdict = failures.classify(exc, timeout_s)
        if isinstance(verdict, EngineError):
            raise verdict from exc
        reason = verdict.reason if verdict is not None else f"{type(exc).__name__}: {exc}"
        raise EngineUnavailableError(reason) from exc
    finally:
        client.close()
    return str(getattr(info, "display_name", None) or chosen_model)
