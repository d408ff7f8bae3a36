"""Turns a config, a resume profile or a session into the delimited data parts a request carries.

Nothing here includes ids or clock times, so the same interview produces the same requests (which is
what makes recorded sessions replayable).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.config import InterviewConfig
from ...domain.enums import QuestionKind
from ...domain.interview import Answer, InterviewSession, Question
from ...domain.resume import ResumeProfile
from .parts import DataPart


@dataclass(frozen=True)
class Turn:
    number: int  # 1-based, in the order asked, follow-ups included
    question: Question
    answer: Answer | None
    parent_number: int | None

    @property
    def transcript(self) -> str:
        if self.answer is None or self.answer.skipped:
            return ""
        return self.answer.transcript.strip()


def turns(session: InterviewSession) -> list[Turn]:
    ordered = sorted(session.questions, key=lambda q: q.position)
    numbers = {q.id: n for n, q in enumerate(ordered, 1)}
    return [
        Turn(
            number=numbers[q.id],
            question=q,
            answer=session.answer_for(q.id),
            parent_number=numbers.get(q.parent_id) if q.parent_id else None,
        )
        for q in ordered
    ]


def profile_digest(profile: ResumeProfile) -> str:
    """The parts of a profile that shape questions; contact details are never included."""
    lines: list[str] = []
    if profile.headline:
        lines.append(f"Headline: {profile.headline}")
    if profile.summary:
        lines.append(f"Summary: {profile.summary}")
    for job in profile.experience[:6]:
        head = ", ".join(x for x in (job.title, job.organisation, job.period) if x)
        lines.append(f"Experience: {head}")
        lines += [f"  - {h}" for h in job.highlights[:4]]
    for project in profile.projects[:4]:
        tech = f" ({', '.join(project.technologies)})" if project.technologies else ""
        lines.append(f"Project: {project.name}{tech}: {project.description}")
    for label, values in (
        ("Technical skills", profile.skills_technical),
        ("Soft skills", profile.skills_soft),
        ("Certifications", profile.certifications),
    ):
        if values:
            lines.append(f"{label}: {', '.join(values[:40])}")
    for school in profile.education[:3]:
        lines.append("Education: " + ", ".join(x for x in (school.qualification, school.institution) if x))
    return "\n".join(lines)


def job_parts(config: InterviewConfig, resume: ResumeProfile | None) -> list[DataPart]:
    parts = [DataPart("job_title", config.job_title)]
    if config.job_description.strip():
        parts.append(DataPart("job_description", config.job_description))
    if resume is not None:
        digest = profile_digest(resume)
        if digest:
            parts.append(DataPart("resume_profile", digest))
    return parts


def question_text(turn: Turn) -> str:
    if turn.question.kind == QuestionKind.FOLLOW_UP and turn.parent_number:
        return f"Follow-up to Q{turn.parent_number}: {turn.question.text}"
    return turn.question.text


def transcript_parts(session: InterviewSession, *, with_delivery: bool = False) -> list[DataPart]:
    parts: list[DataPart] = []
    for turn in turns(session):
        parts.append(DataPart(f"q{turn.number}_question", question_text(turn)))
        parts.append(DataPart(f"q{turn.number}_answer", turn.transcript))
        delivery = turn.answer.delivery if turn.answer else None
        if with_delivery and delivery is not None:
            parts.append(
                DataPart(
                    f"q{turn.number}_delivery",
                    f"duration {delivery.duration_s:.0f} s, {delivery.word_count} words, "
                    f"{delivery.words_per_minute:.0f} words/min, {delivery.filler_count} fillers, "
                    f"{delivery.pause_count} pauses, {len(delivery.long_pauses)} long pauses",
                )
            )
    return parts


def all_answers(session: InterviewSession) -> str:
    return "\n".join(t.transcript for t in turns(session))


def scoring_parts(session: InterviewSession, resume_digest: str = "") -> list[DataPart]:
    """What the per-question scoring call reads: the job, the resume digest (context only) and, for every
    question, its competency and expected points beside the answer."""
    parts = job_parts(session.config, None)
    if resume_digest:
        parts.append(DataPart("resume_profile", resume_digest))
    for turn in turns(session):
        parts.append(DataPart(f"q{turn.number}_question", question_text(turn)))
        if turn.question.competency:
            parts.append(DataPart(f"q{turn.number}_competency", turn.question.competency))
        if turn.question.expected_points:
            parts.append(
                DataPart(f"q{turn.number}_expected_points", "\n".join(turn.question.expected_points))
            )
        parts.append(DataPart(f"q{turn.number}_answer", turn.transcript))
    return parts


def per_question_scores(turns_and_scores: list[tuple[Turn, float]]) -> str:
    """The per-question results the summary and performance calls are derived from."""
    return "\n".join(
        f"Q{t.number}{' (follow-up, counts half)' if t.parent_number else ''}: {score:g}/10"
        for t, score in turns_and_scores
    )
