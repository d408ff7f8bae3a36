"""Extra data parts for the plan and follow-up requests: the JD's requirement groups, the resume's measured
claims, the interview so far and the resume digest. Deterministic text, so recorded sessions replay."""

from __future__ import annotations

from ...domain.config import InterviewConfig
from ...domain.interview import InterviewSession, Question
from ...domain.jd_requirements import required_first, requirement_groups
from ...domain.resume import ResumeProfile
from ...domain.resume_claims import extract_claims
from .parts import DataPart
from .session_data import profile_digest, question_text, turns


def plan_parts(config: InterviewConfig, resume: ResumeProfile | None) -> list[DataPart]:
    parts: list[DataPart] = []
    groups = required_first(requirement_groups(config.job_description))
    if groups:
        lines = [f"{'required' if g.required else 'nice to have'}: {g.label}" for g in groups]
        parts.append(DataPart("jd_requirements", "\n".join(lines)))
    claims = extract_claims(resume)
    if claims:
        lines = [c.statement + (f" (at {c.organisation})" if c.organisation else "") for c in claims]
        parts.append(DataPart("resume_claims", "\n".join(lines)))
    return parts


def follow_up_context(
    session: InterviewSession, question: Question, resume: ResumeProfile | None
) -> list[DataPart]:
    """Every earlier turn (not the one being decided on), then the resume digest."""
    earlier: list[str] = []
    for turn in turns(session):
        if turn.question.id == question.id:
            continue
        earlier.append(
            f"Q{turn.number}: {question_text(turn)}\nA{turn.number}: {turn.transcript or '(no answer)'}"
        )
    parts = [DataPart("interview_so_far", "\n".join(earlier) or "(this is the first question)")]
    digest = profile_digest(resume) if resume is not None else ""
    parts.append(DataPart("resume_digest", digest or "(no resume)"))
    return parts
