"""The reports produced at the end of an interview. Every report says which engine made it."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from .delivery import DeliveryMetrics, GuidanceBand
from .enums import SelectionLabel, Source
from .records import Model, Record


class EngineMade(Record):
    source: Source
    model_name: str | None = Field(default=None, description="e.g. gemini-2.5-flash or offline-rubric-v1")


class SummaryReport(EngineMade):
    overall_score: int = Field(ge=0, le=100)
    selection_probability: int = Field(ge=0, le=100)
    selection_label: SelectionLabel
    snapshot: str
    top_strengths: list[str] = Field(default_factory=list)
    top_improvements: list[str] = Field(default_factory=list)


class CategoryScore(Model):
    score: float = Field(ge=0.0, le=10.0)
    comment: str
    evidence: str = Field(default="", description="a quote from the transcript that backs the score")


class CategoryScores(Model):
    communication: CategoryScore
    technical_knowledge: CategoryScore
    problem_solving: CategoryScore
    cultural_fit: CategoryScore
    confidence_clarity: CategoryScore


class ComparativeAnalysis(Model):
    approach: str = ""
    complexity: str = ""
    stack: str = ""
    star: str = ""


class PerformanceReport(EngineMade):
    strengths: list[str] = Field(default_factory=list)
    strong_skills: list[str] = Field(default_factory=list)
    skill_gaps: list[str] = Field(default_factory=list)
    category_scores: CategoryScores
    comparative_analysis: ComparativeAnalysis = Field(default_factory=ComparativeAnalysis)
    quantitative_analysis: str
    qualitative_analysis: str
    cultural_fit: str
    final_remarks: str


class StarPresence(Model):
    situation: bool = False
    task: bool = False
    action: bool = False
    result: bool = False


class QuestionFeedback(Model):
    question_id: UUID
    question: str
    is_follow_up: bool = False
    answer_transcript: str
    score: float = Field(ge=0.0, le=10.0)
    went_well: list[str] = Field(default_factory=list)
    to_improve: list[str] = Field(default_factory=list)
    model_answer: str
    star: StarPresence | None = None
    evidence: list[str] = Field(default_factory=list)
    delivery: DeliveryMetrics | None = None
    source: Source


class QuestionsReport(EngineMade):
    items: list[QuestionFeedback] = Field(default_factory=list)


class AnswerDelivery(Model):
    question_id: UUID
    metrics: DeliveryMetrics


class DeliveryReport(EngineMade):
    overall: DeliveryMetrics
    per_answer: list[AnswerDelivery] = Field(default_factory=list)
    bands: list[GuidanceBand] = Field(default_factory=list)


class ReportSet(Model):
    summary: SummaryReport | None = None
    performance: PerformanceReport | None = None
    questions: QuestionsReport | None = None
    delivery: DeliveryReport | None = None

    @property
    def sources(self) -> set[Source]:
        parts = (self.summary, self.performance, self.questions, self.delivery)
        return {p.source for p in parts if p is not None}

    @property
    def complete(self) -> bool:
        return None not in (self.summary, self.performance, self.questions, self.delivery)
