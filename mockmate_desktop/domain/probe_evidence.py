"""Structural evidence for the points of a follow-up probe: the move a point names, found in the reply itself.

A probe's rubric ("One real case", "Their own actions", "Names the alternative considered") names what the
reply does, not what it is about, so sentence meaning cannot see it: a reply that plainly told a real case was
reported "missing: Un cas réel" (issue 13). Each point therefore has a reader here, chosen by the probe's key
and the point's index in `engine/offline/follow_up_texts.PROBE_POINTS` (the same in en, hi and fr, so a point
is never recognised by its wording). tests/engine/test_probe_points.py checks that the two tables have the
same shape.

A reader only looks at sentences that tell something (`answer_quality.story_sentences`): a heading or a
keyword list is never evidence, and a reply is read at all only when `may_credit` allows it (both scorers,
by meaning and by keywords, ask it before they read a probe's points).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from . import answer_features as fx
from . import probe_cues as cue
from .answer_quality import FIRST_PERSON_ACTION, TextQuality, story_sentences
from .answer_signals import IMPROVEMENT, REFLECTION, TRADE_OFF
from .skills import extract_skills

EvidenceStatus = Literal["covered", "partly"]
_YEAR = re.compile(r"(?:19|20)\d\d")
# The STAR parts' words ("result", "situation", folded by `answer_features`) are in every behavioural rubric
# and every story: sharing them ties a reply to nothing in particular.
_STORY_WORDS = frozenset({"~situation", "~task", "~action", "~result"})
# What `FIRST_PERSON_ACTION` reads as an act but is a need, a habit or a state: "I need" ends in -ed, and
# "j'ai toujours aimé", "j'ai besoin de", "j'ai été" start like "j'ai classé".
_NOT_DONE = re.compile(
    r"(?:i|we)\s+(?:need|feed|proceed|succeed|exceed)|(?:j'ai|nous avons|on a|je l'ai)\s+(?:toujours|besoin|"
    r"envie|souvent|été|jamais|l'habitude|du mal)"
)


@dataclass(frozen=True)
class EvidenceConfig:
    # Sentences in which the speaker acts, for "their own actions": one act is a step, not an account of what
    # they did. `answer_signals.own_steps` counts any first-person sentence, so "I always try my best. I work
    # with the team." would pass; only past actions count here.
    own_steps: int = 2
    # Content words a reply shares with what the probe digs into before its structure counts. Meaning alone
    # let a story about baking croissants stand as a window-function case: the probe's own words ("one real
    # case, what did you do") fit every story. A reply refers back to the candidate's own answer in few words
    # ("in the end we shipped his design"): one shared word ties it. The question, its rubric and model
    # answer are long enough to share one word with anything ("every"): two. A shared named tool always ties.
    answer_words: int = 1
    topic_words: int = 2


DEFAULT_CONFIG = EvidenceConfig()


@dataclass(frozen=True)
class Evidence:
    status: EvidenceStatus
    quote: str  # the sentence that shows the point, verbatim: every feedback line cites its evidence
    shown_by: str  # what in that sentence shows it: a figure, a tool, or the cue phrase


Reader = Callable[[Sequence[str], EvidenceConfig], "Evidence | None"]


def _figures(sentence: str) -> list[str]:
    # A year dates a story; it does not size a result.
    return [n for n in fx.find_all(fx.NUMBER, sentence) if not _YEAR.fullmatch(n)]


def _tools(sentence: str) -> list[str]:
    """Named tools and methods as written in `sentence` ("Postgres", not "PostgreSQL"): evidence is verbatim."""
    return list(dict.fromkeys(h.matched for h in extract_skills(sentence) if h.kind == "technical"))


def _skills(text: str) -> set[str]:
    """Named tools by their canonical name: "Postgres" in the reply is the "PostgreSQL" of the question."""
    return {h.skill for h in extract_skills(text) if h.kind == "technical"}


def _past_action(sentence: str) -> str:
    """The first-person past action in `sentence` ("I ranked", "j'ai classé", "मैंने"), or "". "I'd …" is a
    plan, and the habits and needs that `FIRST_PERSON_ACTION` also matches are nothing done (`_NOT_DONE`)."""
    for match in FIRST_PERSON_ACTION.finditer(sentence):
        said = match.group(0)
        folded = said.casefold().replace("’", "'")
        if folded.startswith("i'd") or _NOT_DONE.fullmatch(folded):
            continue
        if folded.endswith(" used") and sentence[match.end() :].lstrip().startswith("to "):
            continue  # "I used to like SQL": a habit
        return said
    return ""


def _first(sentences: Sequence[str], pattern: re.Pattern[str], status: EvidenceStatus) -> Evidence | None:
    for sentence in sentences:
        found = pattern.search(sentence)
        if found:
            return Evidence(status, sentence, found.group(0).strip())
    return None


def real_case(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    """One real case: something the speaker did, with what makes it one case (where or when, a figure, a
    tool) in the same sentence, or a story whose setting is told in its own sentence ("Last year our payment
    service went down.") beside something the speaker did. A past action alone is partly one."""
    done: Evidence | None = None
    for sentence in sentences:
        action = _past_action(sentence)
        if not action:
            continue
        setting = cue.SETTING.search(sentence)
        specific = (setting.group(0) if setting else "") or next(
            iter(_figures(sentence) + _tools(sentence)), ""
        )
        if specific:
            return Evidence("covered", sentence, specific.strip())
        done = done or Evidence("partly", sentence, action)
    if done is not None:
        # A figure or a tool alone in another sentence is a detail, not the situation: only a setting counts.
        told = _first(sentences, cue.SETTING, "covered")
        if told is not None:
            return told
    return done


def own_actions(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    acts = [(s, a) for s in sentences if (a := _past_action(s))]
    if not acts:
        return None
    status: EvidenceStatus = "covered" if len(acts) >= config.own_steps else "partly"
    return Evidence(status, acts[0][0], "; ".join(a for _, a in acts[:3]))


def tools_named(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    for sentence in sentences:
        tools = _tools(sentence)
        if tools:
            return Evidence("covered", sentence, ", ".join(tools))
    return None


def result_with_figure(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    """A result sized by a figure; a result without one, or a figure without a result, is partly there."""
    partial: Evidence | None = None
    for sentence in sentences:
        ended = cue.RESULT.search(sentence) or IMPROVEMENT.search(sentence)
        figures = _figures(sentence)
        if ended and figures:
            return Evidence("covered", sentence, figures[0])
        if partial is None and (ended or figures):
            partial = Evidence("partly", sentence, ended.group(0).strip() if ended else figures[0])
    return partial


def result(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    return _first(sentences, cue.RESULT, "covered")


def how_known(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    return _first(sentences, cue.VERIFICATION, "covered")


def own_responsibility(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    return _first(sentences, cue.OWN_RESPONSIBILITY, "covered")


def alternative_named(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    return _first(sentences, cue.ALTERNATIVE, "covered")


def reason_given(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    return _first(sentences, cue.REASON, "covered")


def cost_named(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    # "However" or "the risk" weighs the choice without naming its price: partly.
    return _first(sentences, cue.COST, "covered") or _first(sentences, TRADE_OFF, "partly")


def when_otherwise(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    return _first(sentences, cue.WHEN_OTHERWISE, "covered")


def change_named(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    # "I learned a lot" looks back without naming what would change: partly.
    return _first(sentences, cue.CHANGE, "covered") or _first(sentences, REFLECTION, "partly")


def first_step(sentences: Sequence[str], config: EvidenceConfig) -> Evidence | None:
    return _first(sentences, cue.FIRST_STEP, "covered")


# (probe key, point index in PROBE_POINTS) -> the reader that shows that point. Index, not wording: the
# rubric exists in three languages and may be reworded without the evidence changing.
READERS: Mapping[tuple[str, int], Reader] = MappingProxyType(
    {
        ("star_action", 0): own_actions,  # the actions they personally took, step by step
        ("star_result", 0): result_with_figure,  # the result, ideally with a number
        ("star_result", 1): how_known,  # how they knew: a measurement, a check, a source
        ("star_task", 0): own_responsibility,  # their own responsibility and goal
        ("star_example", 0): real_case,  # one specific situation
        ("star_example", 1): own_actions,
        ("star_example", 2): result,
        ("quantify", 0): result_with_figure,  # the improvement as a figure
        ("quantify", 1): how_known,  # how it was measured
        ("why", 0): alternative_named,  # "rather than", "au lieu de", "के बजाय"
        ("why", 1): reason_given,  # "because", "parce que", "क्योंकि"
        ("trade_off", 0): cost_named,
        ("trade_off", 1): when_otherwise,  # a condition under which another choice wins
        ("differently", 0): change_named,
        ("differently", 1): reason_given,  # why the change would help
        ("concrete", 0): real_case,
        ("concrete", 1): tools_named,
        ("concrete", 2): own_actions,
        ("approach", 0): first_step,
        ("approach", 1): how_known,  # how they would check the answer
        ("more", 0): real_case,  # a concrete example
        ("more", 1): own_actions,
        ("more", 2): result,
    }
)


@dataclass(frozen=True)
class ProbeReply:
    """What the scorer knows of a reply to a follow-up probe besides its text."""

    probe: str  # the probe's key in READERS
    topic: str  # what the probe digs into: the main question, its rubric and model answer
    answered: str = ""  # the candidate's answer to the main question


def _topical(text: str) -> set[str]:
    return {s for s in fx.content_stems(text) if len(s) > 2 and s not in _STORY_WORDS}


def tied_to(reply: str, about: ProbeReply, config: EvidenceConfig = DEFAULT_CONFIG) -> bool:
    """Whether `reply` is about what the probe digs into, in words a reader can check: a named tool of the
    topic or of the candidate's answer, or enough of their content words. No topic: nothing to hold it to."""
    if not (about.topic.strip() or about.answered.strip()):
        return True
    if _skills(reply) & (_skills(about.topic) | _skills(about.answered)):
        return True
    words = _topical(reply)
    return (
        len(words & _topical(about.answered)) >= config.answer_words
        or len(words & _topical(about.topic)) >= config.topic_words
    )


def may_credit(reply: str, about: ProbeReply, quality: TextQuality, *, off_topic: bool) -> bool:
    """Whether a reply's structure may count at all. Never for one that a cap holds down ("I don't know", a
    keyword list, padding, a few words: none shows a move of an answer), one off the question, or one about
    something else than what the probe digs into."""
    held_down = off_topic or quality.dont_know or quality.stuffed or quality.padded or quality.words < 5
    return not held_down and tied_to(reply, about)


def probe_point_count(probe: str) -> int:
    """How many points probe `probe` has readers for (0: not a probe this module knows)."""
    return sum(1 for key, _ in READERS if key == probe)


def probe_evidence(
    probe: str, sentences: Sequence[str], config: EvidenceConfig = DEFAULT_CONFIG
) -> list[Evidence | None]:
    """Per point of probe `probe`, in rubric order, the structural evidence of the reply's `sentences`
    (verbatim, as the scorer split them), or None where the reply does not show that point."""
    told = [s for s, ok in zip(sentences, story_sentences(list(sentences)), strict=True) if ok]
    return [READERS[(probe, i)](told, config) for i in range(probe_point_count(probe))]


def credited_evidence(
    about: ProbeReply | None,
    reply: str,
    sentences: Sequence[str],
    quality: TextQuality,
    *,
    off_topic: bool,
) -> list[Evidence | None]:
    """What both scorers read of a reply's structure: `probe_evidence` where `may_credit` allows it, else
    nothing (no reply to a probe, or one held down)."""
    if about is None or not may_credit(reply, about, quality, off_topic=off_topic):
        return []
    return probe_evidence(about.probe, sentences)
