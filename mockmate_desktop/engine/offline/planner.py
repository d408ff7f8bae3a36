"""Choosing the interview's questions from the bank so that they fit the job and the person.

Technical slots cover the job description's requirement groups first ("Python or Go", "Kafka or RabbitMQ"),
required before nice-to-have, picking the question that probes the most uncovered groups; then, at
experienced and expert, one or two questions on measured claims of the resume; then the role's field
(a Data Analyst gets data questions, a nurse patient care) and the resume's skills. Behavioural and general
slots bring weak competencies back first. Across sessions a question asked in the last three sessions of the
same set-up waits, and a question answered well is not asked again (see `domain.plan_history`). Ties are
broken by a pseudo-random order seeded from the configuration and the number of earlier sessions, never the
clock, so the same history gives the same plan.

Every question is written whole in the bank; the only slot filled is `{role}` with the job title. Each
question carries the requirement it probes and a one-line rationale.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...domain import numbers
from ...domain.config import InterviewConfig
from ...domain.enums import Difficulty, InterviewType, Language, QuestionKind, Source
from ...domain.interview import Question
from ...domain.jd_requirements import RequirementGroup, required_first, requirement_groups, resume_skills
from ...domain.job_fields import FIELDS, JobField, detect_field
from ...domain.plan_history import EMPTY_HISTORY, PlanHistory
from ...domain.resume import ResumeProfile
from ...domain.resume_claims import ResumeClaim, extract_claims
from ...domain.skill_relations import IMPLIED_BY
from ...domain.skills import default_lexicon
from . import plan_texts
from .bank import BankEntry, BankError, QuestionBank, fill_role
from .claim_questions import CLAIM_VARIANTS, claim_points, claim_question

_LEVELS = list(Difficulty)
# Bank tags that are not lexicon names, and the skills each stands for.
TAG_SKILLS: dict[str, tuple[str, ...]] = {
    "testing": ("Unit testing", "Test automation", "Integration testing", "Quality assurance",
                "Test-driven development"),
    "security": ("Cybersecurity", "Application security", "OWASP", "Encryption"),
    "ui/ux design": ("UX design", "UI design", "Figma", "Prototyping", "Wireframing"),
    "finance": ("Financial analysis", "Financial modelling", "Corporate finance", "Accounting", "Budgeting"),
    "operations": ("Operations management", "Process improvement", "Supply chain", "Logistics", "Procurement"),
}  # fmt: skip
_SENIOR = (Difficulty.EXPERIENCED, Difficulty.EXPERT)
_CORE_TAGS = (
    4  # a field's first tags are its core: a Data Analyst is asked about analysis before ML platforms
)
_MANAGEMENT = next(f for f in FIELDS if f.key == "management")


def tag_skills(tag: str) -> tuple[str, ...]:
    if tag in TAG_SKILLS:
        return TAG_SKILLS[tag]
    found = default_lexicon().get(tag)
    return (found.name,) if found is not None else (tag,)


def entry_skills(entry: BankEntry) -> set[str]:
    return {s for tag in entry.skills for s in tag_skills(tag)}


def probes(entry: BankEntry, group: RequirementGroup, *, loose: bool = False) -> bool:
    """Whether the question is about one of the group's skills; `loose` also accepts the skill a group's
    skill implies ("SQL" for "PostgreSQL"), used only when no question is about the skill itself."""
    skills = entry_skills(entry)
    if skills & set(group.skills):
        return True
    return loose and any(s in IMPLIED_BY.get(t, ()) for t in skills for s in group.skills)


def config_seed(config: InterviewConfig, history: PlanHistory) -> int:
    payload = {
        "title": config.job_title.strip().casefold(),
        "jd": " ".join(config.job_description.split()),
        "type": config.interview_type.value,
        "difficulty": config.difficulty.value,
        "count": config.question_count,
        "language": config.language.value,
        "session": history.same_setup_sessions,
    }
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def slot_types(bank: QuestionBank, config: InterviewConfig) -> list[str]:
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


@dataclass
class Pick:
    entry: BankEntry | None
    text: str
    competency: str
    expected_points: list[str]
    requirement: str = ""
    rationale: str = ""


@dataclass
class _State:
    config: InterviewConfig
    groups: list[RequirementGroup]
    fields: list[JobField]
    resume_skills: list[str]
    history: PlanHistory
    order: dict[str, float]
    used_ids: set[str] = field(default_factory=set)
    covered: set[int] = field(default_factory=set)
    used_competencies: dict[str, int] = field(default_factory=dict)
    used_tags: dict[str, int] = field(default_factory=dict)

    @property
    def language(self) -> Language:
        return self.config.language

    def distance(self, entry: BankEntry) -> int:
        return abs(_LEVELS.index(entry.difficulty) - _LEVELS.index(self.config.difficulty))

    def staleness(self, entry: BankEntry) -> int:
        """0 fresh; 1 asked in a recent session of this set-up (it waits while anything fresh remains)."""
        ago = self.history.sessions_since(self.render(entry))
        return 0 if ago is None else 1

    def render(self, entry: BankEntry) -> str:
        return fill_role(entry.text_in(self.language) or "", self.config.job_title, self.language)

    def allowed(self, entry: BankEntry, kind: str) -> bool:
        if entry.id in self.used_ids or entry.type != kind or entry.text_in(self.language) is None:
            return False
        if entry.uses_skill:
            return False  # a skill dropped into a template slot is never asked
        return not self.history.was_answered_well(self.render(entry))

    def field_rank(self, entry: BankEntry) -> int:
        """0: a core tag of the role's field; 1: another tag of it; 2: a skill the resume shows; 3: other."""
        tags = set(entry.skills)
        if not tags:
            return (
                1 if any(f.software for f in self.fields) else 3
            )  # generic technical questions are software
        if any(tags & set(f.tags[:_CORE_TAGS]) for f in self.fields):
            return 0
        if any(tags & set(f.tags) for f in self.fields):
            return 1
        resume = {s.casefold() for s in self.resume_skills}
        return 2 if any(s.casefold() in resume for s in entry_skills(entry)) else 3

    @property
    def wanted_skills(self) -> set[str]:
        return {s for g in self.groups for s in g.skills} | set(self.resume_skills)

    def tag_repeats(self, entry: BankEntry) -> int:
        return sum(self.used_tags.get(t, 0) for t in entry.skills)

    def software_ok(self, entry: BankEntry) -> bool:
        """A role outside software only gets software questions that its JD or resume asks for."""
        if any(f.software for f in self.fields) or not entry.skills:
            return True
        if any(set(entry.skills) & set(f.tags) for f in self.fields):
            return True
        wanted = {s for g in self.groups for s in g.skills} | set(self.resume_skills)
        return bool(entry_skills(entry) & wanted)


