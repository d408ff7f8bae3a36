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
from . import scoring_texts as wording
from .answer_quality import assess_text, context_star_parts
from .delivery import DeliveryMetrics
from .delivery_bands import read_bands
from .probe_evidence import Evidence, credited_evidence
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


def _relevance(
    data: ScoringInput, answer: set[str], jd_used: list[str], language: str
) -> tuple[Criterion, int]:
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
    explanation = wording.say(
        "kw_relevance_jd" if jd_used else "kw_relevance",
        language,
        question_hits=len(q_hit),
        question_words=len(question),
        point_hits=len(p_hit),
        point_words=len(points),
        terms=", ".join(jd_used),
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
    inherited = context_star_parts(context, transcript)
    for part, pattern in fx.STAR_CUES.items():
        found = fx.sentence_with(transcript, pattern)
        if found:
            quotes[part] = found
        present[part] = found is not None or part in inherited
    return StarPresence(**present), quotes


def _structure(data: ScoringInput, language: str) -> tuple[Criterion, StarPresence | None]:
    if data.behavioural:
        star, quotes = _star(data.transcript, data.context)
        present = [p for p in fx.STAR_CUES if getattr(star, p)]
        missing = [p for p in fx.STAR_CUES if not getattr(star, p)]
        key = "kw_star_context" if data.context.strip() else "kw_star"
        explanation = wording.say(
            f"{key}_missing" if missing else key,
            language,
            n=len(present),
            told=wording.told(present, language),
            missing=", ".join(wording.part(p, language) for p in missing),
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
    explanation = wording.say(
        "kw_reasoning" if distinct else "kw_reasoning_none", language, markers=", ".join(distinct[:6])
    )
    return Criterion(
        name="structure",
        score=_clamp(2.0 + 2.0 * len(distinct)) if distinct else 1.0,
        weight=WEIGHTS["structure"],
        explanation=explanation,
        evidence=[quote] if quote else [],
    ), None


def _specificity(transcript: str, tools: list[str], language: str) -> tuple[Criterion, list[str], int]:
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
    explanation = wording.say(
        "kw_specificity",
        language,
        numbers=len(numbers),
        number_list=wording.listing(numbers, language, shown=5),
        tools=len(tools),
        tool_list=wording.listing(tools, language, shown=5),
        actions=len(actions),
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
    data: ScoringInput,
    answer: set[str],
    word_count: int,
    star: StarPresence | None,
    language: str,
    shown: Sequence[Evidence | None] = (),
) -> tuple[Criterion, list[str], list[str]]:
    """`shown`: per point of a follow-up probe, the reply's structural evidence (`probe_evidence`); a point it
    covers is covered here too, quoted with its sentence. Keywords have no "partly": partial evidence is not
    enough."""
    if not data.expected_points:
        score = _clamp(word_count / 12)
        return (
            Criterion(
                name="completeness",
                score=score,
                weight=WEIGHTS["completeness"],
                explanation=wording.say("kw_completeness_length", language, words=word_count),
            ),
            [],
            [],
        )
    covered: list[str] = []
    evidence: list[str] = []
    by_structure = list(shown) if len(shown) == len(data.expected_points) else []
    for i, point in enumerate(data.expected_points):
        found = by_structure[i] if by_structure else None
        if found is not None and found.status == "covered":
            covered.append(point)
            evidence.append(found.quote)
            continue
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
    explanation = wording.say(
        "kw_completeness_missing" if missing else "kw_completeness",
        language,
        covered=len(covered),
        total=len(data.expected_points),
        missing=wording.joined(missing[:3], language),
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
    points, and only figures inside their band are named as steady. Explained in the interview's `language`.
    """
    if delivery is None or delivery.word_count == 0:
        return None
    score, notes = 10.0, []
    for reading in read_bands(delivery, language):
        band = reading.band(language)
        where = wording.say("band_within" if reading.within else "band_outside", language, band=band)
        if reading.metric == "words_per_minute":
            notes.append(wording.say(f"pace_{reading.side}", language, wpm=reading.value, where=where))
        elif reading.metric == "fillers_per_100_words":
            notes.append(
                wording.say("fillers", language, n=delivery.filler_count, rate=reading.value, where=where)
            )
        else:
            notes.append(wording.say("pauses", language, n=len(delivery.long_pauses), where=where))
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
        notes.append(wording.say("hedges", language, n=delivery.hedging_count))
    return Criterion(
        name="delivery",
        score=_clamp(score),
        weight=WEIGHTS["delivery"],
        explanation=wording.say("delivery", language, notes=wording.joined(notes, language)),
    )


def score_answer(data: ScoringInput, language: str = "en") -> AnswerScore:
    """By meaning when `data.meaning` holds the adapter's similarities, by keywords otherwise; explained in
    the interview's `language`."""
    transcript = data.transcript.strip()
    if data.meaning is not None and transcript:
        from .scoring_by_meaning import score_by_meaning

        delivery = delivery_criterion(data.delivery, language)
        return score_by_meaning(data, data.meaning, delivery, language=language)
    tokens = fx.words(transcript)
    count = len(tokens)
    answer = fx.content_stems(transcript)
    hits = extract_skills(transcript)
    tools = unique_skills(h for h in hits if h.kind == "technical")
    jd_lower = {t.casefold() for t in data.jd_terms}
    jd_used = [s for s in unique_skills(hits) if s.casefold() in jd_lower]

    relevance, overlap = _relevance(data, answer, jd_used, language)
    structure, star = _structure(data, language)
    specificity, numbers, actions = _specificity(transcript, tools, language)
    star_parts = sum(1 for pattern in fx.STAR_CUES.values() if pattern.search(transcript)) if star else 0
    off_topic = count >= 5 and overlap <= 1 and not jd_used and star_parts < 2 and not tools
    shown = credited_evidence(
        data.probe_reply, transcript, fx.sentences(transcript), assess_text(transcript), off_topic=off_topic
    )
    completeness, covered, missing = _completeness(data, answer, count, star, language, shown)
    criteria = [relevance, structure, specificity, completeness]
    delivery = delivery_criterion(data.delivery, language)
    if delivery is not None:
        criteria.append(delivery)
    total_weight = sum(c.weight for c in criteria)
    score = sum(c.score * c.weight for c in criteria) / total_weight

    caps: list[str] = []
    if count == 0:
        score, caps = 0.0, [wording.say("cap_no_answer", language)]
    elif count < 5:
        score = min(score, 1.0)
        caps.append(wording.say("cap_one_word" if count == 1 else "cap_few_words", language, n=count))
    elif off_topic:
        score = min(score, 2.0)
        caps.append(wording.say("cap_kw_off_topic", language))
    elif count < 12:
        score = min(score, 4.0)
        caps.append(wording.say("cap_very_short", language, n=count))
    elif count < THIN_WORDS:
        score = min(score, 6.0)
        caps.append(wording.say("cap_short", language, n=count))

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
