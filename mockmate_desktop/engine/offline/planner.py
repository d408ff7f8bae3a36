"""Choosing the interview's questions from the bank: deterministic for a given configuration.

Order of preference for each slot: the chosen difficulty (then the nearest ones), questions tagged with a skill
that the job description or resume names, generic questions filled with such a skill, other generic
questions; ties broken by a pseudo-random order seeded from the configuration's content (never the clock), and
a competency or skill already asked is pushed back so the interview covers several.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from ...domain.config import InterviewConfig
from ...domain.enums import Difficulty, InterviewType, Language, QuestionKind, Source
from ...domain.interview import Question
from ...domain.resume import ResumeProfile
from ...domain.skills import default_lexicon, extract_skills
from . import texts
from .bank import BankEntry, BankError, QuestionBank

_LEVELS = list(Difficulty)


@dataclass(frozen=True)
class SkillContext:
    jd: tuple[str, ...]
    resume: tuple[str, ...]

    @property
    def ranked(self) -> list[str]:
        """Skills in both first, then the job description's, then the resume's; each once."""
        both = [s for s in self.jd if s in self.resume]
        return list(dict.fromkeys([*both, *self.jd, *self.resume]))


def skill_context(config: InterviewConfig, resume: ResumeProfile | None) -> SkillContext:
    jd_hits = extract_skills(f"{config.job_title}\n{config.job_description}")
    jd = [h.skill for h in jd_hits if h.kind == "technical"]
    resume_skills: list[str] = []
    if resume is not None:
        lexicon = default_lexicon()
        resume_skills = [lexicon.canonical(s) for s in resume.skills_technical]
        resume_skills += [h.skill for h in extract_skills(resume.text) if h.kind == "technical"]
    return SkillContext(tuple(unique_skills_from(jd)), tuple(unique_skills_from(resume_skills)))


def unique_skills_from(names: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def config_seed(config: InterviewConfig, skills: SkillContext) -> int:
    payload = {
        "title": config.job_title.strip().casefold(),
        "jd": " ".join(config.job_description.split()),
        "type": config.interview_type.value,
        "difficulty": config.difficulty.value,
        "count": config.question_count,
        "language": config.language.value,
        "skills": skills.ranked,
    }
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def _slot_types(bank: QuestionBank, config: InterviewConfig) -> list[str]:
    count = config.question_count
    if config.interview_type is InterviewType.TECHNICAL:
        return ["technical"] * count
    if config.interview_type is InterviewType.BEHAVIOURAL:
        return ["behavioural"] * count
    has_overall = any(e.type == "overall" and e.text_in(config.language) for e in bank.entries)
    # A mixed interview: about a quarter general questions (motivation, fit), the rest alternating.
    slots = ["overall"] * max(1, count // 4) if has_overall else []
    rest = count - len(slots)
    technical = math.ceil(rest / 2)
    mixed = [
        t
        for pair in zip(["technical"] * technical, ["behavioural"] * (rest - technical), strict=False)
        for t in pair
    ]
    mixed += ["technical"] * (technical - (rest - technical))
    return slots[:1] + mixed[:rest] + slots[1:]


def _canon(skill: str) -> str:
    return default_lexicon().canonical(skill).casefold()


class _Picker:
    def __init__(self, bank: QuestionBank, config: InterviewConfig, skills: SkillContext) -> None:
        self.config = config
        self.skills = skills.ranked
        self.skill_keys = {s.casefold(): s for s in self.skills}
        rng = random.Random(config_seed(config, skills))
        pool = [e for e in bank.entries if e.text_in(config.language)]
        self.order = {e.id: rng.random() for e in sorted(pool, key=lambda e: e.id)}
        self.pool = pool
        self.used_ids: set[str] = set()
        self.used_competencies: dict[str, int] = {}
        self.used_skills: dict[str, int] = {}
        self.texts: set[str] = set()

    def _matched_skill(self, entry: BankEntry) -> str | None:
        for skill in entry.skills:
            found = self.skill_keys.get(_canon(skill))
            if found:
                return found
        return None

    def _fill_skill(self, entry: BankEntry) -> str | None:
        matched = self._matched_skill(entry)
        if matched:
            return matched
        if entry.skills:
            return default_lexicon().canonical(entry.skills[0])
        if entry.uses_skill and self.skills:
            return min(self.skills, key=lambda s: (self.used_skills.get(s, 0), self.skills.index(s)))
        return None

    def _key(self, entry: BankEntry, slot_type: str) -> tuple[float, ...]:
        distance = abs(_LEVELS.index(entry.difficulty) - _LEVELS.index(self.config.difficulty))
        type_penalty = 0 if entry.type == slot_type else 10
        if self._matched_skill(entry):
            tier = 0
        elif not entry.skills and entry.uses_skill:
            tier = 1 if self.skills else 3
        elif not entry.skills:
            tier = 2
        else:
            tier = 4
        skill = self._fill_skill(entry)
        repeat = self.used_competencies.get(entry.competency.casefold(), 0)
        repeat += self.used_skills.get(skill, 0) if skill and tier <= 1 else 0
        return (type_penalty, distance, tier + 1.5 * repeat, self.order[entry.id])

    def pick(self, slot_type: str) -> tuple[BankEntry, str | None] | None:
        candidates = [e for e in self.pool if e.id not in self.used_ids]
        for entry in sorted(candidates, key=lambda e: self._key(e, slot_type)):
            skill = self._fill_skill(entry)
            rendered = render(entry.text_in(self.config.language) or "", skill, self.config)
            if rendered.casefold() in self.texts:
                continue
            self.used_ids.add(entry.id)
            self.texts.add(rendered.casefold())
            comp = entry.competency.casefold()
            self.used_competencies[comp] = self.used_competencies.get(comp, 0) + 1
            if (skill and entry.uses_skill) or self._matched_skill(entry):
                key = skill or ""
                self.used_skills[key] = self.used_skills.get(key, 0) + 1
            return entry, skill
        return None


def render(template: str, skill: str | None, config: InterviewConfig) -> str:
    filled = template.replace("{role}", config.job_title.strip())
    return filled.replace("{skill}", skill or texts.text("skill_fallback", config.language))


def plan(
    bank: QuestionBank,
    config: InterviewConfig,
    resume: ResumeProfile | None,
    *,
    source: Source,
    model_name: str,
) -> list[tuple[Question, BankEntry]]:
    skills = skill_context(config, resume)
    picker = _Picker(bank, config, skills)
    chosen: list[tuple[Question, BankEntry]] = []
    for position, slot_type in enumerate(_slot_types(bank, config)):
        found = picker.pick(slot_type)
        if found is None:
            raise BankError(
                f"The question bank has only {len(chosen)} questions in {config.language.display_name} for this "
                f"interview; choose fewer questions or another language."
            )
        entry, skill = found
        question = Question(
            position=position,
            text=render(entry.text_in(config.language) or "", skill, config),
            kind=QuestionKind.MAIN,
            competency=entry.competency,
            expected_points=[render(p, skill, _english(config)) for p in entry.expected_points],
            source=source,
            model_name=model_name,
        )
        chosen.append((question, entry))
    return chosen


def _english(config: InterviewConfig) -> InterviewConfig:
    return config if config.language is Language.EN else config.model_copy(update={"language": Language.EN})