def _groups_probed(
    state: _State, entry: BankEntry, required: bool | None, *, loose: bool = False
) -> list[int]:
    return [
        i
        for i, g in enumerate(state.groups)
        if i not in state.covered
        and (required is None or g.required == required)
        and probes(entry, g, loose=loose)
    ]


def _pick_for_groups(state: _State, pool: Sequence[BankEntry], required: bool) -> Pick | None:
    best: tuple[tuple[float, ...], BankEntry, list[int]] | None = None
    for entry in pool:
        # A question asked in the last sessions waits even if it is the only one on its requirement: a
        # repeat costs the candidate more than one uncovered group in one session.
        if not state.allowed(entry, "technical") or state.staleness(entry):
            continue
        hit = _groups_probed(state, entry, required)
        loose = not hit
        if loose:
            hit = _groups_probed(state, entry, required, loose=True)
        if not hit:
            continue
        # Fresh before recently asked, the earliest group first (the JD's order), a question about the skill
        # itself before one about its parent, then questions probing more groups, then questions that bring in
        # no skill nobody asked for ("GraphQL or REST?" for a JD naming REST APIs only), then closeness.
        extraneous = len(entry_skills(entry) - state.wanted_skills)
        key = (
            state.staleness(entry),
            min(hit),
            loose,
            -len(hit),
            extraneous,
            state.distance(entry),
            state.order[entry.id],
        )
        if best is None or key < best[0]:
            best = (key, entry, hit)
    if best is None:
        return None
    _, entry, hit = best
    state.covered |= set(hit)
    label = " · ".join(state.groups[i].label for i in hit)
    reason = "required" if required else "nice"
    return _from_entry(
        state, entry, requirement=label, rationale=plan_texts.rationale(reason, state.language, req=label)
    )


