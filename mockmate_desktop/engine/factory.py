"""Builds the interview engine the user chose: Gemini (with offline fallback), offline, or cached replay."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.enums import EngineChoice
from .protocols import EngineError, InterviewEngine

if TYPE_CHECKING:
    from ..core.settings import Settings


def resolve_choice(choice: EngineChoice, settings: Settings) -> EngineChoice:
    """`auto` is Gemini when a key is set, else offline."""
    if choice is EngineChoice.AUTO:
        return EngineChoice.GEMINI if settings.has_gemini_key else EngineChoice.OFFLINE
    return choice


def build_engine(choice: EngineChoice, settings: Settings, gemini_cache_dir: Path) -> InterviewEngine:
    from .offline.engine import OfflineEngine

    resolved = resolve_choice(choice, settings)
    if resolved is EngineChoice.OFFLINE:
        return OfflineEngine()
    from .cache import RequestCache

    cache = RequestCache(gemini_cache_dir)
    if resolved is EngineChoice.REPLAY:
        from .replay import ReplayEngine

        if len(cache) == 0:
            raise EngineError(
                f"There is no recorded Gemini session to replay in {cache.folder}; run an interview with the "
                "Gemini engine first, or use --engine offline."
            )
        return ReplayEngine(cache, settings.gemini_model)
    if not settings.has_gemini_key:
        raise EngineError(
            "The Gemini engine needs an API key: set GEMINI_API_KEY or add it in Settings, or use --engine offline."
        )
    from .fallback import FallbackEngine
    from .gemini.client import GeminiClient
    from .gemini.engine import GeminiEngine

    # Every exchange is recorded so that the session can be replayed later without a network. The client's
    # own retry budget matches the step budget, so an abandoned step stops retrying on its own.
    budget = settings.gemini_step_budget_s
    primary = GeminiEngine(GeminiClient(settings, cache=cache, total_budget_s=budget))
    return FallbackEngine(primary, OfflineEngine(), step_budget_s=budget)
