"""An interview session: its plan of questions and the candidate's answers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import Field

from .config import InterviewConfig
from .delivery import DeliveryMetrics, WordTiming
from .enums import AnswerMode, QuestionKind, SessionStatus, Source
from .records import Record
from .reports import ReportSet


class Question(Record):
    session_id: UUID | None = None
    position: int = Field(ge=0, description="order in the interview, follow-ups included")
    text: str = Field(min_length=1)
    kind: QuestionKind = QuestionKind.MAIN
    parent_id: UUID | None = Field(default=None, description="the main question a follow-up digs into")
    competency: str = ""
    expected_points: list[str] = Field(default_factory=list)
    source: Source
    model_name: str | None = None
    requirement: str = Field(
        default="", description="the job requirement it probes, e.g. 'Kafka or RabbitMQ'"
    )
    rationale: str = Field(default="", description="one line on why this question was chosen")
    probe: str = Field(
        default="",
        description="for an offline follow-up whose expected points are a probe's rubric, the probe's key "
        "(follow_up_texts.PROBE_POINTS): the scorer also reads those points from the reply's structure",
    )


class Answer(Record):
    session_id: UUID | None = None
    question_id: UUID
    mode: AnswerMode = AnswerMode.VOICE
    transcript: str = ""
    words: list[WordTiming] = Field(default_factory=list)
    audio_path: str | None = Field(default=None, description="relative to the data folder")
    duration_s: float = Field(default=0.0, ge=0.0)
    delivery: DeliveryMetrics | None = None
    skipped: bool = False
    input_ref: str = Field(
        default="",
        description="which input fed it (a WAV file's name, 'microphone', 'typed'): a resume takes the next",
    )
    follow_up_pending: bool = Field(
        default=False, description="stored before the follow-up decision: a resumed interview makes it first"
    )


class InterviewSession(Record):
    config: InterviewConfig
    status: SessionStatus = SessionStatus.DRAFT
    started_at: datetime | None = None
    ended_at: datetime | None = None
    questions: list[Question] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    reports: ReportSet = Field(default_factory=ReportSet)
    is_demo: bool = Field(default=False, description="shipped demo content; labelled as such wherever shown")
    owner_uid: str | None = None
    engine_notes: list[str] = Field(
        default_factory=list, description="e.g. 'Gemini unavailable from question 3; offline engine used'"
    )

    def answer_for(self, question_id: UUID) -> Answer | None:
        """The latest answer to a question (a re-recorded answer replaces the earlier one)."""
        found = [a for a in self.answers if a.question_id == question_id]
        return max(found, key=lambda a: a.updated_at) if found else None

    @property
    def sources(self) -> set[Source]:
        found = {q.source for q in self.questions}
        found |= self.reports.sources
        return found

    @property
    def overall_score(self) -> int | None:
        return self.reports.summary.overall_score if self.reports.summary else None
