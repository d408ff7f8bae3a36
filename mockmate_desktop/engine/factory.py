"""Builds the interview engine the user chose: Gemini (with offline fallback), offline, or cached replay."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.enums import EngineChoice
from .protocols import EngineError, InterviewEngine

if TYPE_CHECKING:
    from ..app import AppContext
    from ..core.settings import Settings


def resolve_choice(choice: EngineChoice, app: AppContext) -> EngineChoice:
    """`auto` is Gemini when a key is set, else offline."""
    if choice is EngineChoice.AUTO:
        return EngineChoice.GEMINI if app.settings.has_gemini_key else EngineChoice.OFFLINE
    return choice


def build_engine(choice: EngineChoice, app: AppContext) -> InterviewEngine:
    from .offline.engine import OfflineEngine

    resolved = resolve_choice(choice, app)

    def offline() -> OfflineEngine:
        # Past sessions vary the next plan; the resume keeps its skills out of the report's gaps.
        return OfflineEngine(
            past_sessions=lambda: app.store.list_sessions(include_demo=False),
            resume_reader=app.store.get_resume,
        )

    if resolved is EngineChoice.OFFLINE:
        return offline()
    from .cache import RequestCache

    cache = RequestCache(app.paths.gemini_cache_dir)
    if resolved is EngineChoice.REPLAY:
        from .replay import ReplayEngine

        if len(cache) == 0:
            raise EngineError(
                f"There is no recorded Gemini session to replay in {cache.folder}; run an interview with the "
                "Gemini engine first, or use --engine offline."
            )
        return ReplayEngine(cache, app.settings.gemini_model)
    if not app.settings.has_gemini_key:
        raise EngineError(
            "The Gemini engine needs an API key: set GEMINI_API_KEY or add it in Settings, or use --engine offline."
        )
    from .fallback import FallbackEngine
    from .gemini.client import GeminiClient
    from .gemini.engine import GeminiEngine

    # Every exchange is recorded so that the session can be replayed later without a network.
    primary = GeminiEngine(GeminiClient(app.settings, cache=cache), resume_reader=app.store.get_resume)
    return FallbackEngine(primary, offline())


def test_gemini_key(settings: Settings, key: str, model: str) -> str:
    """One short request with this key and model (the Settings page's Test button). Returns a sentence to show;
    raises EngineError with the reason when the key, the model or the connection does not work."""
    from pydantic import SecretStr

    from ..app import AppContext
    from ..core.diagnostics import CheckStatus
    from ..core.paths import AppPaths
    from .diagnostics import diagnose

    if not key.strip():
        raise EngineError("Enter a Gemini API key first.")
    trial = settings.model_copy(
        update={"gemini_api_key": SecretStr(key.strip()), "gemini_model": model.strip()}
    )
    # Nothing is written: the paths are only carried along, the check uses the settings.
    checks = diagnose(AppContext(paths=AppPaths.from_environment(), settings=trial))
    failed = [c for c in checks if c.status is not CheckStatus.OK]
    if failed:
        raise EngineError(" ".join(c.detail for c in failed))
    return f"Gemini answered with this key ({trial.gemini_model}): " + checks[-1].detail
