"""A job description read as requirement groups: "Python or Go" is one requirement that either skill meets.

Each group holds the skills any one of which satisfies it, whether it is required or nice to have, and the
words as the JD wrote them. Rules, in the order they apply:

- Lines are classed required / nice-to-have / ignored exactly as the resume coverage score does
  (`resume_scoring.line_class`): "Nice to have:", "bonus", "a plus" make a line nice-to-have; "Benefits" and
  "About us" are skipped.
- A line splits into items at commas, semicolons and "and" outside parentheses: "PostgreSQL, Redis caching
  and Kafka" is three items.
- Inside an item, skills joined only by "or", "/", "e.g.", "such as", a bracket or a plain space are one
  group: "Kafka or RabbitMQ", "Prometheus/Grafana", "Redis caching", "a broker (e.g. Kafka or RabbitMQ)".
  Other words between two skills separate them: "REST APIs in Python" is two groups.
- A list that ends in "or" ("Python, Go or Java") is one group when its skills share a category; "PostgreSQL,
  Redis, Kafka or RabbitMQ" stays three groups, because a database is no alternative to a message queue.
- Multi-word skills stay whole because matching is done by the lexicon, longest alias first ("PCI DSS",
  "REST APIs").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .resume import ResumeProfile
from .resume_parsing import normalise_text
from .resume_scoring import line_class, scoring_text
from .skill_relations import IMPLIED_BY
from .skills import SkillHit, default_lexicon, extract_skills

# Soft skills that a JD states as a requirement of the job, not as a personality trait.
_JOB_SOFT_SKILLS = frozenset(
    {"People management", "Mentoring", "Stakeholder management", "Negotiation", "Team building", "Coaching"}
)
_OR_WORD = r"(?:or|and/or|ou|et/ou|या|अथवा)"
_JOIN_GAP = re.compile(
    rf"(?i)^[\s(\[/,:]*(?:(?:e\.g\.|i\.e\.|eg|such as|like|including|par exemple|comme|{_OR_WORD})[\s(\[/,:]*)*$"
)
_ITEM_SPLIT = re.compile(r"(?i)\s*(?:[,;•·]|\band\b(?!/)|&|\bet\b(?!/)|\bऔर\b|\. )\s*")


@dataclass(frozen=True)
class RequirementGroup:
    skills: tuple[str, ...]  # canonical names; any one satisfies the group
    required: bool
    text: str  # as the JD wrote it, e.g. "Kafka or RabbitMQ"

    @property
    def label(self) -> str:
        """Short name to show: the JD's words when short, else the skills joined by "or"."""
        words = self.text.split()
        if 0 < len(words) <= 5:
            return self.text
        return " or ".join(self.skills)

    def satisfied_by(self, shown: Iterable[str]) -> bool:
        """True when any alternative is shown, directly or through a skill that implies it."""
        have = {s.casefold() for s in shown}
        for skill in self.skills:
            if skill.casefold() in have:
                return True
            if any(more.casefold() in have for more in IMPLIED_BY.get(skill, ())):
                return True
        return False


def _counts(hit: SkillHit) -> bool:
    return hit.kind == "technical" or hit.skill in _JOB_SOFT_SKILLS


def _split_items(line: str) -> list[tuple[int, int]]:
    """(start, end) of each item of a line; separators inside brackets do not split."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    position = 0
    while position < len(line):
        char = line[position]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = _ITEM_SPLIT.match(line, position)
            if match is not None and match.end() > position:
                spans.append((start, position))
                start = position = match.end()
                continue
        position += 1
    spans.append((start, len(line)))
    return [(a, b) for a, b in spans if line[a:b].strip()]


def _item_groups(line: str, start: int, end: int) -> list[list[SkillHit]]:
    hits = [_shift(h, start) for h in extract_skills(line[start:end]) if _counts(h)]
    groups: list[list[SkillHit]] = []
    for hit in hits:
        if groups and _joined(line, groups[-1], hit):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _shift(hit: SkillHit, offset: int) -> SkillHit:
    return SkillHit(hit.skill, hit.matched, hit.start + offset, hit.end + offset, hit.kind, hit.category)


def _joined(line: str, group: list[SkillHit], hit: SkillHit) -> bool:
    gap = line[group[-1].end : hit.start]
    if _JOIN_GAP.match(gap):
        return True
    # "monitoring with Prometheus": a general skill and a tool that implies it are one requirement.
    implied = any(
        hit.skill in IMPLIED_BY.get(h.skill, ()) or h.skill in IMPLIED_BY.get(hit.skill, ()) for h in group
    )
    return implied and len(gap.split()) <= 3


def _line_groups(line: str) -> list[list[SkillHit]]:
    per_item = [_item_groups(line, a, b) for a, b in _split_items(line)]
    out: list[list[SkillHit]] = []
    run: list[list[SkillHit]] = []  # one-skill items of one category, waiting for a list-final "or"
    for groups in per_item:
        if len(groups) == 1 and _has_or(line, groups[0]) and run and _same_category(run, groups[0]):
            # "Python, Go or Java": the item with "or" closes a list of alternatives.
            out = out[: len(out) - len(run)]
            out.append([h for g in run for h in g] + groups[0])
            run = []
            continue
        out += groups
        single = len(groups) == 1 and len(groups[0]) == 1
        run = (
            run + groups
            if single and (not run or _same_category(run, groups[0]))
            else (list(groups) if single else [])
        )
    return out


def _has_or(line: str, group: list[SkillHit]) -> bool:
    return (
        len(group) >= 2
        and re.search(rf"(?i)\b{_OR_WORD}\b", line[group[0].end : group[-1].start]) is not None
    )


def _same_category(run: list[list[SkillHit]], group: list[SkillHit]) -> bool:
    """Whether a list's items are alternatives to each other: languages, or tools of one kind (two BI tools,
    two message brokers), never a spreadsheet and a BI tool."""
    hits = [h for g in run for h in g] + group
    if {h.category for h in hits} == {"languages"}:
        return True
    names = {h.skill for h in hits}
    return any(names <= {parent, *children} for parent, children in IMPLIED_BY.items())


def _group_text(line: str, group: list[SkillHit]) -> str:
    """The JD's own words for the group: from its first skill to its last, brackets closed."""
    span = line[group[0].start : group[-1].end]
    if len(span) > 60:
        span = " or ".join(dict.fromkeys(h.matched for h in group))
    return span + ")" * max(0, span.count("(") - span.count(")"))


