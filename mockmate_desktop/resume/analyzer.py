"""Resume-vs-job analysis: deterministic keyword coverage always, Gemini's judgement on top when available.

The deterministic part (`deterministic_score`, matched/missing with where found, offline feedback and
suggestions) depends only on the resume text and the JD. Gemini adds a judgement score, strengths,
gaps and suggestions; the combined score follows `domain.resume_scoring.combine_scores`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..domain.config import MAX_JOB_DESCRIPTION_CHARS
from ..domain.enums import EngineChoice, Source
from ..domain.resume import ResumeAnalysis, ResumeProfile, RewriteSuggestion
from ..domain.resume_feedback import coverage_summary, strengths_and_gaps
from ..domain.resume_parsing import normalise_text
from ..domain.resume_scoring import Coverage, combine_scores, score_coverage, scoring_text
from ..domain.resume_suggestions import MAX_SUGGESTIONS, suggest_rewrites
from ..domain.skill_relations import related_skills
from ..domain.skills import default_lexicon
from ..engine.protocols import EngineError, EngineUnavailableError
from .errors import ResumeError, ResumeErrorCode
from .protocols import ResumeReader, gemini_reader, wants_gemini

if TYPE_CHECKING:
    from ..core.settings import Settings
    from ..engine.gemini.resume import FitJudgement
    from ..storage.protocols import SessionStore

log = logging.getLogger(__name__)

FORMULA_NOTE = (
    "Score: keyword coverage of the job description (required skills 80%, nice-to-have 20%; a skill shown "
    "in Experience or Projects counts fully, one only listed counts 75%)"
)


class ResumeAnalyzer:
    def __init__(
        self,
        settings: Settings,
        store: SessionStore | None = None,
        *,
        reader_factory: Callable[[Settings], ResumeReader] = gemini_reader,
    ) -> None:
        self.settings = settings
        self.store = store
        self._reader_factory = reader_factory

    def analyze(
        self,
        profile: ResumeProfile,
        jd_text: str,
        job_title: str = "",
        engine: EngineChoice | str = EngineChoice.AUTO,
    ) -> ResumeAnalysis:
        jd = _check_jd(jd_text)
        use_gemini = wants_gemini(engine, self.settings)
        analysis = deterministic_analysis(profile, jd, job_title)
        if use_gemini:
            explicit = EngineChoice(engine) == EngineChoice.GEMINI
            try:
                judgement = self._reader_factory(self.settings).judge_fit(profile, jd, job_title)
            except (EngineUnavailableError, EngineError) as exc:
                if explicit:
                    raise ResumeError(
                        ResumeErrorCode.ENGINE, f"Gemini could not analyse the resume: {exc}"
                    ) from exc
                log.warning("Gemini failed for resume analysis (%s); offline result only", exc)
                analysis.summary += f" Gemini could not be used ({exc}), so this is the offline analysis."
            else:
                _merge(analysis, judgement, profile, jd, self.settings.gemini_model)
        if self.store is not None:
            self.store.save_resume_analysis(analysis)
        return analysis


def _check_jd(jd_text: str) -> str:
    jd = normalise_text(jd_text)
    if not jd.strip():
        raise ResumeError(ResumeErrorCode.EMPTY, "The job description is empty. Paste the job description.")
    if len(jd) > MAX_JOB_DESCRIPTION_CHARS:
        raise ResumeError(
            ResumeErrorCode.TEXT_TOO_LONG,
            f"The job description has {len(jd):,} characters; up to {MAX_JOB_DESCRIPTION_CHARS:,} are accepted.",
        )
    return jd


def deterministic_analysis(profile: ResumeProfile, jd_text: str, job_title: str = "") -> ResumeAnalysis:
    """The offline analysis: a pure function of the resume's text and the JD (plus fresh ids/timestamps)."""
    jd = normalise_text(jd_text)
    coverage = score_coverage(scoring_text(profile), jd)
    strengths, gaps = strengths_and_gaps(coverage)
    return ResumeAnalysis(
        source=Source.OFFLINE,
        resume_id=profile.id,
        job_title=job_title.strip(),
        jd_sha256=hashlib.sha256(jd.encode("utf-8")).hexdigest(),
        suitability_score=coverage.score,
        deterministic_score=coverage.score,
        matched=coverage.matched,
        missing=coverage.missing,
        strengths=strengths,
        gaps=gaps,
        suggestions=suggest_rewrites(coverage),
        summary=f"{coverage_summary(coverage, job_title.strip())} {FORMULA_NOTE}.",
    )


def _merge(
    analysis: ResumeAnalysis, judgement: FitJudgement, profile: ResumeProfile, jd: str, model_name: str
) -> None:
    coverage = score_coverage(scoring_text(profile), jd)
    analysis.source = Source.GEMINI
    analysis.model_name = model_name
    analysis.engine_score = judgement.score
    analysis.suitability_score = combine_scores(analysis.deterministic_score, judgement.score)
    analysis.strengths = _dedupe([*judgement.strengths, *analysis.strengths])
    analysis.gaps = _dedupe([*judgement.gaps, *analysis.gaps])
    truthful = [s for s in judgement.suggestions if _supported(s, coverage)]
    analysis.suggestions = _dedupe_suggestions([*analysis.suggestions, *truthful])[: MAX_SUGGESTIONS + 4]
    analysis.summary = (
        f"{judgement.summary.strip()} {coverage_summary(coverage, analysis.job_title)} {FORMULA_NOTE}; "
        f"Gemini's judgement ({judgement.score}/100) moves it by at most 10 points."
    ).strip()


def _supported(suggestion: RewriteSuggestion, coverage: Coverage) -> bool:
    """A model's rewrite is kept only if each keyword it adds is on the resume or has related evidence there."""
    on_resume = {skill for line in coverage.lines for skill in line.skills}
    lexicon = default_lexicon()
    for keyword in suggestion.keywords_added:
        skill = lexicon.canonical(keyword)
        if skill in on_resume or related_skills(skill) & on_resume:
            continue
        if suggestion.original or suggestion.section.casefold() != "projects":
            return False
    return True


def _dedupe(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        if item.strip():
            seen.setdefault(item.strip().casefold(), item.strip())
    return list(seen.values())


def _dedupe_suggestions(items: list[RewriteSuggestion]) -> list[RewriteSuggestion]:
    seen: dict[tuple[str, str], RewriteSuggestion] = {}
    for item in items:
        seen.setdefault((item.original.casefold(), item.suggested.casefold()), item)
    return list(seen.values())
