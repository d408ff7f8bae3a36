"""Scores one answer by meaning: relevance to the question asked, coverage of each expected point, STAR parts
and substance, with keyword lists, padding and "I don't know" earning nothing.

Each criterion is 0-10 with an explanation and verbatim evidence; the score is their learned combination
(`scoring_learned.LearnedModel`, fitted on the training part of the development set): the quality read from
structure, specificity, completeness, length and general claims, times the probability that the answer is on
the question asked, then held down by the caps.
"""

from __future__ import annotations

from . import answer_features as fx
from . import scoring_texts as wording
from .answer_quality import context_star_parts
from .meaning import STAR_PARTS, MeaningSignals
from .reports import StarPresence
from .scoring_learned import CLEARLY_ON_QUESTION, DEFAULT_LEARNED, HARDLY_ON_QUESTION, LearnedModel, inputs
from .scoring_meaning import DEFAULT_MODEL, MeaningFeatures, MeaningModel, features
from .scoring_models import AnswerScore, Criterion, ScoringInput
from .skills import extract_skills, unique_skills


def _clamp(value: float) -> float:
    return round(max(0.0, min(10.0, value)), 1)


def partly_on_question(f: MeaningFeatures, on_question: float | None) -> bool:
    """Not held down as off the question, yet not clearly on it by the learned reading either."""
    return (
        not f.off_topic
        and not f.quality.dont_know
        and on_question is not None
        and on_question < CLEARLY_ON_QUESTION
    )


def _relevance(
    f: MeaningFeatures,
    model: MeaningModel,
    signals: MeaningSignals,
    language: str,
    on_question: float | None = None,
) -> Criterion:
    """`on_question`: the learned probability, once known. The text must agree with it, since it multiplies
    the score: an answer it doubts is not said to address the question."""
    best = max(range(len(signals.sentences)), key=lambda i: (signals.question_by_sentence[i], -i))
    if f.other_question:
        text = wording.say("relevance_other", language, rival=signals.bank_rival, fit=signals.bank_margin)
    elif f.off_topic_weak:
        text = wording.say("relevance_weak", language, z=f.margin)
    elif f.off_topic:
        text = wording.say("relevance_off", language, z=f.margin)
    elif f.quality.dont_know:
        text = wording.say("relevance_dont_know", language)
    elif partly_on_question(f, on_question):
        key = "relevance_partly" if signals.bank_rival else "relevance_partly_plain"
        if on_question is not None and on_question < HARDLY_ON_QUESTION:
            key = "relevance_hardly"
        text = wording.say(key, language, z=f.margin, rival=signals.bank_rival)
    else:
        text = wording.say("relevance_on", language, z=f.margin)
    return Criterion(
        name="relevance",
        score=_clamp(10 * f.relevance),
        weight=model.weights["relevance"],
        explanation=text,
        evidence=[signals.sentences[best]],
    )


def _completeness(f: MeaningFeatures, model: MeaningModel, language: str) -> Criterion:
    if not f.points:
        return Criterion(
            name="completeness",
            score=_clamp(10 * f.reference),
            weight=model.weights["completeness"],
            explanation=wording.say("completeness_reference", language),
        )
    counts = {s: sum(1 for p in f.points if p.status == s) for s in ("covered", "partly", "missing")}
    missing = [p.point for p in f.points if p.status == "missing"]
    text = wording.say(
        "completeness_missing" if missing else "completeness",
        language,
        covered=counts["covered"],
        total=len(f.points),
        partly=counts["partly"],
        missing=wording.joined(missing[:3], language),
    )
    return Criterion(
        name="completeness",
        score=_clamp(10 * (0.7 * f.coverage + 0.3 * f.reference)),
        weight=model.weights["completeness"],
        explanation=text,
        evidence=list(dict.fromkeys(p.quote for p in f.points if p.quote))[:2],
    )


def _specificity(f: MeaningFeatures, model: MeaningModel, language: str) -> Criterion:
    s = f.substance
    raw = (
        0.40 * min(1.0, len(s.numbers) / 2)
        + 0.30 * min(1.0, len(s.tools) / 2)
        + 0.30 * min(1.0, s.actions / 2)
    )
    text = wording.say(
        "specificity_stuffed" if f.quality.stuffed else "specificity",
        language,
        numbers=len(s.numbers),
        number_list=wording.listing(s.numbers, language, shown=4),
        tools=len(s.tools),
        tool_list=wording.listing(list(s.tools_said) or s.tools, language, shown=4),
        actions=s.actions,
    )
    evidence = [s.quote] if s.quote else []
    return Criterion(
        name="specificity",
        score=_clamp(10 * raw),
        weight=model.weights["specificity"],
        explanation=text,
        evidence=evidence,
    )


