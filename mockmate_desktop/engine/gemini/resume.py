"""Resume reading and resume-vs-job judgement with Gemini; the resume service calls these.

The resume text, a scanned PDF and the job description travel only as delimited data. Contact details
the model might echo back are scrubbed before anything is stored.
"""

from __future__ import annotations

from typing import NamedTuple

from ...domain import gemini_schemas as out
from ...domain import prompts
from ...domain.resume import Education, Experience, Project, ResumeProfile, RewriteSuggestion
from ...domain.resume_contact import redact_contact
from ..protocols import EngineError
from .client import StructuredClient
from .parts import DataPart
from .session_data import profile_digest


def scrub(text: str) -> str:
    # One redaction rule for the whole app: it keeps year ranges such as "2021 - 2023" intact.
    return redact_contact(text)


def _scrub_all(values: list[str]) -> list[str]:
    return [scrub(v).strip() for v in values if v.strip()]


class FitJudgement(NamedTuple):
    score: int
    strengths: list[str]
    gaps: list[str]
    suggestions: list[RewriteSuggestion]
    summary: str


class GeminiResumeReader:
    def __init__(self, client: StructuredClient) -> None:
        self.client = client

    def _profile(self, raw: out.ResumeProfileOut, text: str) -> ResumeProfile:
        return ResumeProfile(
            source=self.client.source,
            model_name=self.client.model_name,
            text=text,
            name=raw.name.strip(),
            headline=scrub(raw.headline).strip(),
            summary=scrub(raw.summary).strip(),
            experience=[
                Experience(
                    title=e.title,
                    organisation=e.organisation,
                    period=e.period,
                    highlights=_scrub_all(e.highlights),
                )
                for e in raw.experience
            ],
            education=[
                Education(qualification=e.qualification, institution=e.institution, period=e.period)
                for e in raw.education
            ],
            skills_technical=_scrub_all(raw.skills_technical),
            skills_soft=_scrub_all(raw.skills_soft),
            certifications=_scrub_all(raw.certifications),
            projects=[
                Project(
                    name=p.name, description=scrub(p.description), technologies=_scrub_all(p.technologies)
                )
                for p in raw.projects
            ],
            awards=_scrub_all(raw.awards),
            languages=_scrub_all(raw.languages),
        )

    def profile_from_text(self, text: str) -> ResumeProfile:
        """`text` should already have contact details removed; the reply is scrubbed again anyway."""
        raw = self.client.generate(
            out.ResumeProfileOut, system=prompts.RESUME_PROFILE_SYSTEM, parts=[DataPart("resume", text)]
        )
        return self._profile(raw, text)

    def profile_from_pdf(self, pdf_bytes: bytes) -> ResumeProfile:
        """For a PDF without a text layer: the model reads the pages and returns text and profile."""
        if not pdf_bytes.startswith(b"%PDF"):
            raise EngineError("This file is not a PDF, so it cannot be sent for reading.")
        raw = self.client.generate(
            out.ResumeTextOut, system=prompts.RESUME_PDF_SYSTEM, parts=[DataPart.pdf("resume_pdf", pdf_bytes)]
        )
        profile = self._profile(raw.profile, scrub(raw.full_text).strip())
        if not profile.text:
            profile.warnings = [*profile.warnings, "Gemini could not read any text from this PDF."]
        return profile

    def judge_fit(self, profile: ResumeProfile, jd_text: str, job_title: str) -> FitJudgement:
        resume_text = profile.text or profile_digest(profile)
        parts = [
            DataPart("job_title", job_title),
            DataPart("job_description", jd_text),
            DataPart("resume", scrub(resume_text)),
        ]
        raw = self.client.generate(out.FitJudgementOut, system=prompts.FIT_SYSTEM, parts=parts)
        suggestions = [
            RewriteSuggestion(
                section=s.section.strip() or "Experience",
                original=s.original.strip(),
                suggested=s.suggested.strip(),
                reason=s.reason.strip(),
                keywords_added=_scrub_all(s.keywords_added),
            )
            for s in raw.suggestions
            if s.suggested.strip()
        ]
        return FitJudgement(
            score=max(0, min(100, int(raw.score))),
            strengths=_scrub_all(raw.strengths),
            gaps=_scrub_all(raw.gaps),
            suggestions=suggestions,
            summary=raw.summary.strip(),
        )
