"""From the shapes Gemini fills to stored domain reports, applying the rules code enforces on scores."""

from __future__ import annotations

from ...domain import gemini_schemas as out
from ...domain.enums import InterviewType, SelectionLabel, Source
from ...domain.interview import InterviewSession
from ...domain.reports import (
    CategoryScore,
    CategoryScores,
    ComparativeAnalysis,
    PerformanceReport,
    QuestionFeedback,
    QuestionsReport,
    StarPresence,
    SummaryReport,
)
from ...domain.selection import selection_probability
from . import evidence
from .session_data import Turn, all_answers, turns

QUOTE_REMOVED = "(an evidence quote that does not occur in the transcript was removed)"
NO_FEEDBACK = "No feedback came back for this answer; its score reflects only the rules applied in code."


def _substantive_share(session: InterviewSession) -> float:
    asked = turns(session)
    if not asked:
        return 0.0
    return sum(1 for t in asked if evidence.is_substantive(t.transcript)) / len(asked)


def derived_overall(session: InterviewSession, questions: QuestionsReport) -> float:
    """Ten times the weighted mean of the per-question scores (a follow-up counts half), as offline."""
    total = weight = 0.0
    for item in questions.items:
        w = 0.5 if item.is_follow_up else 1.0
        total += item.score * w
        weight += w
    return 10.0 * total / weight if weight else 0.0


def summary(
    raw: out.SummaryOut,
    session: InterviewSession,
    source: Source,
    model: str,
    questions: QuestionsReport | None = None,
) -> SummaryReport:
    # An interview is only as good as what was said: unanswered questions bound the overall score.
    ceiling = 100.0 * _substantive_share(session)
    stated = derived_overall(session, questions) if questions is not None else float(raw.overall_score)
    overall = round(evidence.clamp(stated, 0.0, ceiling))
    # The same documented curve as offline: monotone in the score, adjusted for difficulty, never 0 %.
    probability = selection_probability(overall, session.config.difficulty)
    return SummaryReport(
        source=source,
        model_name=model,
        overall_score=overall,
        selection_probability=probability,
        selection_label=SelectionLabel.for_probability(probability),
        snapshot=raw.snapshot.strip(),
        top_strengths=[s for s in raw.top_strengths if s.strip()][:5],
        top_improvements=[s for s in raw.top_improvements if s.strip()][:5],
    )


def _category(raw: out.CategoryScoreOut, answers: str, substantive: bool) -> CategoryScore:
    quote_ok = bool(raw.evidence.strip()) and evidence.quote_found(raw.evidence, answers)
    score = evidence.clamp(raw.score, 0.0, 10.0)
    if not substantive:
        score = min(score, 1.0)
    elif not quote_ok:
        score = min(score, evidence.UNSUPPORTED_MAX)
    comment = raw.comment.strip()
    if raw.evidence.strip() and not quote_ok:
        comment = f"{comment} {QUOTE_REMOVED}".strip()
    return CategoryScore(
        score=round(score, 1), comment=comment, evidence=raw.evidence.strip() if quote_ok else ""
    )


def _near(category: CategoryScore, centre: float | None) -> CategoryScore:
    """A category score stays within 1.5 points of the per-question mean it is derived from."""
    if centre is None:
        return category
    score = evidence.clamp(category.score, max(0.0, centre - 1.5), min(10.0, centre + 1.5))
    return category.model_copy(update={"score": round(score, 1)})


def performance(
    raw: out.PerformanceOut,
    session: InterviewSession,
    source: Source,
    model: str,
    questions: QuestionsReport | None = None,
) -> PerformanceReport:
    answers = all_answers(session)
    substantive = _substantive_share(session) > 0
    cats = raw.category_scores
    centre = derived_overall(session, questions) / 10 if questions is not None else None
    return PerformanceReport(
        source=source,
        model_name=model,
        strengths=raw.strengths,
        strong_skills=raw.strong_skills,
        skill_gaps=raw.skill_gaps,
        category_scores=CategoryScores(
            communication=_near(_category(cats.communication, answers, substantive), centre),
            technical_knowledge=_near(_category(cats.technical_knowledge, answers, substantive), centre),
            problem_solving=_near(_category(cats.problem_solving, answers, substantive), centre),
            cultural_fit=_near(_category(cats.cultural_fit, answers, substantive), centre),
            confidence_clarity=_near(_category(cats.confidence_clarity, answers, substantive), centre),
        ),
        comparative_analysis=ComparativeAnalysis(**raw.comparative_analysis.model_dump()),
        quantitative_analysis=raw.quantitative_analysis,
        qualitative_analysis=raw.qualitative_analysis,
        cultural_fit=raw.cultural_fit,
        final_remarks=raw.final_remarks,
    )


def _feedback(
    turn: Turn, raw: out.QuestionFeedbackOut | None, star_wanted: bool, source: Source
) -> QuestionFeedback:
    answer = turn.transcript
    quotes, dropped = evidence.real_quotes(raw.evidence if raw else [], answer)
    limit = evidence.answer_score_limit(answer, bool(quotes))
    score = evidence.clamp(raw.score if raw else limit / 2, 0.0, limit)
    went_well = list(raw.went_well) if raw and answer else []
    to_improve = list(raw.to_improve) if raw else [NO_FEEDBACK]
    if not answer:
        to_improve.insert(0, "No answer was given: even a short structured attempt earns credit.")
    if dropped:
        to_improve.append(QUOTE_REMOVED)
    star = None
    if star_wanted:
        star = StarPresence(**raw.star.model_dump()) if raw and answer else StarPresence()
    return QuestionFeedback(
        question_id=turn.question.id,
        question=turn.question.text,
        is_follow_up=turn.parent_number is not None,
        answer_transcript=answer,
        score=round(score, 1),
        went_well=went_well,
        to_improve=to_improve,
        model_answer=(raw.model_answer.strip() if raw else "") or "-",
        star=star,
        evidence=quotes,
        delivery=turn.answer.delivery if turn.answer else None,
        source=source,
    )


def questions(
    raw: out.QuestionsOut, session: InterviewSession, source: Source, model: str
) -> QuestionsReport:
    by_number: dict[int, out.QuestionFeedbackOut] = {}
    for item in raw.items:
        by_number.setdefault(item.number, item)
    star_wanted = session.config.interview_type != InterviewType.TECHNICAL
    items = [_feedback(t, by_number.get(t.number), star_wanted, source) for t in turns(session)]
    return QuestionsReport(source=source, model_name=model, items=items)