def _structure(
    data: ScoringInput, f: MeaningFeatures, model: MeaningModel, language: str
) -> tuple[Criterion, StarPresence | None]:
    if data.behavioural:
        present = [p for p in STAR_PARTS if p in f.star]
        present = list(dict.fromkeys([*present, *context_star_parts(data.context, data.transcript)]))
        missing = [p for p in STAR_PARTS if p not in present]
        text = wording.say(
            "star_meaning_missing" if missing else "star_meaning",
            language,
            n=len(present),
            told=wording.told(present, language),
            missing=", ".join(wording.part(p, language) for p in missing),
        )
        if f.quality.labels >= 2 and f.quality.stuffed:
            text += " " + wording.say("star_headings", language, n=f.quality.labels)
        star = StarPresence(**{p: p in present for p in STAR_PARTS})
        return Criterion(
            name="structure",
            score=_clamp(2.5 * len(present)),
            weight=model.weights["structure"],
            explanation=text,
            evidence=list(dict.fromkeys(f.star.values()))[:3],
        ), star
    markers = list(dict.fromkeys(m.casefold() for m in fx.find_all(fx.REASONING, data.transcript)))
    told = f.substance.story
    raw = min(1.0, told / 4) * 0.6 + min(1.0, len(markers) / 3) * 0.4
    text = wording.say(
        "reasoning" if markers else "reasoning_none", language, n=told, words=", ".join(markers[:5])
    )
    quote = fx.sentence_with(data.transcript, fx.REASONING)
    return Criterion(
        name="structure",
        score=_clamp(10 * raw),
        weight=model.weights["structure"],
        explanation=text,
        evidence=[quote] if quote else [],
    ), None


def combine(
    values: dict[str, float],
    weights: dict[str, float],
    f: MeaningFeatures,
    length_share: float = 0.45,
    claim_penalty: float = 0.0,
    *,
    language: str = "en",
) -> tuple[float, list[str]]:
    """The hand-weighted mean of the criteria with length's diminishing returns, then the caps: the rubric
    before the learned combination, kept for the fitting script's comparison (tests/support/fit_scoring.py)."""
    total = sum(weights[name] for name in values)
    score = sum(v * weights[name] for name, v in values.items()) / total if total else 0.0
    score *= 1.0 - length_share + length_share * f.length
    caps: list[str] = []
    if f.claims and claim_penalty > 0:
        score *= 1.0 - claim_penalty * f.claim_share
        caps.append(_claims_note(f, lowers=False, language=language))
    score, more = apply_caps(score, f, language=language)
    return score, caps + more


def _claims_note(f: MeaningFeatures, *, lowers: bool, language: str = "en") -> str:
    """The general claims quoted as evidence; `lowers` says whether they lowered the score."""
    return wording.say(
        "claims_lowering" if lowers else "claims",
        language,
        n=len(f.claims),
        total=f.substance.sentences,
        quote=f.claims[0],
    )


def apply_caps(score: float, f: MeaningFeatures, *, language: str = "en") -> tuple[float, list[str]]:
    """The caps that keep gaming and non-answers low whatever the criteria say, each with its reason."""
    q = f.quality
    caps: list[str] = []
    if q.dont_know:
        score = min(score, 1.0)
        caps.append(wording.say("cap_dont_know", language))
    elif f.off_topic and f.other_question:
        score = min(score, 2.0)
        caps.append(wording.say("cap_other_question", language, rival=f.rival))
    elif f.off_topic:
        score = min(score, 2.0)
        caps.append(wording.say("cap_weak" if f.off_topic_weak else "cap_off_topic", language, z=f.margin))
    if q.stuffed:
        score = min(score, 1.5)
        key = "cap_stuffed_headings" if q.labels else "cap_stuffed"
        caps.append(wording.say(key, language, share=q.list_share, labels=q.labels))
    if q.padded:
        score = min(score, 3.5) * (1.0 - min(0.5, q.repetition))
        caps.append(wording.say("cap_padded", language, repeated=q.repetition, fillers=q.fillers))
    if q.words < 5:
        score = min(score, 1.0)
        caps.append(wording.say("cap_one_word" if q.words == 1 else "cap_few_words", language, n=q.words))
    return score, caps


