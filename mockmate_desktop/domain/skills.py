"""A skill lexicon: canonical skills with synonyms, abbreviations and stems, and a finder over free text.

`extract_skills(text)` returns every skill mention with its position, so that callers can say where a
skill was found ("k8s" in Experience) and fit questions to the skills of a resume or job description.
The lexicon data lives in `skills_data.py`; this module only parses and matches it. Matching is one
compiled regular expression, tried longest alias first so that "Spring Boot" wins over "Spring" and
"JavaScript" over "Java".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .skills_data import SOFT_BLOCKS, TECHNICAL_BLOCKS

SkillKind = Literal["technical", "soft"]

# Characters that glue a token to its neighbours: "C" must not match inside "C++", "C#", "R&D" or "AC".
_GLUE = r"\w+#&"
# Between the words of a phrase: spaces, hyphens of every width, underscores, slashes.
_WORD_SEP = r"[\s\-‐‑‒–—_/]+"
_TOKEN_START = re.compile(rf"(?<![{_GLUE}])\S")
_MAX_TEXT = 2_000_000
# Exact-case skills that are also English words, and the words after them that give the English reading
# away: "Excel at", "Go to", "Spring 2024".
_ENGLISH_READING = {
    "Excel": r"\s+(?:at|in|with)\b",
    "Go": r"\s+(?:to|for|on|beyond|live|ahead)\b",
    "Lean": r"\s+(?:on|into|in)\b",
    "Spring": r"\s+(?:\d{2,4}|semester|term|break)\b",
    "Swift": r"\s+(?:and|to|response|delivery)\b",
}  # longer input is cut: a resume or JD is far shorter, and matching is linear
# Skills that are also everyday French words, with the words before and after them that give the French
# reading away: "un tableau de bord" is a dashboard, not the Tableau software (a French answer about one was
# credited with a named tool, and its report listed "Tableau" among the tools cited).
_FRENCH_READING: dict[str, tuple[tuple[str, ...], str]] = {
    "Tableau": (
        ("un", "le", "ce", "mon", "notre", "votre", "leur", "du", "au", "chaque", "nouveau"),
        r"\s+(?:(?:de|des|du|à|croisé|récapitulatif)(?!\w)|d['’])",
    ),
}


@dataclass(frozen=True, slots=True)
class Skill:
    name: str
    category: str
    kind: SkillKind
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SkillHit:
    skill: str  # canonical name, e.g. "Kubernetes"
    matched: str  # the text as written, e.g. "k8s"
    start: int
    end: int
    kind: SkillKind
    category: str


@dataclass(frozen=True, slots=True)
class _Alias:
    text: str
    exact_case: bool
    stem: bool


def _parse_alias(raw: str) -> _Alias:
    text = raw.strip()
    exact = text.startswith("=")
    text = text.lstrip("=").strip()
    stem = text.endswith("*")
    return _Alias(text=text.rstrip("*").strip(), exact_case=exact, stem=stem)


def _parse_block(category: str, kind: SkillKind, block: str) -> list[tuple[Skill, list[_Alias]]]:
    parsed: list[tuple[Skill, list[_Alias]]] = []
    for line in block.strip().splitlines():
        if not line.strip():
            continue
        head, _, tail = line.partition("|")
        canonical = _parse_alias(head)
        aliases = [canonical] + [_parse_alias(a) for a in tail.split(",") if a.strip()]
        skill = Skill(
            name=canonical.text, category=category, kind=kind, aliases=tuple(a.text for a in aliases)
        )
        parsed.append((skill, aliases))
    return parsed


def _alias_pattern(alias: _Alias) -> str:
    words = re.split(r"[\s\-_]+", alias.text)
    body = _WORD_SEP.join(re.escape(w) for w in words if w)
    if alias.stem:
        body += r"\w*"
    elif not alias.exact_case and alias.text[-1:].isalpha() and len(alias.text) >= 3:
        body += r"(?:e?s)?"  # plurals: "APIs", "microservices", "databases"
    if len(alias.text) <= 2 and alias.text.isalpha():
        # A one- or two-letter token is only a skill when it stands alone: not "C-suite", "Go-to", "AI's".
        body += r"(?![’'\-])"
        if len(alias.text) == 1:
            body += r"(?!\.\s*[A-Z])"  # "John R. Smith": an initial, not the language
    if alias.exact_case and alias.text in _ENGLISH_READING:
        body += f"(?!{_ENGLISH_READING[alias.text]})"
    if alias.text in _FRENCH_READING:
        before, after = _FRENCH_READING[alias.text]
        body = "".join(rf"(?<!\b{word}\s)" for word in before) + body + f"(?!{after})"
    return body if alias.exact_case else f"(?i:{body})"


class SkillLexicon:
    """Immutable once built; build it once and share it (see `default_lexicon`)."""

    def __init__(self, blocks: Iterable[tuple[str, SkillKind, str]]) -> None:
        entries: list[tuple[Skill, list[_Alias]]] = []
        for category, kind, block in blocks:
            entries.extend(_parse_block(category, kind, block))
        self._skills: dict[str, Skill] = {}
        self._by_key: dict[str, Skill] = {}
        by_prefix: dict[str, list[tuple[int, str, str, str]]] = {}
        group_skill: dict[str, Skill] = {}
        for index, (skill, aliases) in enumerate(entries):
            if skill.name.casefold() in self._skills:
                raise ValueError(f"skill defined twice: {skill.name}")
            self._skills[skill.name.casefold()] = skill
            for number, alias in enumerate(aliases):
                self._by_key.setdefault(normalise_term(alias.text), skill)
                group = f"s{index}_{number}"
                group_skill[group] = skill
                by_prefix.setdefault(_prefix(alias.text), []).append(
                    (-len(alias.text), alias.text.casefold(), group, _alias_pattern(alias))
                )
        # One alternation per leading one or two characters: trying ~1,500 aliases at every position
        # is ~100 us per character; the first characters narrow it to a few dozen.
        self._by_prefix: dict[str, re.Pattern[str]] = {}
        for prefix, alternatives in by_prefix.items():
            alternatives.sort()
            body = "|".join(f"(?P<{group}>{pattern})" for _, _, group, pattern in alternatives)
            self._by_prefix[prefix] = re.compile(rf"(?:{body})(?![{_GLUE}])")
        self._group_skill = group_skill

    @property
    def skills(self) -> list[Skill]:
        return list(self._skills.values())

    def get(self, name: str) -> Skill | None:
        """The skill with this canonical name, or whose alias this is ("k8s" -> Kubernetes)."""
        return self._skills.get(name.strip().casefold()) or self._by_key.get(normalise_term(name))

    def canonical(self, term: str) -> str:
        """The canonical name of a term when the lexicon knows it, else the term tidied up."""
        skill = self.get(term)
        if skill is not None:
            return skill.name
        hits = self.extract(term)
        if len(hits) == 1 and hits[0].end - hits[0].start >= len(term.strip()) - 1:
            return hits[0].skill
        return " ".join(term.split())

    def extract(self, text: str) -> list[SkillHit]:
        text = text[:_MAX_TEXT]
        hits: list[SkillHit] = []
        resume_at = 0
        for start in _TOKEN_START.finditer(text):
            position = start.start()
            if position < resume_at:
                continue
            match = self._match_at(text, position)
            if match is None or match.lastgroup is None:
                continue
            skill = self._group_skill[match.lastgroup]
            hits.append(
                SkillHit(
                    skill=skill.name,
                    matched=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    kind=skill.kind,
                    category=skill.category,
                )
            )
            resume_at = match.end()
        return hits

    def _match_at(self, text: str, position: int) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        for prefix in {text[position : position + 2].lower(), text[position].lower()}:
            pattern = self._by_prefix.get(prefix)
            if pattern is None:
                continue
            match = pattern.match(text, position)
            if match is not None and (best is None or match.end() > best.end()):
                best = match
        return best


def _prefix(alias: str) -> str:
    """The lookup key of an alias: its first two characters, or one when the second separates words."""
    head = alias[:2].lower()
    return head if len(head) == 2 and head[1].isalnum() else head[:1]


def normalise_term(term: str) -> str:
    """Case, spacing and hyphenation folded: "Machine-Learning" and "machine learning" are one key."""
    return " ".join(re.split(r"[\s\-‐‑‒–—_]+", term.strip().casefold())).strip()


@functools.cache
def default_lexicon() -> SkillLexicon:
    """The built-in lexicon, compiled on first use (about a tenth of a second) and then reused."""
    blocks: list[tuple[str, SkillKind, str]] = [(c, "technical", b) for c, b in TECHNICAL_BLOCKS]
    blocks += [(c, "soft", b) for c, b in SOFT_BLOCKS]
    return SkillLexicon(blocks)


def extract_skills(text: str, lexicon: SkillLexicon | None = None) -> list[SkillHit]:
    """Every skill mention in `text`, in order of position, with its canonical name."""
    return (lexicon or default_lexicon()).extract(text)


def unique_skills(hits: Iterable[SkillHit]) -> list[str]:
    """Canonical names in order of first mention, each once."""
    seen: dict[str, None] = {}
    for hit in hits:
        seen.setdefault(hit.skill, None)
    return list(seen)
