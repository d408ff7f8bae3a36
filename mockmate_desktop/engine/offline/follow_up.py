"""The offline follow-up: a brief acknowledgement, then one precise probe chosen from what the answer did.

The decision reads the scorer's `AnswerScore` (off_topic, star, numbers, thin, vague, covered and missing
points) and the answer's own cues (`domain.answer_signals`), in this order:

1. nothing said: no follow-up (repeating the question helps nobody);
2. off-topic: "That's not quite what I asked", and the question again (not for "I did my best": filler is
   drawn out, never called off-topic);
3. "I don't know" or a few words: how would they work it out (technical) or one specific time (behavioural);
4. a general claim with no scene (vague, no situation): one specific time; a story without its actions or its
   result: ask for exactly that part;
5. an improvement without a figure: by how much, measured how;
6. a choice without a reason: why that over the alternative;
7. vague (no tools, figures or actions): make it concrete;
8. short (the scorer's `thin`): the bank's own targeted probe, else "walk me through it";
9. at experienced and expert a complete answer is probed too: the trade-off, else what they would do
   differently; an answer that already weighed both, and any complete answer at beginner and intermediate,
   moves on.

The probe never names an expected point: those stay with the scorer as the follow-up's rubric.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ...domain.answer_quality import says_dont_know
from ...domain.answer_signals import read_signals
from ...domain.enums import Difficulty, Language
from ...domain.scoring import AnswerScore
from . import follow_up_texts as say
from .bank import BankEntry

RAMBLING_WORDS = 25  # a vague answer this long is drawn out as vague, not called off-topic
FEW_WORDS = 12
EXPLAINED_WORDS = 40  # an answer this long that states a choice has usually explained it  # below this an answer is a fragment: there is nothing specific to probe yet
STRONG_SCORE = 7.0  # from here the acknowledgement is warm
_SENIOR = (Difficulty.EXPERIENCED, Difficulty.EXPERT)


@dataclass(frozen=True)
class FollowUpPlan:
    reason: str  # the probe's key in follow_up_texts.PROBES, or "off_topic" or "bank"
    text: str
    expected_points: list[str]
    # The key of follow_up_texts.PROBE_POINTS when `expected_points` are that probe's rubric, so the scorer
    # reads them from the reply's structure too (domain/probe_evidence.py); "" when they are the bank's points.
    probe: str = ""


@dataclass(frozen=True)
class Turn:
    """The main question and its answer, as the follow-up decision needs them."""

    question: str
    transcript: str
    behavioural: bool
    difficulty: Difficulty
    language: Language


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big")


def choose_probe(score: AnswerScore, turn: Turn, entry: BankEntry | None) -> str | None:
    """The probe key for this answer, or None to move on. "bank" means the question's own follow-up."""
    if score.word_count == 0:
        return None
    signals = read_signals(turn.transcript, bool(score.numbers))
    # A long answer with no tools, figures or actions is vague rather than about something else.
    rambling = score.vague and not score.tools and score.word_count >= RAMBLING_WORDS
    if score.off_topic and not signals.empty and not signals.dont_know and not rambling:
        return "off_topic"
    if signals.dont_know or signals.empty or score.word_count < FEW_WORDS:
        return "star_example" if turn.behavioural else "approach"
    missing_star = set(score.star_missing) if turn.behavioural else set()
    # A general claim with no scene ("I always try to be a team player") has no story yet: asking how it
    # turned out, or what the candidate did, presumes one. Ask for one specific time first.
    if turn.behavioural and (len(missing_star) == 4 or (score.vague and "situation" in missing_star)):
        return "star_example"
    # The scorer's STAR reading is confirmed by the answer's own words before a part is asked for: a story
    # that says "we shipped on Friday" has its result, whatever a keyword list found.
    if "action" in missing_star and signals.own_steps < 2:
        return "star_action"
    if "result" in missing_star and not signals.outcome:
        return "star_result"
    if signals.improvement_without_figure:
        return "quantify"
    if signals.choice_without_reason and not turn.behavioural and score.word_count < EXPLAINED_WORDS:
        return "why"
    if score.vague and signals.own_steps < 2:
        return "concrete"
    # Only a short answer is asked for more: counting covered rubric points by words misreads long answers
    # phrased in other words (and every hi/fr answer, whose rubric is English).
    has_bank = entry is not None and bool(entry.follow_ups_in(turn.language))
    if score.thin:
        return "bank" if has_bank else "more"
    if turn.difficulty in _SENIOR:
        if not signals.trade_off and not turn.behavioural:
            return "trade_off"
        if not signals.reflection:
            return "differently"
    return None  # complete: at senior level it weighed its trade-offs and looked back, so move on


def plan_follow_up(score: AnswerScore, turn: Turn, entry: BankEntry | None) -> FollowUpPlan | None:
    key = choose_probe(score, turn, entry)
    if key is None:
        return None
    language = turn.language
    if key == "off_topic":
        return FollowUpPlan(
            reason=key,
            text=say.off_topic(turn.question, language),
            expected_points=list(entry.points_in(language))
            if entry is not None
            else score.missing_points[:4],
        )
    if key == "approach":
        return FollowUpPlan(
            reason=key,
            text=say.probe(key, language),
            expected_points=say.probe_points(key, language),
            probe=key,
        )
    warm = score.score >= STRONG_SCORE and key in ("trade_off", "differently", "bank", "quantify", "why")
    tone = "warm" if warm else "reassure" if says_dont_know(turn.transcript) else "neutral"
    acknowledgement = say.ack(tone, language, _seed(turn.transcript))
    if key == "bank" and entry is not None:
        probe = entry.follow_ups_in(language)[0]
        points = score.missing_points[:4] or list(entry.points_in(language))[:3]
        rubric = ""
    else:
        probe = say.probe(key, language)
        points = say.probe_points(key, language)
        rubric = key
    return FollowUpPlan(reason=key, text=f"{acknowledgement} {probe}", expected_points=points, probe=rubric)
