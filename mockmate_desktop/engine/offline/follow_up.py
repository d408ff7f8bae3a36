"""The offline follow-up rule: one targeted question for a thin, vague or STAR-incomplete answer."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.enums import Language
from ...domain.scoring import AnswerScore
from . import texts
from .bank import BankEntry

_STAR_POINTS = {
    "situation": "Describes the situation: where, when and why it mattered",
    "task": "States their own task or goal",
    "action": "Explains the actions they personally took",
    "result": "Gives the result, ideally with a number, and what they learned",
}


@dataclass(frozen=True)
class FollowUpPlan:
    reason: str  # star | thin | vague
    text: str
    expected_points: list[str]


def plan_follow_up(
    score: AnswerScore, behavioural: bool, entry: BankEntry | None, language: Language
) -> FollowUpPlan | None:
    if score.word_count == 0:
        return None  # nothing was said: a follow-up would only repeat the question
    missing_star = score.star_missing if behavioural else []
    if missing_star and len(missing_star) < 4:
        names = [texts.STAR_PARTS[p][language.value][0] for p in missing_star]
        asks = [texts.STAR_PARTS[p][language.value][1] for p in missing_star[:2]]
        joiner = {"en": " and ", "hi": " और ", "fr": " et "}[language.value]
        return FollowUpPlan(
            reason="star",
            text=texts.text("fu_star", language, missing=joiner.join(names), ask=joiner.join(asks)),
            expected_points=[_STAR_POINTS[p] for p in missing_star],
        )
    if score.thin or (behavioural and len(missing_star) == 4):
        # A bank follow-up builds on what was said; after a few words or an off-topic answer ask for more instead.
        substantial = score.word_count >= 12 and not score.off_topic
        bank_follow_ups = entry.follow_ups_in(language) if entry is not None and substantial else ()
        detail = bank_follow_ups[0] if bank_follow_ups else texts.text("fu_thin_detail", language)
        if not bank_follow_ups and score.missing_points and language is Language.EN:
            detail = texts.text("fu_point", language, point=score.missing_points[0].rstrip(". "))
        return FollowUpPlan(
            reason="thin",
            text=texts.text("fu_thin", language, detail=detail),
            expected_points=score.missing_points[:4],
        )
    if score.vague:
        return FollowUpPlan(
            reason="vague",
            text=texts.text("fu_vague", language),
            expected_points=[
                "Names the tools or methods used",
                "Describes concrete actions",
                "Gives figures",
            ],
        )
    return None
