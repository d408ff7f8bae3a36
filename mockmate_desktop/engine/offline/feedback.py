"""What went well and what to improve in one answer, in the interview's language, each sentence with its
evidence (a quote from the answer or a measured figure).

One reading of the delivery bands (`domain.delivery_bands`) decides both lists, so a figure outside its band
is never a strength; an answer that missed the question gets no content strengths and always a reason.
"""

from __future__ import annotations

from ...domain import answer_features as fx
from ...domain import numbers, scoring_texts
from ...domain.delivery import DeliveryMetrics
from ...domain.delivery_bands import read_bands
from ...domain.enums import Language
from ...domain.report_headings import metric_name
from ...domain.scoring import AnswerScore
from ...domain.scoring_learned import CLEARLY_ON_QUESTION, HARDLY_ON_QUESTION
from . import texts
from .feedback_texts import say, weakest_hint

_SHORT_WORDS = 25
# Relevance (0-10) from which "Stays on the question asked" is said: the band where the learned reading is
# clearly on the question. At 7, 8 of 36 right answers to the wrong question in the scoring set's training
# part were praised so, and a sales-report story under "Tell me about a time you disagreed with a teammate"
# (relevance 7.5); at 8, 2 of 36, while 34 of 36 excellent answers keep the praise (36 at 7). Figures on the
# held-out part: docs/issue-notes/issue-13e.md.
_ON_QUESTION_PRAISE = 10 * CLEARLY_ON_QUESTION


def _first_sentence(transcript: str) -> str:
    """The answer's opening, quoted inside a sentence ('it opens with "…".'): without its own full stop, which
    would double the sentence's ('"I would ask someone.".'). A question or exclamation mark stays."""
    found = fx.sentences(transcript)
    opening = found[0] if found else transcript.strip()[:120]
    return opening.rstrip().removesuffix(".") if not opening.rstrip().endswith("..") else opening


def _content_strengths(
    score: AnswerScore, transcript: str, language: Language, behavioural: bool
) -> list[str]:
    went: list[str] = []
    relevance = score.criterion("relevance")
    # The relevance score is rounded to a tenth, so the flag, not the rounded figure, rules out a doubted answer.
    if (
        relevance is not None
        and relevance.evidence
        and relevance.score >= _ON_QUESTION_PRAISE
        and not score.partly_on_question
    ):
        went.append(say("on_question", language, quote=relevance.evidence[0]))
    covered = [p for p in score.points if p.status == "covered" and p.quote]
    # An answer to another question can sit near a point by meaning; saying it covers the point contradicts
    # the line that says it missed the question.
    if covered and len(covered) * 2 >= len(score.points) and not score.missed_question:
        went.append(
            say(
                "points_covered",
                language,
                n=len(covered),
                total=len(score.points),
                point=covered[0].point,
                quote=covered[0].quote,
            )
        )
    specificity = score.criterion("specificity")
    if score.numbers and specificity is not None and specificity.score >= 6 and specificity.evidence:
        went.append(
            say("figures", language, figures=", ".join(score.numbers[:4]), quote=specificity.evidence[0])
        )
    structure = score.criterion("structure")
    if behavioural and score.star is not None and structure is not None and structure.evidence:
        told = sum(score.star.model_dump().values())
        if told >= 3:
            went.append(say("star_told", language, n=told, quote=structure.evidence[-1]))
    return went


def _content_improvements(
    score: AnswerScore, transcript: str, language: Language, behavioural: bool
) -> list[str]:
    improve: list[str] = []
    if score.dont_know:
        improve.append(say("dont_know", language, quote=_first_sentence(transcript)))
    elif score.off_topic:
        z = numbers.signed(score.relevance_margin, language) if score.relevance_margin is not None else "-"
        key = "loosely_related" if score.loosely_related else "wrong_question"
        improve.append(say(key, language, z=z, quote=_first_sentence(transcript)))
    elif score.partly_on_question and not score.stuffed:
        relevance = score.criterion("relevance")
        p = relevance.score / 10 if relevance is not None else 0.0
        key = "hardly_on_question" if p < HARDLY_ON_QUESTION else "partly_on_question"
        improve.append(say(key, language, p=p, quote=_first_sentence(transcript)))
    if score.stuffed:
        improve.append(say("stuffed", language, share=numbers.share(score.keyword_share, language), labels=score.star_labels))
    if score.padded:
        improve.append(
            say("padded", language, share=numbers.share(score.repeated_share, language), fillers=numbers.share(score.filler_share, language))
        )
    total = len(score.points) or len(score.covered_points) + len(score.missing_points)
    if score.missed_question and not score.stuffed:
        # Its nearness to the points is no coverage: name what an answer to this question needs instead.
        wanted = [p.point for p in score.points] or [*score.covered_points, *score.missing_points]
        if wanted:
            improve.append(
                say(
                    "points_to_cover",
                    language,
                    n=len(wanted[:4]),
                    points=scoring_texts.joined(wanted[:4], language.value),
                )
            )
    elif score.missing_points:
        improve.append(
            say(
                "missing_points",
                language,
                n=total - len(score.missing_points),
                total=total,
                points=scoring_texts.joined(score.missing_points[:3], language.value),
            )
        )
    if score.word_count >= 5 and not score.numbers and not score.tools and not score.dont_know:
        improve.append(say("no_figures", language, words=score.word_count))
    if behavioural and score.star is not None and score.star_missing and not score.dont_know:
        parts = ", ".join(texts.STAR_PARTS[p][language.value][0] for p in score.star_missing)
        improve.append(say("star_missing", language, n=4 - len(score.star_missing), parts=parts))
    if 0 < score.word_count < _SHORT_WORDS:
        improve.append(say("short", language, words=score.word_count))
    return improve


def _delivery(delivery: DeliveryMetrics | None, language: Language) -> tuple[list[str], list[str]]:
    if delivery is None or delivery.word_count == 0:
        return [], []
    went: list[str] = []
    improve: list[str] = []
    for reading in read_bands(delivery, language.value):
        metric = metric_name(reading.metric, language)
        line = say(
            "band_ok" if reading.within else "band_out",
            language,
            metric=metric,
            value=reading.figure(language.value),
            band=reading.band(language.value),
        )
        (went if reading.within else improve).append(line)
    return went, improve


def answer_feedback(
    score: AnswerScore,
    transcript: str,
    delivery: DeliveryMetrics | None,
    language: Language,
    behavioural: bool,
) -> tuple[list[str], list[str]]:
    """(went well, to improve). Never an empty "to improve" for an answer that missed the question."""
    if not transcript.strip():
        return [], [say("skipped", language)]
    went = [] if score.missed_question else _content_strengths(score, transcript, language, behavioural)
    improve = _content_improvements(score, transcript, language, behavioural)
    delivery_went, delivery_improve = _delivery(delivery, language)
    went += delivery_went
    improve += delivery_improve
    if not improve and score.criteria:
        weakest = min(score.criteria, key=lambda c: (c.score, c.name))
        label = texts.pick(texts.CRITERION_LABELS, weakest.name, language)
        hint = weakest_hint(weakest.name, language, behavioural)
        improve.append(say("weakest", language, label=label, score=numbers.general(weakest.score, language), hint=hint))
    return went, improve
