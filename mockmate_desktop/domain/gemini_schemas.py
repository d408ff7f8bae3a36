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


# Evidence and reasoning come before every score: the model writes fields in this order (the SDK sends it as
# propertyOrdering), so a score is the conclusion of the quotes and reasons, not a guess they justify later.


class SummaryOut(LlmModel):
    snapshot: str
    top_strengths: list[str]
    top_improvements: list[str]
    reasoning: str = Field(
        description="how the per-question scores and the evidence lead to the overall score"
    )
    overall_score: int = Field(description="0-100")
    selection_probability: int = Field(description="0-100")


class CategoryScoreOut(LlmModel):
    evidence: str = Field(description="an exact quote from one of the candidate's answers")
    comment: str
    score: float = Field(description="0-10")


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
    evidence: list[str] = Field(description="exact quotes from this answer that justify the score")
    reasoning: str = Field(
        description="which expected points are covered, whether it answers the question asked, which band applies"
    )
    star: StarOut
    went_well: list[str]
    to_improve: list[str]
    model_answer: str
    score: float = Field(description="0-10")


class PointOut(LlmModel):
    point: str
    status: str = Field(description="covered, partly or missing")
    quote: str = Field(description="the exact sentence of the answer that covers it, or an empty string")


class AnswerScoreOut(LlmModel):
    """One answer to one question (practise mode): the same rubric as the interview reports."""

    evidence: list[str] = Field(description="exact quotes from the answer that justify the score")
    points: list[PointOut]
    reasoning: str = Field(
        description="relevance to the question asked, coverage, specificity, which band applies"
    )
    star: StarOut
    went_well: list[str]
    to_improve: list[str]
    model_answer: str
    score: float = Field(description="0-10")


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


# Calls that judge answers run at a low temperature: the same answer should get the same score.
SCORING_SCHEMAS: tuple[type[LlmModel], ...] = (SummaryOut, PerformanceOut, QuestionsOut, AnswerScoreOut)
SCORING_TEMPERATURE = 0.1