def criteria_for(
    data: ScoringInput,
    f: MeaningFeatures,
    signals: MeaningSignals,
    model: MeaningModel,
    *,
    language: str = "en",
) -> tuple[list[Criterion], StarPresence | None]:
    """The criteria explained in `language` (the wording only: the scores do not depend on it)."""
    structure, star = _structure(data, f, model, language)
    criteria = [_relevance(f, model, signals, language), structure, _specificity(f, model, language)]
    if f.points or signals.reference is not None:
        # With neither rubric points nor a model answer there is nothing to be complete against.
        criteria.append(_completeness(f, model, language))
    return criteria, star


def _explained(
    criteria: list[Criterion],
    learned: LearnedModel,
    on_question: float,
    quality: float,
    *,
    language: str = "en",
) -> list[Criterion]:
    """The criteria with the learned model's reading: relevance becomes the probability of being on the
    question (it multiplies the score), the others carry their learned weight within the quality."""
    total = sum(max(0.0, w) for w in learned.quality_weights.values()) or 1.0
    out = []
    for c in criteria:
        if c.name == "relevance":
            out.append(
                c.model_copy(
                    update={
                        "score": _clamp(10 * on_question),
                        "weight": 1.0,
                        "explanation": c.explanation
                        + " "
                        + wording.say("on_question", language, p=on_question, quality=quality),
                    }
                )
            )
        else:
            out.append(
                c.model_copy(
                    update={"weight": round(max(0.0, learned.quality_weights.get(c.name, 0.0)) / total, 3)}
                )
            )
    return out


def score_by_meaning(
    data: ScoringInput,
    signals: MeaningSignals,
    delivery: Criterion | None,
    model: MeaningModel = DEFAULT_MODEL,
    learned: LearnedModel = DEFAULT_LEARNED,
    *,
    language: str = "en",
) -> AnswerScore:
    """`language` is the interview's, for the wording; `signals.language` picks the learned scales."""
    transcript = data.transcript.strip()
    f = features(signals, transcript, list(data.expected_points), model, probe=data.probe_reply)
    criteria, star = criteria_for(data, f, signals, model, language=language)
    raw = inputs(signals, f, {c.name: c.score for c in criteria})
    content, on_question, quality = learned.score(signals.language, raw)
    # Relevance is worded again now that the learned reading is known (the other criteria do not depend on it).
    relevance = _relevance(f, model, signals, language, on_question)
    criteria = [relevance if c.name == "relevance" else c for c in criteria]
    criteria = _explained(criteria, learned, on_question, quality, language=language)
    if delivery is not None:
        criteria.append(delivery.model_copy(update={"weight": learned.delivery_share}))
        # Delivery scales what was said (up to its share off when far outside the bands) and never adds to
        # it: a quote read out fluently is still not an answer.
        content *= 1.0 - learned.delivery_share * (1.0 - delivery.score / 10.0)
    score, caps = apply_caps(content, f, language=language)
    if f.claims and learned.quality_weights.get("claims", 0.0) < 0:
        caps.insert(0, _claims_note(f, lowers=True, language=language))
    count = f.quality.words
    q = f.quality

    hits = extract_skills(transcript)
    jd_lower = {t.casefold() for t in data.jd_terms}
    covered = [p.point for p in f.points if p.status != "missing"]
    evidence = list(dict.fromkeys(q for c in criteria for q in c.evidence))
    return AnswerScore(
        score=_clamp(score),
        criteria=criteria,
        caps=caps,
        word_count=count,
        star=star,
        covered_points=covered,
        missing_points=[p.point for p in f.points if p.status == "missing"],
        jd_terms_used=[s for s in unique_skills(hits) if s.casefold() in jd_lower],
        tools=f.substance.tools,
        numbers=f.substance.numbers,
        evidence=evidence[:4],
        thin=count < 25,
        vague=count > 0 and not f.substance.numbers and not f.substance.tools and f.substance.actions <= 1,
        off_topic=f.off_topic or q.dont_know,
        method="meaning",
        model=signals.model,
        points=f.points,
        relevance_margin=f.margin,
        wrong_question=f.off_topic and not q.dont_know and count >= 25,
        loosely_related=f.off_topic_weak and not q.dont_know,
        partly_on_question=partly_on_question(f, on_question),
        dont_know=q.dont_know,
        stuffed=q.stuffed,
        padded=q.padded,
        keyword_share=q.list_share,
        star_labels=q.labels,
        repeated_share=q.repetition,
        filler_share=q.fillers,
    )
