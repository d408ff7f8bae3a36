"""A complete interview session built from domain models, for tests of the report view and the history.

The interview journey tests use the real engine; these fixed records only check how the GUI renders a report
whatever engine made it (including the labels for each source).
"""

from __future__ import annotations

from datetime import UTC, datetime

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.delivery import CountedTerm, DeliveryMetrics, GuidanceBand, Pause
from mockmate_desktop.domain.delivery_metrics import guidance_bands
from mockmate_desktop.domain.enums import (
    InterviewType,
    Language,
    QuestionKind,
    SelectionLabel,
    SessionStatus,
    Source,
)
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.domain.reports import (
    AnswerDelivery,
    CategoryScore,
    CategoryScores,
    ComparativeAnalysis,
    DeliveryReport,
    PerformanceReport,
    QuestionFeedback,
    QuestionsReport,
    ReportSet,
    StarPresence,
    SummaryReport,
)

_QA = (
    ("Tell me about a time you improved a slow system.",
     "At my last job the nightly batch took six hours. I profiled it, found an N plus one query, added an index "
     "and caching, and cut it to forty minutes."),
    ("How do you decide between SQL and NoSQL storage?",
     "It depends on the access patterns and consistency needs. For relational data with joins I pick Postgres."),
    ("Describe a disagreement with a colleague and how you resolved it.",
     "We disagreed about test coverage. I proposed we measure flaky tests for two weeks and we agreed on a plan."),
)


def delivery(wpm: float, fillers: int, duration: float) -> DeliveryMetrics:
    return DeliveryMetrics(
        duration_s=duration, speaking_time_s=duration - 1, word_count=int(wpm * duration / 60),
        words_per_minute=wpm, filler_count=fillers, fillers=[CountedTerm(term="um", count=fillers)],
        fillers_per_minute=fillers / duration * 60, fillers_per_100_words=fillers * 100 / max(1, wpm * duration / 60),
        pause_count=3, long_pauses=[Pause(start=4.0, end=6.5)], time_to_first_word_s=0.8,
        hedging_count=1, hedges=[CountedTerm(term="i think", count=1)],
        most_repeated=[CountedTerm(term="query", count=2)],
    )


def complete_session(source: Source = Source.OFFLINE, *, demo: bool = False, job_title: str = "Backend Engineer",
                     status: SessionStatus = SessionStatus.COMPLETED, answered: int = 3) -> InterviewSession:
    model = {"offline": "offline-rubric-v1", "gemini": "gemini-2.5-flash", "cached": "gemini-2.5-flash"}[source.value]
    config = InterviewConfig(job_title=job_title, job_description="Python, SQL, AWS", question_count=5,
                             interview_type=InterviewType.OVERALL)
    session = InterviewSession(config=config, status=status, is_demo=demo,
                               started_at=datetime(2026, 11, 20, 14, 30, tzinfo=UTC))
    items, per_answer = [], []
    for index, (text, transcript) in enumerate(_QA):
        question = Question(session_id=session.id, position=index * 10, text=text, source=source,
                            kind=QuestionKind.MAIN)
        session.questions.append(question)
        if index >= answered:
            continue
        metrics = delivery(120 + 25 * index, index + 1, 40 + 10 * index)
        session.answers.append(Answer(session_id=session.id, question_id=question.id, transcript=transcript,
                                      duration_s=metrics.duration_s, delivery=metrics))
        items.append(QuestionFeedback(
            question_id=question.id, question=text, answer_transcript=transcript, score=7.5 - index,
            went_well=["Concrete numbers"], to_improve=["State the result earlier"],
            model_answer="Situation, task, action and a measured result.",
            star=StarPresence(situation=True, task=True, action=True, result=index == 0),
            evidence=[transcript.split(".")[0]], delivery=metrics, source=source))
        per_answer.append(AnswerDelivery(question_id=question.id, metrics=metrics))
    if status is SessionStatus.COMPLETED:
        score = CategoryScore(score=7.0, comment="Clear and structured.", evidence="I profiled it")
        session.reports = ReportSet(
            summary=SummaryReport(source=source, model_name=model, overall_score=68, selection_probability=62,
                                  selection_label=SelectionLabel.for_probability(62),
                                  snapshot="Solid, specific answers with measurable results; tighten structure.",
                                  top_strengths=["Specific numbers", "Calm delivery"],
                                  top_improvements=["Lead with the result", "Fewer fillers"]),
            performance=PerformanceReport(
                source=source, model_name=model, strengths=["Profiling and optimisation"],
                strong_skills=["SQL", "Python"], skill_gaps=["AWS not mentioned"],
                category_scores=CategoryScores(
                    communication=score, technical_knowledge=score.model_copy(update={"score": 7.8}),
                    problem_solving=score.model_copy(update={"score": 8.2}),
                    cultural_fit=score.model_copy(update={"score": 6.1}),
                    confidence_clarity=score.model_copy(update={"score": 6.9})),
                comparative_analysis=ComparativeAnalysis(approach="Measured before changing", star="Mostly complete"),
                quantitative_analysis="3 answers, 60 % with numbers.", qualitative_analysis="Structured thinking.",
                cultural_fit="Collaborative.", final_remarks="A good candidate; practise concise openings."),
            questions=QuestionsReport(source=source, model_name=model, items=items),
            delivery=DeliveryReport(
                source=source, model_name=model, overall=delivery(140, 6, 150), per_answer=per_answer,
                bands=[GuidanceBand(metric="Pace", low=100, high=165, unit="words/min", note="Conversational pace.",
                                    source="Speech-rate studies"),
                       GuidanceBand(metric="Fillers", high=5, unit="per min", note="A few are natural.",
                                    source="Public-speaking guidance")]),
        )
    return session


def session_in(language: Language, job_title: str) -> InterviewSession:
    """`complete_session` as an interview in `language`: its delivery bands carry that language's notes."""
    session = complete_session(Source.OFFLINE, job_title=job_title)
    session.config.language = language
    assert session.reports.delivery is not None
    session.reports.delivery.bands = guidance_bands(language.value)
    return session
