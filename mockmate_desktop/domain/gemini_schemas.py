"""The shapes Gemini is asked to fill (response_schema), kept apart from the stored domain models.

The API's schema dialect is narrower than pydantic's: no UUIDs, datetimes or dynamic defaults, and a
range violation would fail the whole reply. So these schemas are flat, every field required, ranges only
described; the engine clamps numbers and converts to domain records (adding ids, source, model name).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class LlmModel(BaseModel):
    model_config = ConfigDict(extra="ignore")


class PlannedQuestionOut(LlmModel):
    requirement: str = Field(
        description="the job requirement it probes, as listed in jd_requirements (e.g. 'Kafka or RabbitMQ'), "
        "'resume claim' for a question on a resume claim, or an empty string"
    )
    rationale: str = Field(description="one line, in the interview language: why this question was chosen")
    text: str = Field(description="the question exactly as the interviewer says it")
    competency: str = Field(description="the skill or competency it tests, a few words")
    expected_points: list[str] = Field(description="2-4 points a strong answer covers")


class QuestionPlanOut(LlmModel):
    questions: list[PlannedQuestionOut]


class FollowUpOut(LlmModel):
    reason: str = Field(description="what the answer did and did not do, and so whether to probe")
    ask_follow_up: bool
    follow_up_question: str = Field(
        description="a brief acknowledgement then one precise probe, in the interview language; or an empty string"
    )


class SummaryOut(LlmModel):
    overall_score: int = Field(description="0-100")
    selection_probability: int = Field(description="0-100")
    snapshot: str
    top_strengths: list[str]
    top_improvements: list[str]


class CategoryScoreOut(LlmModel):
    score: float = Field(description="0-10")
    comment: str
    evidence: str = Field(description="an exact quote from one of the candidate's answers")


class CategoryScoresOut(LlmModel):
    communication: CategoryScoreOut
    technical_knowledge: CategoryScoreOut
    problem_solving: CategoryScoreOut
    cultural_fit: CategoryScoreOut
    confidence_clarity: CategoryScoreOut


class ComparativeAnalysisOut(LlmModel):
    approach: str
    complexity: str
    stack: str
    star: str


class PerformanceOut(LlmModel):
    strengths: list[str]
    strong_skills: list[str]
    skill_gaps: list[str]
    category_scores: CategoryScoresOut
    comparative_analysis: ComparativeAnalysisOut
    quantitative_analysis: str
    qualitative_analysis: str
    cultural_fit: str
    final_remarks: str


class StarOut(LlmModel):
    situation: bool
    task: bool
    action: bool
    result: bool


class QuestionFeedbackOut(LlmModel):
    number: int = Field(description="the Q number of the question in the transcript")
    score: float = Field(description="0-10")
    went_well: list[str]
    to_improve: list[str]
    model_answer: str
    star: StarOut
    evidence: list[str] = Field(description="exact quotes from this answer that justify the score")


class QuestionsOut(LlmModel):
    items: list[QuestionFeedbackOut]


class ExperienceOut(LlmModel):
    title: str
    organisation: str
    period: str
    highlights: list[str]


class EducationOut(LlmModel):
    qualification: str
    institution: str
    period: str


class ProjectOut(LlmModel):
    name: str
    description: str
    technologies: list[str]


class ResumeProfileOut(LlmModel):
    name: str
    headline: str
    summary: str
    experience: list[ExperienceOut]
    education: list[EducationOut]
    skills_technical: list[str]
    skills_soft: list[str]
    certifications: list[str]
    projects: list[ProjectOut]
    awards: list[str]
    languages: list[str]


class ResumeTextOut(LlmModel):
    """For a scanned PDF: the text read from the pages, plus the profile."""

    full_text: str
    profile: ResumeProfileOut


class RewriteOut(LlmModel):
    section: str
    original: str
    suggested: str
    reason: str
    keywords_added: list[str]


class FitJudgementOut(LlmModel):
    score: int = Field(description="0-100")
    strengths: list[str]
    gaps: list[str]
    suggestions: list[RewriteOut]
    summary: str