def _pick_general(
    state: _State, pool: Sequence[BankEntry], kind: str, *, fresh_only: bool = False
) -> Pick | None:
    candidates = [
        e
        for e in pool
        if state.allowed(e, kind)
        and (kind != "technical" or state.software_ok(e))
        and not (fresh_only and state.staleness(e))
    ]
    if not candidates:
        return None

    def key(entry: BankEntry) -> tuple[float, ...]:
        competency = entry.competency.casefold()
        weak = state.history.weakness(competency)
        weak_rank = 0 if weak is not None and competency not in state.used_competencies else 1
        repeat = state.used_competencies.get(competency, 0) + 2 * state.tag_repeats(entry)
        fit = state.field_rank(entry) if kind == "technical" else 0
        # The role's field before the level: a Data Analyst gets a data question one level off before a
        # Kubernetes question at the right level.
        outside = fit >= 2
        return (
            state.staleness(entry),
            outside,
            state.distance(entry),
            fit,
            weak_rank,
            repeat,
            state.order[entry.id],
        )

    entry = min(candidates, key=key)
    return _from_entry(state, entry, rationale=_general_rationale(state, entry, kind))


def _general_rationale(state: _State, entry: BankEntry, kind: str) -> str:
    competency = entry.competency
    weak = state.history.weakness(competency.casefold())
    language = state.language
    if weak is not None:
        return plan_texts.rationale("weak", language, competency=competency, score=numbers.general(weak, language))
    if kind == "behavioural":
        return plan_texts.rationale("behavioural", language, competency=competency)
    if kind == "overall":
        return plan_texts.rationale("overall", language, competency=competency)
    shown = [s for s in state.resume_skills if s in entry_skills(entry)]
    if shown:
        return plan_texts.rationale("resume", language, skill=shown[0])
    tags = set(entry.skills)
    for job_field in state.fields:
        if tags & set(job_field.tags):
            return plan_texts.rationale(
                "field", language, field=plan_texts.field_name(job_field.key, language)
            )
    return plan_texts.rationale("general", language, competency=competency)


def _from_entry(state: _State, entry: BankEntry, *, requirement: str = "", rationale: str = "") -> Pick:
    state.used_ids.add(entry.id)
    competency = entry.competency.casefold()
    state.used_competencies[competency] = state.used_competencies.get(competency, 0) + 1
    for tag in entry.skills:
        state.used_tags[tag] = state.used_tags.get(tag, 0) + 1
    return Pick(
        entry=entry,
        text=state.render(entry),
        competency=entry.competency,
        expected_points=list(entry.points_in(state.language)),
        requirement=requirement,
        rationale=rationale,
    )


def _claim_count(config: InterviewConfig, claims: Sequence[ResumeClaim]) -> int:
    if not claims:
        return 0
    if config.difficulty in _SENIOR:
        return min(len(claims), 2 if config.question_count >= 8 else 1)
    return 1


def _claim_picks(state: _State, claims: Sequence[ResumeClaim], count: int) -> list[Pick]:
    """Claims that touch an uncovered requirement first; a claim asked lately waits for a fresh one."""

    def claim_groups(claim: ResumeClaim) -> list[int]:
        if claim.kind == "people":
            return []  # a question on a people decision does not probe the tools named beside it
        text = claim.statement.casefold()  # only what the question quotes can count as probed
        return [
            i for i, g in enumerate(state.groups)
            if i not in state.covered and any(s.casefold() in text for s in g.skills)
        ]  # fmt: skip

    def asked(claim: ResumeClaim, variant: int) -> bool:
        return state.history.sessions_since(claim_question(claim, state.language, variant)) is not None

    # Fresh claims first; once every claim was asked lately, one claim comes back with its second question,
    # so a resume with claims always gets one and no question text repeats within three sessions.
    fresh = sorted((c for c in claims if not asked(c, 0)), key=lambda c: -len(claim_groups(c)))
    chosen = [(c, 0) for c in fresh[:count]]
    if not chosen and claims:
        later = [(c, v) for v in range(1, CLAIM_VARIANTS) for c in claims if not asked(c, v)]
        chosen = [later[0] if later else (claims[0], 1)]
    picks: list[Pick] = []
    for claim, variant in chosen:
        hit = claim_groups(claim)
        state.covered |= set(hit)
        picks.append(
            Pick(
                entry=None,
                text=claim_question(claim, state.language, variant),
                competency="problem solving" if claim.kind != "people" else "leadership",
                expected_points=claim_points(claim),
                requirement=" · ".join(state.groups[i].label for i in hit),
                rationale=plan_texts.rationale("claim", state.language),
            )
        )
    return picks