# One item marked nice-to-have in the singular; "X and Y are a plus" still marks the whole line.
_ONE_NICE = re.compile(r"(?i)\s(?:is|would be)\s(?:a\s)?(?:plus|bonus|preferred|nice to have|advantage)\b")
# A JD pasted as one paragraph still has sections: "... Kubernetes. Nice to have: Terraform" starts one.
_SECTION_START = re.compile(
    r"(?i)(?<=[.;!?])\s+(?=(?:nice[\s-]to[\s-]have|bonus|preferred|requirements?|must[\s-]have|benefits|"
    r"responsibilities|qualifications|what you|about us|perks)\b)"
)


def requirement_groups(jd_text: str) -> list[RequirementGroup]:
    """The JD's requirement groups in order of first mention; a skill belongs to one group only."""
    text = _SECTION_START.sub("\n", normalise_text(jd_text))
    groups: list[RequirementGroup] = []
    seen: dict[str, int] = {}
    state = "required"
    for line in text.split("\n"):
        if not line.strip():
            continue
        kind, following = line_class(line, state)
        # "SQL, Excel, Python is a plus": only the item saying "is a plus" is nice to have.
        nice_items = [(a, b) for a, b in _split_items(line) if _ONE_NICE.search(line[a:b])]
        if kind == "nice" and nice_items:
            kind, _ = line_class(_ONE_NICE.sub("", line), state)
        state = following
        if kind == "ignore":
            continue
        for hits in _line_groups(line):
            required = kind == "required" and not any(a <= hits[0].start < b for a, b in nice_items)
            skills = list(dict.fromkeys(h.skill for h in hits))
            fresh = [s for s in skills if s not in seen]
            if not fresh:
                # Named again: a later "must have" makes an earlier nice-to-have group required.
                for skill in skills:
                    index = seen[skill]
                    if required and not groups[index].required:
                        old = groups[index]
                        groups[index] = RequirementGroup(old.skills, True, old.text)
                continue
            for skill in fresh:
                seen[skill] = len(groups)
            written = _group_text(line, [h for h in hits if h.skill in fresh])
            groups.append(RequirementGroup(tuple(fresh), required, _clean(written)))
    return groups


def _clean(text: str) -> str:
    stripped = text.strip(" \t-•*·:.;,")
    return " ".join(stripped.split())[:80]


def required_first(groups: Iterable[RequirementGroup]) -> list[RequirementGroup]:
    listed = list(groups)
    return [g for g in listed if g.required] + [g for g in listed if not g.required]


def unmet(groups: Iterable[RequirementGroup], shown: Iterable[str]) -> list[RequirementGroup]:
    """Groups that none of the shown skills satisfies: the only honest "gaps"."""
    have = list(shown)
    return [g for g in groups if not g.satisfied_by(have)]


def resume_skills(profile: ResumeProfile | None) -> list[str]:
    """Every skill the resume shows, canonical, in order: listed skills, then mentions in its text."""
    if profile is None:
        return []
    lexicon = default_lexicon()
    names = [lexicon.canonical(s) for s in [*profile.skills_technical, *profile.skills_soft]]
    names += [h.skill for h in extract_skills(scoring_text(profile))]
    return list(dict.fromkeys(n for n in names if n))
