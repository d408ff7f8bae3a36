"""What the resume layer needs from a model: read a resume, judge its fit (Gemini or a replay of it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ..domain.enums import EngineChoice
from ..domain.resume import ResumeProfile
from .errors import ResumeError, ResumeErrorCode

if TYPE_CHECKING:
    from ..core.settings import Settings
    from ..engine.gemini.resume import FitJudgement


class ResumeReader(Protocol):
    def profile_from_text(self, text: str) -> ResumeProfile: ...

    def profile_from_pdf(self, pdf_bytes: bytes) -> ResumeProfile: ...

    def judge_fit(self, profile: ResumeProfile, jd_text: str, job_title: str) -> FitJudgement: ...


def wants_gemini(engine: EngineChoice | str, settings: Settings) -> bool:
    """auto: Gemini when a key is set; gemini: required (a clear error without a key); offline: never."""
    choice = EngineChoice(engine)
    if choice == EngineChoice.OFFLINE:
        return False
    if choice == EngineChoice.GEMINI:
        if not settings.has_gemini_key:
            raise ResumeError(
                ResumeErrorCode.ENGINE,
                "The Gemini engine was chosen but no Gemini API key is set. Add a key in Settings "
                "(or set GEMINI_API_KEY), or choose the offline engine.",
            )
        return True
    if choice == EngineChoice.AUTO:
        return settings.has_gemini_key
    raise ResumeError(ResumeErrorCode.ENGINE, f"The '{choice}' engine cannot read or analyse resumes.")


def gemini_reader(settings: Settings) -> ResumeReader:
    """The live Gemini reader; imported here so that the offline path never loads the SDK."""
    from ..engine.gemini.client import GeminiClient
    from ..engine.gemini.resume import GeminiResumeReader

    return GeminiResumeReader(GeminiClient(settings))
