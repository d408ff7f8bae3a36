"""A candidate's resume as structured data, and its analysis against a job description."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from .enums import Source
from .records import Model, Record


class Experience(Model):
    title: str = ""
    organisation: str = ""
    period: str = ""
    highlights: list[str] = Field(default_factory=list)


class Education(Model):
    qualification: str = ""
    institution: str = ""
    period: str = ""


class Project(Model):
    name: str = ""
    description: str = ""
    technologies: list[str] = Field(default_factory=list)


class ResumeProfile(Record):
    source: Source
    model_name: str | None = None
    file_sha256: str = Field(default="", description="of the original file; the same file is processed once")
    original_name: str = Field(
        default="", description="for display only; files are stored under a generated name"
    )
    stored_path: str | None = Field(default=None, description="relative to the data folder")
    text: str = ""
    name: str = ""
    headline: str = ""
    contact_redacted: bool = Field(
        default=True, description="email, phone and links are removed from text sent to any service"
    )
    summary: str = ""
    experience: list[Experience] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills_technical: list[str] = Field(default_factory=list)
    skills_soft: list[str] = Field(default_factory=list)
    certifications: list[str] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    awards: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class SkillMatch(Model):
    skill: str
    required: bool = True
    matched_as: str = Field(default="", description="the synonym or stem that matched, e.g. 'k8s'")
    found_in: list[str] = Field(default_factory=list, description="resume sections where it appears")


class RewriteSuggestion(Model):
    section: str
    original: str = ""
    suggested: str
    reason: str
    keywords_added: list[str] = Field(default_factory=list)


class ResumeAnalysis(Record):
    source: Source
    model_name: str | None = None
    resume_id: UUID | None = None
    job_title: str = ""
    jd_sha256: str = ""
    suitability_score: int = Field(ge=0, le=100)
    deterministic_score: int = Field(ge=0, le=100, description="keyword and skill coverage; reproducible")
    engine_score: int | None = Field(default=None, ge=0, le=100)
    matched: list[SkillMatch] = Field(default_factory=list)
    missing: list[SkillMatch] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)
    suggestions: list[RewriteSuggestion] = Field(default_factory=list)
    summary: str = ""
