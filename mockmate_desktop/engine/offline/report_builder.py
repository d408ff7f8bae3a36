"""Summary and per-question reports of the offline engine, built from the rubric scores of every turn."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain import numbers, scoring_texts
from ...domain.competency_names import competency_name
from ...domain.delivery_bands import read_bands
from ...domain.delivery_metrics import combine
from ...domain.enums import Language, QuestionKind, SelectionLabel, Source
from ...domain.interview import InterviewSession
from ...domain.report_headings import colon, metric_name
from ...domain.report_words import word
from ...domain.reports import QuestionFeedback, QuestionsReport, SummaryReport
from ...domain.scoring import WEIGHTS
from ...domain.selection import CEILING, FLOOR, PASS_MARK, selection_probability
from . import texts
from .assess import Turn
from .feedback import answer_feedback
from .feedback_texts import MODEL_ANSWER, say

_FOLLOW_UP_WEIGHT = 0.5


def overall_score(turns: Sequence[Turn]) -> int:
    """Weighted mean of the turn scores on 0-100; a main question counts fully, a follow-up half."""
    total = weight = 0.0
    for turn in turns:
        w = 1.0 if turn.question.kind is QuestionKind.MAIN else _FOLLOW_UP_WEIGHT
        total += turn.score.score * w
        weight += w
    return round(10 * total / weight) if weight else 0


def criterion_means(turns: Sequence[Turn]) -> dict[str, float]:
    means: dict[str, float] = {}
    for name in WEIGHTS:
        values = [c.score for t in turns if t.answered for c in t.score.criteria if c.name == name]
        if values:
            means[name] = sum(values) / len(values)
    return means


def describe_turn(turn: Turn, language: Language) -> str:
    named = competency_name(turn.question.competency, language)
    competency = f" ({named})" if turn.question.competency else ""
    return f"{turn.label}{competency}, {numbers.out_of(turn.score.score, 10, language)}"


def _delivery_outside(turns: Sequence[Turn], language: Language) -> list[str] | None:
    """Pace, fillers and pauses over all spoken answers that sit outside their bands, each with its figure
    and band ("Pace: 240 wpm, outside the 100-165 wpm band"); [] when all are inside, None for a typed
    interview. The same bands the per-answer feedback and score use."""
    metrics = [t.answer.delivery for t in turns if t.answered and t.answer and t.answer.delivery]
    spoken = [m for m in metrics if m.word_count > 0]
    if not spoken:
        return None
    return [
        say(
            "band_out",
            language,
            metric=metric_name(r.metric, language),
            value=r.figure(language.value),
            band=r.band(language.value),
        )
        for r in read_bands(combine(spoken), language.value)
        if not r.within
    ]


def strengths_and_improvements(turns: Sequence[Turn], language: Language) -> tuple[list[str], list[str]]:
    means = criterion_means(turns)
    outside = _delivery_outside(turns, language)
    delivery_ok = None if outside is None else not outside
    ranked = sorted(means.items(), key=lambda kv: (-kv[1], kv[0]))
    missed = [t.label for t in turns if t.answered and t.score.missed_question]

    def strong(name: str, value: float) -> bool:
        if name == "delivery":
            return delivery_ok is True
        # "Answers stay on the question" beside "the answers to Q2, Q5 missed it" would contradict itself,
        # however high the other answers pull the mean.
        return value >= 6 and not (name == "relevance" and missed)

    strengths = [
        f"{texts.pick(texts.STRENGTH_OF, name, language)} ({numbers.out_of(round(value, 1), 10, language)})"
        for name, value in ranked
        if strong(name, value)
    ][:3]
    best = sorted(
        (t for t in turns if t.answered and t.score.score >= 6.5 and not t.score.missed_question),
        key=lambda t: (-t.score.score, t.question.position),
    )
    for turn in best[: max(0, 3 - len(strengths))]:
        # A strong answer is a strength even when weak ones pull the averages down; it cites its quote.
        quote = next(iter(turn.score.evidence), "")
        strengths.append(
            texts.text("strong_answer", language, n=turn.label, s=numbers.general(turn.score.score, language), quote=quote)
        )

    def improvement(name: str, value: float) -> str:
        if name == "delivery" and outside:
            # Which band was missed and by how much: "work on pace" beside 0 fillers and 0 pauses read as
            # advice about fillers the candidate never used.
            return texts.pick(texts.IMPROVE_OF, name, language) + colon(language) + "; ".join(outside)
        return f"{texts.pick(texts.IMPROVE_OF, name, language)} ({numbers.out_of(round(value, 1), 10, language)})"

    improvements = [
        improvement(name, value)
        for name, value in reversed(ranked)
        if (delivery_ok is False if name == "delivery" else value < 6)
    ][:3]
    skipped = [t for t in turns if not t.answered]
    if skipped:
        improvements.insert(0, texts.text("skipped", language, n=len(skipped)))
    if missed:
        improvements.insert(0, texts.text("missed_questions", language, numbers=", ".join(missed)))
    if not improvements and ranked:
        # Even a strong interview has a weakest area; an empty list reads as if nothing was assessed.
        name, value = ranked[-1]
        improvements.append(f"{texts.pick(texts.IMPROVE_OF, name, language)} ({numbers.out_of(round(value, 1), 10, language)})")
    return strengths, improvements[:3]


def summary(session: InterviewSession, turns: Sequence[Turn], model_name: str) -> SummaryReport:
    config = session.config
    language = config.language
    score = overall_score(turns)
    probability = selection_probability(score, config.difficulty)
    # Counted in main questions, as the interview page counts them ("Q3 of 5"); a follow-up belongs to its
    # question, which counts as answered when its main answer is.
    mains = [t for t in turns if t.question.kind is QuestionKind.MAIN]
    answered = [t for t in mains if t.answered]
    ordered = sorted(turns, key=lambda t: (-t.score.score, t.question.position))
    best = describe_turn(ordered[0], language) if ordered else "-"
    worst = describe_turn(ordered[-1], language) if ordered else "-"
    average = sum(t.score.score for t in turns) / len(turns) if turns else 0.0
    snapshot = (
        texts.text("disclaimer", language)
        + " "
        + texts.text(
            "snapshot",
            language,
            score=score,
            role=config.job_title,
            difficulty=word(config.difficulty.value, language),
            itype=word(config.interview_type.value, language),
            answered=len(answered),
            total=len(mains),
            avg=numbers.decimal(average, language),
            best=best,
            worst=worst,
        )
    )
    snapshot += " " + texts.text(
        "probability_note",
        language,
        p=numbers.percent(probability, language),
        even=numbers.percent(50, language),
        floor=FLOOR,
        ceiling=numbers.percent(CEILING, language),
        mark=numbers.general(PASS_MARK[config.difficulty], language),
        difficulty=word(config.difficulty.value, language),
    )
    strengths, improvements = strengths_and_improvements(turns, language)
    return SummaryReport(
        source=Source.OFFLINE,
        model_name=model_name,
        overall_score=score,
        selection_probability=probability,
        selection_label=SelectionLabel.for_probability(probability),
        snapshot=snapshot,
        top_strengths=strengths,
        top_improvements=improvements,
    )


def _model_answer(turn: Turn, language: Language) -> str:
    if turn.question.kind is QuestionKind.FOLLOW_UP:
        what = scoring_texts.joined(turn.question.expected_points, language.value) or turn.question.text
        return texts.text("model_follow_up", language, what=what)
    written = turn.entry.model_answer_in(language) if turn.entry is not None else ""
    if written:
        return written
    points = scoring_texts.joined(
        turn.question.expected_points or (turn.entry.points_in(language) if turn.entry else ()),
        language.value,
    )
    if language is not Language.EN:
        # A question without a model answer in this language (not translated, or from an older session): the
        # same guidance in the report's language, with the question's points named inside it.
        kind = "behavioural" if turn.behavioural else "technical"
        return MODEL_ANSWER[kind][language.value].format(points=points or turn.question.text)
    return texts.text("model_follow_up", language, what=points or turn.question.text)


def questions(session: InterviewSession, turns: Sequence[Turn], model_name: str) -> QuestionsReport:
    language = session.config.language
    items: list[QuestionFeedback] = []
    for turn in turns:
        transcript = turn.answer.transcript if turn.answer is not None and not turn.answer.skipped else ""
        delivery = turn.answer.delivery if turn.answer is not None and not turn.answer.skipped else None
        went_well, to_improve = answer_feedback(turn.score, transcript, delivery, language, turn.behavioural)
        items.append(
            QuestionFeedback(
                question_id=turn.question.id,
                question=turn.question.text,
                is_follow_up=turn.question.kind is QuestionKind.FOLLOW_UP,
                answer_transcript=transcript,
                score=turn.score.score,
                went_well=went_well,
                to_improve=to_improve,
                model_answer=_model_answer(turn, language),
                star=turn.score.star if turn.behavioural else None,
                evidence=turn.score.evidence,
                delivery=turn.answer.delivery if turn.answer is not None else None,
                source=Source.OFFLINE,
            )
        )
    return QuestionsReport(source=Source.OFFLINE, model_name=model_name, items=items)
