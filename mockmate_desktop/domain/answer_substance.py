"""Lexical signs of substance that stay useful beside meaning: figures, named tools, first-person actions.

Counted only in sentences that tell something (see `answer_quality.story_sentences`), so a list of tools or
a "Result: 100%" heading earns nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import answer_features as fx
from .answer_quality import FIRST_PERSON_ACTION, story_sentences
from .skills import extract_skills, unique_skills


@dataclass(frozen=True)
class Substance:
    numbers: list[str]
    tools: list[str]
    actions: int  # story sentences with a first-person action
    story: int  # sentences that tell something
    sentences: int
    quote: str = ""  # the first story sentence with a figure or a named tool
    # Each of `tools` as the answer said it ("error budget" for Site reliability engineering): the evidence a
    # candidate can find in their own words, where the canonical name is what they are matched on.
    tools_said: tuple[str, ...] = ()


def substance(sentences: list[str]) -> Substance:
    flags = story_sentences(sentences)
    told = [s for s, ok in zip(sentences, flags, strict=True) if ok]
    text = " ".join(told)
    numbers = list(dict.fromkeys(fx.find_all(fx.NUMBER, text)))
    hits = [h for h in extract_skills(text) if h.kind == "technical"]
    tools = unique_skills(hits)
    first_said = {h.skill: h.matched for h in reversed(hits)}
    actions = sum(1 for s in told if FIRST_PERSON_ACTION.search(s))
    quote = next((s for s in told if fx.NUMBER.search(s)), "") or next(
        (s for s in told if extract_skills(s)), ""
    )
    return Substance(
        numbers=numbers,
        tools=tools,
        actions=actions,
        story=len(told),
        sentences=len(sentences),
        quote=quote,
        tools_said=tuple(first_said[t] for t in tools),
    )
