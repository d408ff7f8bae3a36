"""What the candidate chose on the setup screen."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field, field_validator

from .enums import AnswerMode, Difficulty, EngineChoice, InterviewType, Language
from .records import Record

MIN_QUESTIONS = 5
MAX_QUESTIONS = 15
MAX_JOB_DESCRIPTION_CHARS = 30_000


class InterviewConfig(Record):
    job_title: str = Field(min_length=2, max_length=200)
    job_description: str = Field(default="", max_length=MAX_JOB_DESCRIPTION_CHARS)
    resume_id: UUID | None = None
    interview_type: InterviewType = InterviewType.OVERALL
    difficulty: Difficulty = Difficulty.INTERMEDIATE
    question_count: int = Field(default=5, ge=MIN_QUESTIONS, le=MAX_QUESTIONS)
    language: Language = Language.EN
    answer_mode: AnswerMode = AnswerMode.VOICE
    engine: EngineChoice = EngineChoice.AUTO

    @field_validator("job_title")
    @classmethod
    def _title_has_letters(cls, value: str) -> str:
        if not any(ch.isalpha() for ch in value):
            raise ValueError("the job title needs at least one letter")
        return value