def _fields(config: InterviewConfig) -> list[JobField]:
    primary = detect_field(config.job_title, config.job_description)
    found = [primary]
    if primary is not _MANAGEMENT and _MANAGEMENT.title_words.search(config.job_title):
        found.append(_MANAGEMENT)  # an Engineering Manager is asked about people too
    return found


def build_state(
    bank: QuestionBank, config: InterviewConfig, resume: ResumeProfile | None, history: PlanHistory
) -> _State:
    rng = random.Random(config_seed(config, history))
    return _State(
        config=config,
        groups=required_first(requirement_groups(config.job_description)),
        fields=_fields(config),
        resume_skills=resume_skills(resume),
        history=history,
        order={e.id: rng.random() for e in sorted(bank.entries, key=lambda e: e.id)},
    )


def _technical_sequence(
    state: _State, pool: Sequence[BankEntry], slots: int, claims: Sequence[ResumeClaim]
) -> list[Pick]:
    """Required groups, then resume claims, then nice-to-haves, then the field. Claims are chosen first, so a
    claim that already probes a requirement ("…a Redis cache in front of PostgreSQL") frees a slot."""
    reserve = min(_claim_count(state.config, claims), slots)
    claim_picks = _claim_picks(state, claims, reserve)
    picks: list[Pick] = []
    for required in (True, False):
        if required is False:
            picks += claim_picks
        while len(picks) < slots - (len(claim_picks) if required else 0):
            found = _pick_for_groups(state, pool, required)
            if found is None:
                break
            picks.append(found)
    while len(picks) < slots:
        found = _pick_general(state, pool, "technical", fresh_only=True)
        if found is None:
            break
        picks.append(found)
    return picks


def plan_picks(
    bank: QuestionBank,
    config: InterviewConfig,
    resume: ResumeProfile | None,
    history: PlanHistory = EMPTY_HISTORY,
) -> list[Pick]:
    state = build_state(bank, config, resume, history)
    slots = slot_types(bank, config)
    pool = bank.entries
    claims = extract_claims(resume)
    technical = _technical_sequence(state, pool, slots.count("technical"), claims)
    if not slots.count("technical") and claims:
        # A behavioural interview still asks about one measured result, as a story.
        technical = _claim_picks(state, claims, 1)
        index = min(1, len(slots) - 1)
        slots[index] = "technical"
    picks: list[Pick] = []
    for kind in slots:
        found = technical.pop(0) if kind == "technical" and technical else None
        # Fresh questions first: of this kind, then (the bank being thin for this field) of another kind;
        # only when nothing fresh is left does a question from the last sessions come back.
        for other in (kind, *(k for k in ("behavioural", "overall") if k != kind)):
            found = found or _pick_general(state, pool, other, fresh_only=True)
        found = found or _pick_general(state, pool, kind) or _pick_general(state, pool, "behavioural")
        if found is None:
            # Everything fitting was answered well or asked lately: allow the least recent again.
            found = _pick_any(state, pool)
        if found is None:
            usable = sum(1 for e in pool if e.text_in(config.language) and not e.uses_skill)
            raise BankError(
                f"The question bank has only {usable} questions in {config.language.display_name} for this "
                "interview; choose fewer questions or another language."
            )
        picks.append(found)
    return picks


def _pick_any(state: _State, pool: Sequence[BankEntry]) -> Pick | None:
    left = [
        e for e in pool
        if e.id not in state.used_ids and e.text_in(state.language) and not e.uses_skill and e.type != "technical"
    ]  # fmt: skip
    if not left:
        return None
    entry = min(left, key=lambda e: (state.distance(e), state.order[e.id]))
    return _from_entry(state, entry, rationale=_general_rationale(state, entry, entry.type))


def plan(
    bank: QuestionBank,
    config: InterviewConfig,
    resume: ResumeProfile | None,
    *,
    source: Source,
    model_name: str,
    history: PlanHistory = EMPTY_HISTORY,
) -> list[tuple[Question, BankEntry | None]]:
    chosen: list[tuple[Question, BankEntry | None]] = []
    for position, pick in enumerate(plan_picks(bank, config, resume, history)):
        question = Question(
            position=position,
            text=pick.text,
            kind=QuestionKind.MAIN,
            competency=pick.competency,
            expected_points=pick.expected_points,
            source=source,
            model_name=model_name,
            requirement=pick.requirement,
            rationale=pick.rationale,
        )
        chosen.append((question, pick.entry))
    return chosen
