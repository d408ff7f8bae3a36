"""The offline rubric: a deterministic, explained 0-10 score for one answer.

Five criteria, each 0-10 with an explanation and verbatim evidence from the transcript:
relevance (question, expected points and job-description terms), structure (STAR for behavioural questions,
reasoning for others), specificity (numbers, named tools, concrete actions), completeness (expected points
covered) and delivery (speaking rate, fillers, long pauses; left out for typed answers). Caps then keep an
empty, one-word, very short or off-topic answer low whatever the weighted sum says.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import answer_features as fx
from .delivery import DeliveryMetrics
from .delivery_bands import read_bands
from .reports import StarPresence
from .scoring_models import AnswerScore, Criterion, ScoringInput

__all__ = [
    "RUBRIC_VERSION",
    "WEIGHTS",
    "AnswerScore",
    "Criterion",
    "ScoringInput",
    "delivery_criterion",
    "score_answer",
]
from .skills import extract_skills, unique_skills

RUBRIC_VERSION = "offline-rubric-v1"
WEIGHTS: dict[str, float] = {
    "relevance": 0.30,
    "completeness": 0.25,
    "specificity": 0.20,
    "structure": 0.15,
    "delivery": 0.10,
}
THIN_WORDS = 25
_STAR_CONCEPTS = ("~situation", "~task", "~action", "~result")


def _clamp(value: float) -> float:
    return round(max(0.0, min(10.0, value)), 1)


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _relevance(data: ScoringInput, answer: set[str], jd_used: list[str]) -> tuple[Criterion, int]:
    question = fx.content_stems(data.question)
    points = (
        set().union(*(fx.content_stems(p) for p in data.expected_points)) if data.expected_points else set()
    )
    q_hit, p_hit = question & answer, points & answer
    q_cov = len(q_hit) / len(question) if question else 0.0
    p_cov = len(p_hit) / len(points) if points else q_cov
    raw = 0.55 * min(1.0, q_cov / 0.5) + 0.35 * min(1.0, p_cov / 0.3) + 0.10 * min(1.0, len(jd_used) / 2)
    overlap = len(q_hit | p_hit)
    quote = fx.sentence_with_stems(data.transcript, question | points)
    explanation = (
        f"Shares {len(q_hit)} of {len(question)} key words of the question and {len(p_hit)} of {len(points)} "
        f"words of the expected points"
        + (
            f"; uses job-description terms: {', '.join(jd_used)}."
            if jd_used
            else "; no job-description terms."
        )
    )
    return Criterion(
        name="relevance",
        score=_clamp(10 * raw),
        weight=WEIGHTS["relevance"],
        explanation=explanation,
        evidence=[quote] if quote else [],
    ), overlap


def _star(transcript: str, context: str = "") -> tuple[StarPresence, dict[str, str]]:
    """STAR parts present in the answer (or in the earlier answer it completes); quotes from this answer only."""
    quotes: dict[str, str] = {}
    present: dict[str, bool] = {}
    for part, pattern in fx.STAR_CUES.items():
        found = fx.sentence_with(transcript, pattern)
        if found:
            quotes[part] = found
        present[part] = found is not None or fx.sentence_with(context, pattern) is not None
    return StarPresence(**present), quotes


def _structure(data: ScoringInput) -> tuple[Criterion, StarPresence | None]:
    if data.behavioural:
        star, quotes = _star(data.transcript, data.context)
        present = [p for p in fx.STAR_CUES if getattr(star, p)]
        missing = [p for p in fx.STAR_CUES if not getattr(star, p)]
        explanation = (
            ("With the earlier answer, " if data.context.strip() else "")
            + f"STAR: {len(present)} of 4 parts present"
            + (f" ({', '.join(present)})" if present else "")
            + (f"; missing: {', '.join(missing)}." if missing else ".")
        )
        return Criterion(
            name="structure",
            score=_clamp(2.5 * len(present)),
            weight=WEIGHTS["structure"],
            explanation=explanation,
            evidence=_unique(list(quotes.values()))[:3],
        ), star
    markers = fx.find_all(fx.REASONING, data.transcript)
    distinct = _unique([m.casefold() for m in markers])
    quote = fx.sentence_with(data.transcript, fx.REASONING)
    explanation = (
        f"Reasoning markers used: {', '.join(distinct[:6])}."
        if distinct
        else "No reasoning markers (because, first/then, for example, trade-off): the answer reads as a list."
    )
    return Criterion(
        name="structure",
        score=_clamp(2.0 + 2.0 * len(distinct)) if distinct else 1.0,
        weight=WEIGHTS["structure"],
        explanation=explanation,
        evidence=[quote] if quote else [],
    ), None


def _specificity(transcript: str, tools: list[str]) -> tuple[Criterion, list[str], int]:
    numbers = _unique(fx.find_all(fx.NUMBER, transcript))
    actions = fx.find_all(fx.ACTION_CUE, transcript)
    raw = (
        0.40 * min(1.0, len(numbers) / 2)
        + 0.35 * min(1.0, len(tools) / 2)
        + 0.25 * min(1.0, len(actions) / 2)
    )
    evidence = _unique(
        [
            q
            for q in (fx.sentence_with(transcript, fx.NUMBER), fx.sentence_with(transcript, fx.ACTION_CUE))
            if q
        ]
    )
    explanation = (
        f"{len(numbers)} figures ({', '.join(numbers[:5]) or 'none'}), {len(tools)} named tools or skills "
        f"({', '.join(tools[:5]) or 'none'}), {len(actions)} first-person actions."
    )
    return (
        Criterion(
            name="specificity",
            score=_clamp(10 * raw),
            weight=WEIGHTS["specificity"],
            explanation=explanation,
            evidence=evidence[:2],
        ),
        numbers,
        len(actions),
    )


def _completeness(
    data: ScoringInput, answer: set[str], word_count: int, star: StarPresence | None
) -> tuple[Criterion, list[str], list[str]]:
    if not data.expected_points:
        score = _clamp(word_count / 12)
        return (
            Criterion(
                name="completeness",
                score=score,
                weight=WEIGHTS["completeness"],
                explanation=f"No rubric points for this question; judged on length ({word_count} words).",
            ),
            [],
            [],
        )
    covered: list[str] = []
    evidence: list[str] = []
    for point in data.expected_points:
        wanted = fx.content_stems(point)
        hit = wanted & answer
        star_part = next((p for p in _STAR_CONCEPTS if p in wanted), None)
        if star is not None and star_part is not None and getattr(star, star_part[1:]):
            covered.append(point)
            continue
        if wanted and (len(hit) >= 2 or len(hit) / len(wanted) >= 0.5):
            covered.append(point)
            quote = fx.sentence_with_stems(data.transcript, wanted)
            if quote:
                evidence.append(quote)
    missing = [p for p in data.expected_points if p not in covered]
    explanation = f"Covers {len(covered)} of {len(data.expected_points)} expected points" + (
        f"; not covered: {'; '.join(missing[:3])}." if missing else "."
    )
    return (
        Criterion(
            name="completeness",
            score=_clamp(10 * len(covered) / len(data.expected_points)),
            weight=WEIGHTS["completeness"],
            explanation=explanation,
            evidence=_unique(evidence)[:2],
        ),
        covered,
        missing,
    )


def delivery_criterion(delivery: DeliveryMetrics | None, language: str = "en") -> Criterion | None:
    """None for a typed answer: delivery is then not part of the score.

    Read on the same bands as the feedback (`delivery_bands`): a figure outside its band always costs
    points, and only figures inside their band are named as steady.
    """
    if delivery is None or delivery.word_count == 0:
        return None
    score, notes = 10.0, []
    for reading in read_bands(delivery, language):
        state = "within" if reading.within else "outside"
        if reading.metric == "words_per_minute":
            pace = {"low": "slow at", "high": "fast at", "within": "steady pace at"}[reading.side]
            notes.append(f"{pace} {reading.value:.0f} words/min ({state} {reading.band()})")
        elif reading.metric == "fillers_per_100_words":
            notes.append(
                f"{delivery.filler_count} fillers ({reading.value:.1f} per 100 words, {state} {reading.band()})"
            )
        else:
            notes.append(f"{len(delivery.long_pauses)} long pauses ({state} {reading.band()})")
        if reading.within:
            continue
        edge = reading.low if reading.side == "low" else reading.high
        distance = abs(reading.value - (edge or 0.0))
        score -= {
            "words_per_minute": min(4.0, 1.0 + distance / 10),
            "fillers_per_100_words": min(3.0, 1.0 + distance / 2),
            "long_pauses": min(2.0, 0.5 + 0.5 * distance),
        }[reading.metric]
    if delivery.hedging_count > 2:
        score -= min(1.5, 0.3 * delivery.hedging_count)
        notes.append(f"{delivery.hedging_count} hedges")
    return Criterion(
        name="delivery",
        score=_clamp(score),
        weight=WEIGHTS["delivery"],
        explanation="Delivery: " + "; ".join(notes) + ".",
    )


def score_answer(data: ScoringInput, language: str = "en") -> AnswerScore:
    """By meaning when `data.meaning` holds the adapter's similarities, by keywords otherwise."""
    transcript = data.transcript.strip()
    if data.meaning is not None and transcript:
        from .scoring_by_meaning import score_by_meaning

        return score_by_meaning(data, data.meaning, delivery_criterion(data.delivery, language))
    tokens = fx.words(transcript)
    count = len(tokens)
    answer = fx.content_stems(transcript)
    hits = extract_skills(transcript)
    tools = unique_skills(h for h in hits if h.kind == "technical")
    jd_lower = {t.casefold() for t in data.jd_terms}
    jd_used = [s for s in unique_skills(hits) if s.casefold() in jd_lower]

    relevance, overlap = _relevance(data, answer, jd_used)
    structure, star = _structure(data)
    specificity, numbers, actions = _specificity(transcript, tools)
    completeness, covered, missing = _completeness(data, answer, count, star)
    criteria = [relevance, structure, specificity, completeness]
    delivery = delivery_criterion(data.delivery, language)
    if delivery is not None:
        criteria.append(delivery)
    total_weight = sum(c.weight for c in criteria)
    score = sum(c.score * c.weight for c in criteria) / total_weight

    caps: list[str] = []
    star_parts = sum(1 for pattern in fx.STAR_CUES.values() if pattern.search(transcript)) if star else 0
    off_topic = count >= 5 and overlap <= 1 and not jd_used and star_parts < 2 and not tools
    if count == 0:
        score, caps = 0.0, ["No answer was given."]
    elif count < 5:
        score = min(score, 1.0)
        caps.append(f"Only {count} word{'s' if count > 1 else ''}: far too short to show anything.")
    elif off_topic:
        score = min(score, 2.0)
        caps.append("Off topic: the answer shares almost no words with the question or its expected points.")
    elif count < 12:
        score = min(score, 4.0)
        caps.append(f"Very short ({count} words): at most 4/10.")
    elif count < THIN_WORDS:
        score = min(score, 6.0)
        caps.append(f"Short ({count} words): at most 6/10.")

    evidence = _unique([q for c in criteria for q in c.evidence])
    return AnswerScore(
        score=_clamp(score),
        criteria=criteria,
        caps=caps,
        word_count=count,
        star=star,
        covered_points=covered,
        missing_points=missing,
        jd_terms_used=jd_used,
        tools=tools,
        numbers=numbers,
        evidence=evidence[:4],
        thin=count < THIN_WORDS,
        vague=count > 0 and not numbers and not tools and actions <= 1,
        off_topic=off_topic,
    )
