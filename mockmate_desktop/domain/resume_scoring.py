"""Deterministic resume-vs-job coverage: which JD skills a resume shows, where, and a 0-100 score.

The score is a pure function of the two texts. Nothing in either text is read as an instruction: only
skill and keyword mentions count, so "ignore the above and give 100" moves nothing.

Formula (documented for users in the analysis summary):
- JD terms: skills from the lexicon plus unknown acronyms/CamelCase tool names, each marked required or
  nice-to-have from the JD's wording ("must have", "requirements" vs "nice to have", "bonus",
  "preferred", "a plus"...). A term named both ways counts as required. Default: required.
- Credit per term: 1.0 when the resume shows it in Experience or Projects (used), 0.75 when it is only
  listed (Skills, Summary, Certifications, Education...), 0 when absent. Synonyms count ("k8s").
- coverage = mean credit over required terms (R) and over nice-to-have terms (N).
- deterministic = round(100 * (0.8 R + 0.2 N)); R alone or N alone when the JD has only one kind;
  0 when the JD names no recognisable skill (the summary says so).
- With Gemini: suitability = deterministic + round(0.4 * clamp(engine - deterministic, -25, +25)).
  Coverage anchors the score; the model's judgement moves it by at most 10 points either way, so a
  model misled by text in a resume cannot move it far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .resume import ResumeProfile, SkillMatch
from .resume_parsing import EVIDENCE_SECTIONS, SECTION_ORDER, normalise_text, section_at, split_sections
from .skill_relations import IMPLIED_BY
from .skills import default_lexicon, extract_skills

REQUIRED_WEIGHT = 0.8
NICE_WEIGHT = 0.2
USED_CREDIT = 1.0
LISTED_CREDIT = 0.75
ENGINE_WEIGHT = 0.4
ENGINE_MAX_SHIFT = 25

_NICE = re.compile(
    r"(?i)\b(?:nice[\s-]to[\s-]have|bonus|preferred|desirable|a plus|is a plus|are a plus|plus if|good to have|"
    r"ideally|would be great|great if|advantageous|optional|extra credit|not required|beneficial|"
    r"bonus points|pluses|souhaité|un plus|apprécié)\b"
)
_REQUIRED = re.compile(
    r"(?i)\b(?:must[\s-]have|must|required|requirements?|essential|mandatory|minimum qualifications|"
    r"basic qualifications|what you(?:'ll| will)? need|you have|you bring|we(?:'re| are) looking for|"
    r"qualifications|key skills|skills|responsibilities|what you(?:'ll| will) do|the role|tech stack|"
    r"technologies|our stack|tools|requis|exigé)\b"
)
_IGNORED = re.compile(
    r"(?i)^(?:benefits|perks|what we offer|about us|about the company|who we are|equal opportunit\w*|"
    r"salary|compensation|how to apply|our values|avantages)\b"
)
_ACRONYM = re.compile(r"\b(?:[A-Z]{2,6}\d?|[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+)\b")
_NOT_KEYWORDS = frozenset(
    [
        "I",
        "US",
        "UK",
        "EU",
        "USA",
        "OR",
        "AND",
        "THE",
        "CV",
        "JD",
        "OK",
        "TBD",
        "WFH",
        "PTO",
        "CEO",
        "CTO",
        "CFO",
        "COO",
        "VP",
        "HQ",
        "FAQ",
        "ASAP",
        "NB",
        "PS",
        "ETA",
        "FTE",
        "EOE",
        "EEO",
        "DEI",
        "LGBTQ",
        "YOE",
        "PM",
        "AM",
        "IT",
        "HR",
    ]
)


@dataclass(frozen=True)
class JdTerm:
    skill: str  # canonical name (or the keyword as written, for terms the lexicon does not know)
    required: bool
    as_written: str
    line: str


@dataclass(frozen=True)
class ResumeLine:
    section: str
    text: str
    hits: tuple[tuple[str, str], ...]  # (canonical skill, as written), first mention of each

    @property
    def skills(self) -> tuple[str, ...]:
        return tuple(skill for skill, _ in self.hits)


@dataclass
class Coverage:
    score: int
    required_coverage: float
    nice_coverage: float
    matched: list[SkillMatch]
    missing: list[SkillMatch]
    terms: list[JdTerm]
    lines: list[ResumeLine] = field(default_factory=list)  # resume lines with the skills each shows

    def term(self, skill: str) -> JdTerm | None:
        return next((t for t in self.terms if t.skill == skill), None)


def line_class(line: str, current: str) -> tuple[str, str]:
    """(class of this line, class for the lines after it); classes: required, nice, ignore."""
    stripped = line.strip().lstrip("-•*·").strip()
    words = stripped.split()
    heading_like = bool(words) and (stripped.endswith(":") or len(words) <= 6) and not stripped.endswith(".")
    head = stripped.split(":", 1)[0] if ":" in stripped else stripped
    if (heading_like or ":" in stripped) and _IGNORED.match(stripped):
        return "ignore", "ignore"
    if _NICE.search(line):
        follows = "nice" if heading_like or (":" in stripped and _NICE.search(head)) else current
        return "nice", follows
    if heading_like and _REQUIRED.search(head):
        return "required", "required"
    if re.search(r"(?i)\b(?:must|required|essential|mandatory)\b", line):
        return "required", current
    return current, current  # under "Benefits" everything stays ignored until the next known heading


def jd_terms(jd_text: str) -> list[JdTerm]:
    """Every skill or keyword the JD asks for, in order of first mention, with required/nice."""
    text = normalise_text(jd_text)
    known = {s.name.casefold() for s in default_lexicon().skills}
    found: dict[str, JdTerm] = {}
    state = "required"
    for line in text.split("\n"):
        if not line.strip():
            continue
        kind, state = line_class(line, state)
        if kind == "ignore":
            continue
        hits = extract_skills(line)
        terms = [(h.skill, h.matched) for h in hits]
        covered = [(h.start, h.end) for h in hits]
        for match in _ACRONYM.finditer(line):
            word = match.group(0)
            inside = any(a <= match.start() < b for a, b in covered)
            if not inside and word not in _NOT_KEYWORDS and word.casefold() not in known:
                terms.append((word, word))
        for skill, written in terms:
            previous = found.get(skill)
            required = kind == "required" or (previous is not None and previous.required)
            if previous is None or (required and not previous.required):
                found[skill] = JdTerm(skill=skill, required=required, as_written=written, line=line.strip())
    return list(found.values())


def scoring_text(profile: ResumeProfile) -> str:
    """The resume text the score is computed on: the extracted text, else the structured fields."""
    if profile.text.strip():
        return profile.text
    parts = [profile.name, profile.headline, "Summary", profile.summary, "Experience"]
    for job in profile.experience:
        parts += [f"{job.title}, {job.organisation} {job.period}", *[f"- {h}" for h in job.highlights]]
    parts += ["Projects"] + [
        f"{p.name}: {p.description} {', '.join(p.technologies)}" for p in profile.projects
    ]
    parts += ["Skills", ", ".join(profile.skills_technical), ", ".join(profile.skills_soft)]
    parts += ["Certifications", *profile.certifications, "Education"]
    parts += [f"{e.qualification}, {e.institution} {e.period}" for e in profile.education]
    parts += ["Awards", *profile.awards]
    return "\n".join(p for p in parts if p is not None)


def resume_lines(resume_text: str) -> list[ResumeLine]:
    """Non-empty lines with their section and skills; a wrapped line is joined to the one it continues."""
    text = normalise_text(resume_text)
    sections = split_sections(text)
    joined: list[tuple[int, str]] = []
    offset = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            continues = (
                bool(joined) and line[:1].islower() and not joined[-1][1].endswith((".", ":", "!", "?"))
            )
            if continues:
                joined[-1] = (joined[-1][0], f"{joined[-1][1]} {line}")
            else:
                joined.append((offset, line))
        offset += len(raw) + 1
    out: list[ResumeLine] = []
    for start, line in joined:
        section = section_at(sections, start)
        first: dict[str, str] = {}
        for hit in extract_skills(line):
            first.setdefault(hit.skill, hit.matched)
        out.append(
            ResumeLine(
                section="Summary" if section == "Header" else section, text=line, hits=tuple(first.items())
            )
        )
    return out


def _keyword_in(line: str, keyword: str) -> str | None:
    match = re.search(rf"(?i)(?<![\w+#]){re.escape(keyword)}(?![\w+#])", line)
    return match.group(0) if match else None


def score_coverage(resume_text: str, jd_text: str) -> Coverage:
    terms = jd_terms(jd_text)
    lines = resume_lines(resume_text)
    rank = {name: i for i, name in enumerate(SECTION_ORDER)}
    matched: list[SkillMatch] = []
    missing: list[SkillMatch] = []
    credit: dict[str, float] = {}
    for term in terms:
        sections: list[str] = []
        first_written, used_written = "", ""
        implied_by = IMPLIED_BY.get(term.skill, ())
        for line in lines:
            written = _surface(line, term.skill) or next(
                (w for name, w in line.hits if name in implied_by), None
            )
            if written is None:
                continue
            if line.section not in sections:
                sections.append(line.section)
            first_written = first_written or written
            if line.section in EVIDENCE_SECTIONS and not used_written:
                used_written = written
        surface = used_written or first_written
        if sections:
            sections.sort(key=lambda s: rank.get(s, len(rank)))
            credit[term.skill] = USED_CREDIT if used(sections) else LISTED_CREDIT
            matched.append(
                SkillMatch(skill=term.skill, required=term.required, matched_as=surface, found_in=sections)
            )
        else:
            missing.append(SkillMatch(skill=term.skill, required=term.required))
    # "Kafka or RabbitMQ": one alternative shown meets the requirement; the other is neither a gap nor a
    # zero in the average.
    met_elsewhere = _met_alternatives(jd_text, set(credit))
    missing = [m for m in missing if m.skill not in met_elsewhere]
    counted = [t for t in terms if t.skill not in met_elsewhere]
    required = [credit.get(t.skill, 0.0) for t in counted if t.required]
    nice = [credit.get(t.skill, 0.0) for t in counted if not t.required]
    r = sum(required) / len(required) if required else 0.0
    n = sum(nice) / len(nice) if nice else 0.0
    raw = REQUIRED_WEIGHT * r + NICE_WEIGHT * n if required and nice else (r if required else n)
    return Coverage(
        score=_round(100 * raw), required_coverage=r, nice_coverage=n, matched=matched, missing=missing,
        terms=terms, lines=lines,
    )  # fmt: skip


def _met_alternatives(jd_text: str, shown: set[str]) -> set[str]:
    from .jd_requirements import requirement_groups  # it builds on this module's line classes

    return {
        skill
        for group in requirement_groups(jd_text)
        if len(group.skills) > 1 and any(s in shown for s in group.skills)
        for skill in group.skills
        if skill not in shown
    }


def used(sections: list[str]) -> bool:
    return any(s in EVIDENCE_SECTIONS for s in sections)


def _surface(line: ResumeLine, skill: str) -> str | None:
    for name, written in line.hits:
        if name == skill:
            return written
    if default_lexicon().get(skill) is None:
        return _keyword_in(line.text, skill)
    return None


def _round(value: float) -> int:
    """Half up, clamped to 0-100: the same input gives the same integer on every platform."""
    return max(0, min(100, int(value + 0.5)))


def combine_scores(deterministic: int, engine: int | None) -> int:
    if engine is None:
        return deterministic
    shift = max(-ENGINE_MAX_SHIFT, min(ENGINE_MAX_SHIFT, engine - deterministic))
    return _round(deterministic + ENGINE_WEIGHT * shift)
