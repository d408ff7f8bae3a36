"""A practice plan: 3-5 drills built from a finished interview, ticked off by measured results only.

A drill names the question(s) to answer again, the points a strong answer covers, and, where the delivery
was outside its guidance band, a delivery target taken from that same band. The plan has the same structure
and the same tick-off rule whichever engine wrote its wording. Its own sentences are in the interview's language
(`practice_plan_texts`); a plan is stored whole, so one written before keeps the words it was written in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import mean
from uuid import UUID

from pydantic import Field

from . import practice_plan_texts as texts
from .attempts import PracticeAttempt
from .competency_names import competency_name
from .delivery import DeliveryMetrics, GuidanceBand
from .enums import AnswerMode, Language, Source
from .interview import InterviewSession
from .numbering import question_labels
from .records import Model, Record


@dataclass(frozen=True)
class PlanRules:
    # An answer below this is worth drilling; at or above it a drill's question counts as done.
    pass_score: float = 7.0
    # Fewer drills than this is no plan; more than this is a to-do list nobody finishes.
    min_drills: int = 3
    max_drills: int = 5
    # Each drill names at most this many questions, so one sitting can finish it.
    questions_per_drill: int = 2


class DeliveryTarget(Model):
    metric: str
    high: float | None = None
    low: float | None = None
    unit: str
    measured: float = Field(description="the interview's figure that put this target in the plan")
    # English for a target stored before plans were worded in the interview's language: its label stays as read.
    language: Language = Language.EN

    @property
    def label(self) -> str:
        return texts.target_label(self.metric, self.low, self.high, self.unit, self.language)

    def met_by(self, delivery: DeliveryMetrics) -> bool:
        value = _figure(delivery, self.metric)
        if value is None:
            return False
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


class Drill(Model):
    key: str = Field(description="stable within a plan: what the drill is about")
    title: str
    reason: str = Field(description="the evidence that put this drill in the plan: a score or a figure")
    competency: str = ""
    question_ids: list[UUID]
    question_refs: list[str]
    question_texts: list[str]
    points: list[str] = Field(description="what a strong answer covers")
    delivery_target: DeliveryTarget | None = None
    done: bool = False
    done_evidence: str = ""


class PracticePlan(Record):
    session_id: UUID
    drills: list[Drill]
    source: Source = Field(description="the engine that wrote the wording; structure and rules are fixed")


class QuestionResult(Model):
    question_id: UUID
    ref: str
    text: str
    competency: str
    score: float
    points: list[str] = Field(description="the question's expected points: what a strong answer covers")
    improvements: list[str] = Field(description="the report's 'to improve' lines for this answer")
    delivery: DeliveryMetrics | None = None


def question_results(session: InterviewSession) -> list[QuestionResult]:
    """Per-question results of a reported session, with the points its report says were missed; each
    question labelled as its report labels it ("Q2 follow-up", in French "Q2 relance")."""
    report = session.reports.questions
    if report is None:
        return []
    refs = question_labels(session.questions, session.config.language)
    by_id = {q.id: q for q in session.questions}
    results: list[QuestionResult] = []
    for item in report.items:
        question = by_id.get(item.question_id)
        if question is None:
            continue
        results.append(
            QuestionResult(
                question_id=question.id,
                ref=refs[question.id],
                text=question.text,
                competency=question.competency or "general",
                score=item.score,
                points=list(question.expected_points),
                improvements=list(item.to_improve),
                delivery=item.delivery,
            )
        )
    return results


def build_plan(
    session_id: UUID,
    results: Sequence[QuestionResult],
    skill_gaps: Sequence[str],
    overall_delivery: DeliveryMetrics | None,
    bands: Sequence[GuidanceBand],
    rules: PlanRules = PlanRules(),
    source: Source = Source.OFFLINE,
    language: Language = Language.EN,
) -> PracticePlan:
    """Drills for the weakest competencies first, then skill gaps, then the next-weakest answers, worded in
    `language` (the interview's)."""
    targets = delivery_targets(overall_delivery, bands, language)
    drills: list[Drill] = []
    for competency, items in _weak_competencies(results, rules):
        drills.append(_content_drill(competency, items, rules, language))
    for skill in skill_gaps:
        if len(drills) >= rules.max_drills - 1:
            break
        drill = _gap_drill(skill, results, {q for d in drills for q in d.question_ids}, language)
        if drill is not None:
            drills.append(drill)
    used = {q for d in drills for q in d.question_ids}
    for item in sorted((r for r in results if r.question_id not in used), key=lambda r: r.score):
        if len(drills) >= rules.min_drills:
            break
        drills.append(_content_drill(item.competency, [item], rules, language, polish=True))
    drills = drills[: rules.max_drills]
    # The most pressing delivery targets ride on the drills in order: every spoken re-answer practises one.
    for drill, target in zip(drills, targets, strict=False):
        drill.delivery_target = target
    return PracticePlan(session_id=session_id, drills=drills, source=source)


def tick_off(
    plan: PracticePlan,
    attempts: Iterable[PracticeAttempt],
    rules: PlanRules = PlanRules(),
    language: Language = Language.EN,
) -> PracticePlan:
    """A drill is done when every question it names has an attempt at the pass score that also meets the
    delivery target (spoken, so that delivery was measured). Clicking never ticks a drill. The evidence is
    written in `language`."""
    best: dict[UUID, list[PracticeAttempt]] = defaultdict(list)
    for attempt in attempts:
        best[attempt.question_id].append(attempt)
    drills: list[Drill] = []
    for drill in plan.drills:
        evidence: list[str] = []
        for question_id, ref in zip(drill.question_ids, drill.question_refs, strict=True):
            passing = [a for a in best.get(question_id, []) if _passes(a, drill, rules)]
            if not passing:
                break
            latest = max(passing, key=lambda a: a.created_at)
            evidence.append(_evidence(ref, latest, drill.delivery_target, language))
        done = len(evidence) == len(drill.question_ids)
        joined = texts.say("evidence_separator", language).join(evidence) if done else ""
        drills.append(drill.model_copy(update={"done": done, "done_evidence": joined}))
    return plan.model_copy(update={"drills": drills})


def delivery_targets(
    delivery: DeliveryMetrics | None, bands: Sequence[GuidanceBand], language: Language = Language.EN
) -> list[DeliveryTarget]:
    """One target per guidance band the interview was outside of, furthest outside first."""
    if delivery is None:
        return []
    found: list[tuple[float, DeliveryTarget]] = []
    for band in bands:
        value = _figure(delivery, band.metric)
        if value is None:
            continue
        over = (value - band.high) / band.high if band.high else 0.0
        under = (band.low - value) / band.low if band.low else 0.0
        if max(over, under) <= 0:
            continue
        target = DeliveryTarget(
            metric=band.metric, high=band.high, low=band.low, unit=band.unit, measured=value, language=language
        )
        found.append((max(over, under), target))
    return [t for _, t in sorted(found, key=lambda pair: -pair[0])]


def _figure(delivery: DeliveryMetrics, metric: str) -> float | None:
    if metric == "long_pauses":
        return float(len(delivery.long_pauses))
    value = getattr(delivery, metric, None)
    return None if value is None else float(value)


def _weak_competencies(
    results: Sequence[QuestionResult], rules: PlanRules
) -> list[tuple[str, list[QuestionResult]]]:
    groups: dict[str, list[QuestionResult]] = defaultdict(list)
    for item in results:
        groups[item.competency].append(item)
    weak = [(c, items) for c, items in groups.items() if mean(i.score for i in items) < rules.pass_score]
    weak.sort(key=lambda pair: mean(i.score for i in pair[1]))
    return [(c, sorted(items, key=lambda i: i.score)) for c, items in weak[: rules.max_drills - 1]]


def _content_drill(
    competency: str, items: Sequence[QuestionResult], rules: PlanRules, language: Language, *, polish: bool = False
) -> Drill:
    chosen = list(items[: rules.questions_per_drill])
    scores = texts.say("separator", language).join(_scored(i, language) for i in chosen)
    points = _unique(p for i in chosen for p in (i.points or i.improvements))
    return Drill(
        key=f"{'polish' if polish else 'competency'}:{competency}",
        title=texts.say("polish" if polish else "strengthen", language, competency=competency_name(competency, language)),
        reason=scores,
        competency=competency,
        question_ids=[i.question_id for i in chosen],
        question_refs=[i.ref for i in chosen],
        question_texts=[i.text for i in chosen],
        points=points,
    )


GAP_PREFIX = "gap:"


def names_skill(text: str, skill: str) -> bool:
    """The skill as a whole word or phrase ("C++" and "Node.js" included), case-insensitively."""
    return re.search(rf"(?<!\w){re.escape(skill.strip())}(?!\w)", text, re.IGNORECASE) is not None


def _gap_drill(skill: str, results: Sequence[QuestionResult], used: set[UUID], language: Language) -> Drill | None:
    """The question that comes closest to the missing skill, answered again with a concrete example of it."""
    free = [r for r in results if r.question_id not in used]
    if not free:
        return None
    mentions = [r for r in free if skill.casefold() in r.text.casefold()]
    item = (mentions or sorted(free, key=lambda r: r.score))[0]
    return Drill(
        key=f"{GAP_PREFIX}{skill}",
        title=texts.say("gap_title", language, skill=skill),
        reason=texts.say("gap_reason", language, skill=skill, scored=_scored(item, language)),
        competency=item.competency,
        question_ids=[item.question_id],
        question_refs=[item.ref],
        question_texts=[item.text],
        points=_unique([texts.say("gap_point", language, skill=skill), *item.points]),
    )


def _scored(item: QuestionResult, language: Language) -> str:
    return texts.say("scored", language, ref=item.ref, score=round(item.score, 1))


def _passes(attempt: PracticeAttempt, drill: Drill, rules: PlanRules) -> bool:
    if attempt.score < rules.pass_score:
        return False
    if drill.key.startswith(GAP_PREFIX) and not names_skill(attempt.transcript, drill.key.removeprefix(GAP_PREFIX)):
        return False  # a good answer that never shows the missing skill does not close the gap
    if drill.delivery_target is None:
        return True
    if attempt.mode is AnswerMode.TYPED or attempt.delivery is None:
        return False
    return drill.delivery_target.met_by(attempt.delivery)


def _evidence(ref: str, attempt: PracticeAttempt, target: DeliveryTarget | None, language: Language) -> str:
    scorer = texts.scorer_name(attempt.scored_by, attempt.source is not Source.GEMINI, language)
    text = texts.say(
        "evidence", language, ref=ref, date=f"{attempt.created_at:%Y-%m-%d}", score=round(attempt.score, 1), scorer=scorer
    )
    if target is not None and attempt.delivery is not None:
        value = _figure(attempt.delivery, target.metric)
        text += texts.say(
            "evidence_delivery",
            language,
            name=texts.metric_words(target.metric, language),
            value=value,
            unit=texts.unit_words(target.metric, target.unit, language),
        )
    return text


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)
