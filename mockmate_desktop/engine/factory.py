"""Builds the interview engine the user chose: Gemini (with offline fallback), offline, or cached replay."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from ..domain.enums import EngineChoice
from .protocols import EngineError, InterviewEngine

if TYPE_CHECKING:
    from ..core.settings import Settings
    from ..domain.interview import InterviewSession
    from ..domain.resume import ResumeProfile


class PastRecords(Protocol):
    """What the engines read from the store: past sessions (plan variety, spaced repetition) and the resume
    (its skills are never report gaps; Gemini follow-ups get its digest)."""

    def list_sessions(self, *, include_demo: bool = True) -> Sequence[InterviewSession]: ...

    def get_resume(self, resume_id: UUID) -> ResumeProfile: ...


def resolve_choice(choice: EngineChoice, settings: Settings) -> EngineChoice:
    """`auto` is Gemini when a key is set, else offline."""
    if choice is EngineChoice.AUTO:
        return EngineChoice.GEMINI if settings.has_gemini_key else EngineChoice.OFFLINE
    return choice


def build_engine(
    choice: EngineChoice, settings: Settings, gemini_cache_dir: Path, *, records: PastRecords | None = None
) -> InterviewEngine:
    from .offline.engine import OfflineEngine

    resolved = resolve_choice(choice, settings)

    def offline() -> OfflineEngine:
        if records is None:
            return OfflineEngine()
        return OfflineEngine(
            past_sessions=lambda: records.list_sessions(include_demo=False), resume_reader=records.get_resume
        )

    if resolved is EngineChoice.OFFLINE:
        return offline()
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
    primary = GeminiEngine(
        GeminiClient(settings, cache=cache, total_budget_s=budget),
        resume_reader=records.get_resume if records is not None else None,
    )
    return FallbackEngine(primary, offline(), step_budget_s=budget)
