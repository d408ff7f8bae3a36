"""The offline performance report: category scores with verbatim evidence, skills, and plain analyses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...domain import answer_features as fx
from ...domain import numbers
from ...domain.competency_names import competency_name
from ...domain.enums import Language, Source
from ...domain.interview import InterviewSession
from ...domain.jd_requirements import required_first, requirement_groups, unmet
from ...domain.report_headings import colon
from ...domain.reports import CategoryScore, CategoryScores, ComparativeAnalysis, PerformanceReport
from ...domain.skills import default_lexicon, extract_skills
from . import texts
from .analysis_texts import say
from .assess import Turn

# The same ideas in each interview language: an English-only list read every French and Hindi answer as
# never discussing complexity, while the same answer in English did.
_COMPLEXITY = re.compile(
    r"\b(?:complexity|big o|o\(n|scal\w*|trade-?offs?|latency|throughput|memory|performance|edge cases?)\b"
    r"|\b(?:complexité|montée en charge|passage à l'échelle|compromis|latence|débit|mémoire|performances?"
    r"|cas limites?)\b"
    r"|जटिलता|स्केल|लेटेंसी|देरी|मेमोरी|प्रदर्शन|परफ़ॉर्मेंस|ट्रेड-ऑफ",
    re.IGNORECASE,
)
# Competencies that are also this report's category scores ("technical knowledge", "problem solving"): they
# are scored there, and listed among skill gaps they read as a skill the job asked for.
_CATEGORY_COMPETENCIES = frozenset({"technical knowledge", "problem solving", "communication", "cultural fit"})


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 1) if values else 0.0


def _criterion(turns: Sequence[Turn], name: str) -> list[float]:
    return [c.score for t in turns for c in t.score.criteria if c.name == name]


def _shown_skills(session: InterviewSession, turns: Sequence[Turn], min_score: float = 0.0) -> list[str]:
    """Skills the answers named, in order. A business field named in passing ("the sales team", "ORDER BY
    sales") is the story's setting, not a skill the candidate showed, unless the job asks for it."""
    asked = {h.skill.casefold() for h in extract_skills(session.config.job_description)}
    lexicon = default_lexicon()

    def counts(name: str) -> bool:
        skill = lexicon.get(name)
        return skill is None or skill.category != "business" or name.casefold() in asked

    named = (s for t in turns if t.answered and t.score.score >= min_score for s in t.score.tools)
    return [s for s in dict.fromkeys(named) if counts(s)]


@dataclass(frozen=True)
class _FitReading:
    """What cultural fit is read from, once for the category score and the sentence that explains it: the STAR
    parts each behavioural answer told, or, with no stories, how often the candidate speaks of others."""

    stars: list[int]  # STAR parts told, per behavioural answer
    mentions: int  # mentions of team, colleagues or customers across the answers


def _fit_reading(turns: Sequence[Turn]) -> _FitReading:
    answered = [t for t in turns if t.answered]
    return _FitReading(
        stars=[sum(t.score.star.model_dump().values()) for t in answered if t.behavioural and t.score.star],
        mentions=sum(len(fx.find_all(fx.TEAMWORK, t.answer.transcript)) for t in answered if t.answer),
    )


def _first_quote(turns: Sequence[Turn], pattern: re.Pattern[str]) -> str:
    for turn in sorted(turns, key=lambda t: (-t.score.score, t.question.position)):
        found = fx.sentence_with(turn.answer.transcript if turn.answer else "", pattern)
        if found:
            return found
    return ""


def _best_evidence(turns: Sequence[Turn], name: str) -> str:
    ranked = sorted(
        (
            (c.score, t.question.position, c.evidence)
            for t in turns
            for c in t.score.criteria
            if c.name == name
        ),
        key=lambda item: (-item[0], item[1]),
    )
    return next((ev[0] for _, _, ev in ranked if ev), "")


def _category(
    score: float, count: int, detail: str, evidence: str, language: Language, skipped: int = 0
) -> CategoryScore:
    if count == 0:
        return CategoryScore(score=0.0, comment=texts.text("no_answer", language), evidence="")
    if skipped:
        comment = texts.text("category_skipped", language, n=count, total=count + skipped, detail=detail)
    else:
        comment = texts.text("category_one" if count == 1 else "category", language, n=count, detail=detail)
    return CategoryScore(score=max(0.0, min(10.0, score)), comment=comment, evidence=evidence)


def _per_question(turns: Sequence[Turn], *names: str) -> list[float]:
    """Each answer's mean over the named criteria: one value a question, so that a skipped question's zero
    weighs as much as an answered one (pooling the criteria gave an answer two votes to a skip's one)."""
    values = []
    for turn in turns:
        found = [c.score for c in turn.score.criteria if c.name in names]
        if found:
            values.append(sum(found) / len(found))
    return values


def _categories(turns: Sequence[Turn], reading: _FitReading, language: Language) -> CategoryScores:
    answered = [t for t in turns if t.answered]
    technical = [t for t in answered if not t.behavioural] or answered
    n = len(answered)
    # Skipped questions count as zero in every category: not answering is itself the finding.
    pad = [0.0] * (len(turns) - n)

    comm = _mean([*_per_question(answered, "structure", "relevance"), *pad])
    tech = _mean([*_per_question(technical, "completeness", "relevance"), *pad])
    solve = _mean([*_per_question(technical, "specificity", "structure"), *pad])
    # Without stories the only evidence is how often the candidate speaks of working with others.
    fit = _mean([2.5 * s for s in reading.stars] or [min(10.0, 4.0 + reading.mentions)]) if n else 0.0
    fit_detail = (
        say("cat_fit", language) if reading.stars else say("cat_fit_mentions", language, n=reading.mentions)
    )
    delivery = _criterion(answered, "delivery")
    clarity = _mean(delivery) if delivery else _mean([min(10.0, t.score.word_count / 10) for t in answered])
    clarity = round(clarity * n / len(turns), 1) if turns else 0.0

    return CategoryScores(
        communication=_category(
            comm,
            n,
            say("cat_comm", language),
            _best_evidence(answered, "structure"),
            language,
            len(pad),
        ),
        technical_knowledge=_category(
            tech,
            len(technical),
            say("cat_tech", language),
            _best_evidence(technical, "completeness") or _best_evidence(technical, "relevance"),
            language,
            len(pad),
        ),
        problem_solving=_category(
            solve,
            len(technical),
            say("cat_solve", language),
            _best_evidence(technical, "specificity"),
            language,
            len(pad),
        ),
        cultural_fit=_category(
            fit,
            n,
            fit_detail,
            _first_quote(answered, fx.TEAMWORK),
            language,
        ),
        confidence_clarity=_category(
            clarity,
            n,
            say("cat_voice" if delivery else "cat_typed", language),
            _best_evidence(answered, "delivery") or _best_evidence(answered, "relevance"),
            language,
            len(pad),
        ),
    )


def _skills(
    session: InterviewSession, turns: Sequence[Turn], resume_skills: Sequence[str] = ()
) -> tuple[list[str], list[str]]:
    strong = _shown_skills(session, turns, min_score=6)
    # A gap is a requirement that neither an answer nor the resume shows; "Kafka or RabbitMQ" is met by either.
    shown = [*resume_skills, *(s for t in turns for s in t.score.tools)]
    groups = requirement_groups(session.config.job_description)
    # Only an interview that asked technical questions could have shown the job's skills: after stories
    # alone, an unnamed skill is untested, not a gap.
    asked_technical = any(not t.behavioural for t in turns)
    gaps = [g.label for g in required_first(unmet(groups, shown))] if asked_technical else []
    language = session.config.language
    weak = sorted(
        {
            competency_name(t.question.competency, language)
            for t in turns
            if t.question.competency
            and t.question.competency.casefold() not in _CATEGORY_COMPETENCIES
            and t.score.score < 5
        }
    )
    return strong[:8], [*gaps[:6], *weak[:4]]


def _comparative(turns: Sequence[Turn], tools: Sequence[str], language: Language) -> ComparativeAnalysis:
    answered = [t for t in turns if t.answered]
    technical = [t for t in answered if not t.behavioural]
    behavioural = [t for t in answered if t.behavioural]
    # The same reading as each answer's structure line ("reasoning words: …"), so the two never disagree.
    reasoned = [t for t in technical if t.answer and fx.find_all(fx.REASONING, t.answer.transcript)]
    complexity = [t for t in technical if t.answer and _COMPLEXITY.search(t.answer.transcript)]
    complete = [t for t in behavioural if t.score.star and not t.score.star_missing]
    missing: dict[str, int] = {}
    for t in behavioural:
        for part in t.score.star_missing:
            missing[part] = missing.get(part, 0) + 1
    most = max(sorted(missing), key=lambda p: missing[p]) if missing else ""
    star = say("no_beh", language)
    if behavioural:
        star = say("star", language, a=len(complete), b=len(behavioural))
        star += say("star_missing", language, part=texts.STAR_PARTS[most][language.value][0]) if most else "."
    return ComparativeAnalysis(
        approach=say("approach", language, a=len(reasoned), b=len(technical))
        if technical
        else say("no_tech", language),
        complexity=say("complexity", language, a=len(complexity), b=len(technical))
        if technical
        else say("no_tech", language),
        stack=say("stack", language, tools=", ".join(tools[:10])) if tools else say("no_stack", language),
        star=star,
    )


def _quantitative(turns: Sequence[Turn], tools: Sequence[str], language: Language) -> str:
    answered = [t for t in turns if t.answered]
    metrics = [t.answer.delivery for t in answered if t.answer and t.answer.delivery]
    speaking = sum(m.speaking_time_s for m in metrics)
    spoken_words = sum(m.word_count for m in metrics)
    pace = (
        say("pace", language, wpm=numbers.decimal(60 * spoken_words / speaking, language, 0))
        if speaking > 0
        else say("pace_typed", language)
    )
    return say(
        "quant",
        language,
        asked=len(turns),
        follow_ups=sum(1 for t in turns if t.question.parent_id is not None),
        answered=len(answered),
        scores=", ".join(f"{t.label}{colon(language)}{numbers.general(t.score.score, language)}" for t in turns),
        words=sum(t.score.word_count for t in answered),
        pace=pace,
        # Typed answers have no audio: a dash, as the pace says "not measured", never a measured-looking 0.
        fillers=sum(m.filler_count for m in metrics) if speaking > 0 else "—",
        pauses=sum(len(m.long_pauses) for m in metrics) if speaking > 0 else "—",
        figures=sum(len(t.score.numbers) for t in answered),
        tools=len(tools),
    )


def _qualitative(turns: Sequence[Turn], language: Language) -> str:
    answered = sorted((t for t in turns if t.answered), key=lambda t: (-t.score.score, t.question.position))
    if not answered:
        return say("qual_none", language)
    best, worst = answered[0], answered[-1]
    parts = [
        say("qual_best", language, n=best.label, s=numbers.general(best.score.score, language)),
        " ".join(c.explanation for c in best.score.criteria[:2]),
    ]
    if worst is not best:
        parts.append(say("qual_worst", language, n=worst.label, s=numbers.general(worst.score.score, language)))
        parts.append(
            " ".join(worst.score.caps or [c.explanation for c in worst.score.criteria if c.score < 5][:2])
        )
    off = [t.label for t in sorted(turns, key=lambda t: t.question.position) if t.answered and t.score.missed_question]
    if off:
        parts.append(say("qual_off", language, numbers=", ".join(off)))
    return " ".join(p for p in parts if p)


def performance(
    session: InterviewSession, turns: Sequence[Turn], model_name: str, resume_skills: Sequence[str] = ()
) -> PerformanceReport:
    language = session.config.language
    from .report_builder import strengths_and_improvements

    strengths, _ = strengths_and_improvements(turns, language)
    strong, gaps = _skills(session, turns, resume_skills)
    reading = _fit_reading(turns)
    categories = _categories(turns, reading, language)
    # One reading of the tools the answers named, for the "stack" line and the count beside it: the count
    # had counted a business field in passing ("the sales team") that the stack line leaves out.
    tools = _shown_skills(session, turns)
    teamwork_quote = categories.cultural_fit.evidence
    fit_score = numbers.general(categories.cultural_fit.score, language)
    fit = (
        say("fit", language, s=fit_score, n=len(reading.stars))
        if reading.stars
        else say("fit_mentions", language, s=fit_score, m=reading.mentions)
    )
    fit += say("fit_example", language, quote=teamwork_quote) if teamwork_quote else ""
    return PerformanceReport(
        source=Source.OFFLINE,
        model_name=model_name,
        strengths=strengths,
        strong_skills=strong,
        skill_gaps=gaps,
        category_scores=categories,
        comparative_analysis=_comparative(turns, tools, language),
        quantitative_analysis=_quantitative(turns, tools, language),
        qualitative_analysis=_qualitative(turns, language),
        cultural_fit=fit,
        final_remarks=texts.text("final_remarks", language, disclaimer=texts.text("disclaimer", language)),
    )
