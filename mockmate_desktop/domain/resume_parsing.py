"""A local resume parser: sections, name, contact detection and redaction, and the structured parts.

Pure text in, data out. It is the offline counterpart of the Gemini resume reader, and the analyzer uses
its section finder to say where in a resume each skill was found. Heuristics are tuned on common
one- and two-column resume layouts in English and French.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pydantic import Field

from .records import Model
from .resume import Education, Experience, Project
from .resume_contact import ContactInfo, find_contact, redact_contact
from .skills import extract_skills, unique_skills

__all__ = ["ContactInfo", "ParsedResume", "find_contact", "parse_resume", "redact_contact", "split_sections"]

SECTION_ORDER = (
    "Summary", "Experience", "Projects", "Skills", "Certifications", "Education", "Awards", "Languages", "Other",
)  # fmt: skip
# Where a skill counts as used, not just listed.
EVIDENCE_SECTIONS = frozenset({"Experience", "Projects"})

_HEADINGS: dict[str, tuple[str, ...]] = {
    "Summary": ("summary", "profile", "professional summary", "about me", "about", "objective",
                "career objective", "personal statement", "professional profile", "career summary", "profil"),
    "Experience": ("experience", "work experience", "professional experience", "employment",
                   "employment history", "work history", "career history", "relevant experience",
                   "expérience", "expérience professionnelle", "expériences", "internships", "internship"),
    "Education": ("education", "academic background", "qualifications", "education and training",
                  "academic qualifications", "formation", "études", "education & training"),
    "Skills": ("skills", "technical skills", "core skills", "key skills", "competencies", "core competencies",
               "technologies", "tech stack", "tools", "skills & tools", "skills and tools", "soft skills",
               "compétences", "skills summary", "areas of expertise", "expertise", "technical proficiencies"),
    "Certifications": ("certifications", "certificates", "certification", "licenses", "licences",
                       "certifications & licenses", "licenses & certifications", "accreditations"),
    "Projects": ("projects", "personal projects", "selected projects", "side projects", "open source",
                 "key projects", "academic projects", "projets"),
    "Awards": ("awards", "honours", "honors", "achievements", "awards & honours", "awards and honours",
               "honors & awards", "accomplishments", "prix"),
    "Languages": ("languages", "langues", "spoken languages"),
    "Other": ("interests", "hobbies", "volunteering", "volunteer experience", "publications", "references",
              "activities", "extracurricular activities", "centres d'intérêt"),
}  # fmt: skip
_HEADING_INDEX = {variant: section for section, variants in _HEADINGS.items() for variant in variants}

_BULLET = re.compile(r"^\s*(?:[-–—•●▪◦*·>]|\d{1,2}[.)])\s+")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:(?:{_MONTH}\s+)?(?:19|20)\d{{2}}|\d{{1,2}}/(?:19|20)\d{{2}})"
_PERIOD = re.compile(
    rf"(?i)\(?{_DATE}\s*(?:[-‐–—]|to|until|à)\s*(?:{_DATE}|present|current|now|today|ongoing|aujourd'hui)\)?"
    rf"|\(?(?:{_MONTH}\s+)?(?:19|20)\d{{2}}\)?$"
)
_QUALIFICATION = re.compile(
    r"(?i)\b(?:b\.?sc|m\.?sc|b\.?a|m\.?a|b\.?eng|m\.?eng|b\.?tech|m\.?tech|ph\.?d|mba|bachelor|master|"
    r"doctorate|diploma|degree|licence|a-levels?|gcse|baccalaur[ée]at|associate of|hnd)\b"
)
_INSTITUTION = re.compile(
    r"(?i)\b(?:university|université|college|institute|school|academy|polytechnic|iit)\b"
)
_SOFT_PREFIX = re.compile(r"(?i)^(?:soft skills?|interpersonal|personal skills?)\s*[:\-–]\s*")
_LIST_SPLIT = re.compile(r"\s*(?:[,;|•·▪●/]|\s{2,}|\t|\band\b|\bor\b)\s*")


def _words(text: str) -> list[str]:
    return text.split()


# Words that head skills tables or group skills, not skills themselves.
_NOT_SKILLS = frozenset(
    _words(
        "area areas skill skills years year level proficiency category categories tools tool languages "
        "language platforms platform data practices frameworks framework databases cloud other others "
        "technologies technical soft expert advanced intermediate beginner basic fluent native familiar "
        "proficient and or etc"
    )
)
_SPOKEN_LANGUAGES = frozenset(
    _words(
        "english french français francais spanish español german deutsch hindi हिन्दी mandarin chinese "
        "cantonese japanese 日本語 korean arabic portuguese italian russian dutch polish turkish bengali urdu "
        "tamil telugu marathi gujarati punjabi swahili greek hebrew swedish norwegian danish finnish "
        "vietnamese thai indonesian malay persian farsi ukrainian romanian czech hungarian русский ελληνικά "
        "italiano português 中文 한국어 العربية nederlands polski"
    )
)
_LABEL_PREFIX = re.compile(r"^[A-Z][\w &/-]{1,30}:\s+")


class ParsedResume(Model):
    name: str = ""
    headline: str = ""
    summary: str = ""
    experience: list[Experience] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills_technical: list[str] = Field(default_factory=list)
    skills_soft: list[str] = Field(default_factory=list)
    certifications: list[str] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    awards: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    sections_found: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Section:
    name: str
    heading: str  # the heading line as written; "" for the header block
    start: int  # character offsets into the text the sections were found in
    end: int
    lines: list[str] = field(default_factory=list)


def normalise_text(text: str) -> str:
    """NFKC (ligatures such as 'ﬁ' become 'fi'), unified newlines, no control characters, no NULs."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def heading_of(line: str) -> str | None:
    """The section a line opens, when the line is a heading ("WORK EXPERIENCE", "Skills:")."""
    stripped = _BULLET.sub("", line).strip().strip(":").strip()
    if not stripped or len(stripped) > 40 or len(stripped.split()) > 5:
        return None
    key = " ".join(stripped.casefold().replace("&", " & ").split())
    return _HEADING_INDEX.get(key)


def split_sections(text: str) -> list[Section]:
    """Sections in order of appearance; text before the first heading is the 'Header'."""
    sections: list[Section] = []
    current, heading_text, start = "Header", "", 0
    lines: list[str] = []
    offset = 0
    for raw in text.split("\n"):
        heading = heading_of(raw)
        if heading is not None:
            sections.append(Section(current, heading_text, start, offset, lines))
            current, heading_text, start, lines = heading, raw.strip(), offset, []
        elif raw.strip():
            lines.append(raw.strip())
        offset += len(raw) + 1
    sections.append(Section(current, heading_text, start, len(text), lines))
    return [s for s in sections if s.lines or s.name != "Header"]


def section_at(sections: list[Section], position: int) -> str:
    for section in sections:
        if section.start <= position < section.end:
            return section.name
    return "Other"


def _clean_item(line: str) -> str:
    return _BULLET.sub("", line).strip().strip("-–—,;").strip()


def _joined_items(lines: list[str]) -> list[str]:
    """Wrapped lines joined back: a line that continues a word ('-' end) or a sentence (lowercase start)."""
    items: list[str] = []
    previous_raw = ""
    for raw in lines:
        line = _clean_item(raw)
        if not line:
            continue
        continues = (
            bool(items)
            and not _BULLET.match(raw)
            and (
                previous_raw.rstrip().endswith(("-", ",", "&", " and"))
                or line[:1].islower()
                or len(line.split()) <= 1
            )
        )
        if continues:
            joiner = " - " if previous_raw.rstrip().endswith("-") else " "
            items[-1] = f"{items[-1]}{joiner}{line}"
        else:
            items.append(line)
        previous_raw = raw
    return items


def _parse_experience(lines: list[str]) -> list[Experience]:
    entries: list[Experience] = []
    pending_bullet = False
    for raw in lines:
        is_bullet = bool(_BULLET.match(raw))
        line = _clean_item(raw)
        period = _PERIOD.search(line)
        if is_bullet and entries:
            entries[-1].highlights = [*entries[-1].highlights, line]
            pending_bullet = not line.endswith((".", "!", "?"))
            continue
        if pending_bullet and entries and entries[-1].highlights and (line[:1].islower() or len(line) < 25):
            *earlier, last = entries[-1].highlights
            entries[-1].highlights = [*earlier, f"{last} {line}"]
            pending_bullet = not line.endswith((".", "!", "?"))
            continue
        pending_bullet = False
        if (
            period is not None
            and period.group(0).strip() == line.strip()
            and entries
            and not entries[-1].period
        ):
            entries[-1].period = period.group(0).strip("() ")  # a period alone on the line under its title
            continue
        head = line if period is None else (line[: period.start()] + line[period.end() :]).strip(" ,|–-")
        title, organisation = _title_and_org(head)
        if not title and entries and period is not None:
            entries[-1].period = entries[-1].period or period.group(0).strip("() ")
            continue
        if (
            not is_bullet
            and entries
            and not entries[-1].highlights
            and not entries[-1].organisation
            and period is None
        ):
            entries[-1].organisation = head  # "Title" then "Company" on the next line
            continue
        entries.append(
            Experience(
                title=title, organisation=organisation, period=period.group(0).strip("() ") if period else ""
            )
        )
    return [e for e in entries if e.title or e.highlights]


def _title_and_org(head: str) -> tuple[str, str]:
    for separator in (" at ", " @ ", " | ", " — ", " – ", " - ", ", "):
        if separator in head:
            title, organisation = head.split(separator, 1)
            return title.strip(), organisation.strip(" ,|")
    return head.strip(), ""


def _parse_education(lines: list[str]) -> list[Education]:
    entries: list[Education] = []
    for line in _joined_items(lines):
        period = _PERIOD.search(line)
        text = line if period is None else (line[: period.start()] + line[period.end() :]).strip(" ,|–-")
        when = period.group(0).strip("() ") if period else ""
        if (
            entries
            and not _QUALIFICATION.search(text)
            and (not entries[-1].institution or (not text and not entries[-1].period))
        ):
            if text:
                entries[-1].institution = text
            entries[-1].period = entries[-1].period or when
            continue
        if not text and entries:
            entries[-1].period = entries[-1].period or when
            continue
        qualification, institution = _title_and_org(text)
        if _INSTITUTION.search(qualification) and not _INSTITUTION.search(institution) and institution:
            qualification, institution = institution, qualification
        entries.append(Education(qualification=qualification, institution=institution, period=when))
    return entries


def _parse_skills(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(technical, soft, spoken languages) from the lines of a skills section or table."""
    technical: dict[str, None] = {}
    soft: dict[str, None] = {}
    spoken: dict[str, None] = {}
    soft_block = False
    for raw in lines:
        line = _clean_item(raw)
        heading = heading_of(line)
        if heading is not None:
            soft_block = heading == "Skills" and "soft" in line.casefold()
            continue
        is_soft_line = bool(_SOFT_PREFIX.match(line)) or soft_block
        line = _LABEL_PREFIX.sub("", _SOFT_PREFIX.sub("", line))  # "Languages: Python, SQL" -> "Python, SQL"
        hits = extract_skills(line)
        for hit in hits:
            (soft if hit.kind == "soft" or is_soft_line else technical).setdefault(hit.skill, None)
        rest = line
        for hit in reversed(hits):
            rest = f"{rest[: hit.start]} , {rest[hit.end :]}"
        for item in _LIST_SPLIT.split(rest):
            item = item.strip(" .:-–()[]")
            key = item.casefold()
            if (
                len(item) <= 2
                or len(item.split()) > 4
                or key in _NOT_SKILLS
                or not any(c.isalpha() for c in item)
            ):
                continue
            if key in _SPOKEN_LANGUAGES:
                spoken.setdefault(item, None)
            else:
                (soft if is_soft_line else technical).setdefault(" ".join(item.split()), None)
    return list(technical), list(soft), list(spoken)


def _parse_projects(lines: list[str]) -> list[Project]:
    projects: list[Project] = []
    for item in _joined_items(lines):
        name, _, description = item.partition(":")
        if not description:
            name, description = _title_and_org(item) if " - " in item or " – " in item else (item, "")
        technologies = [h for h in unique_skills(extract_skills(description or name))]
        projects.append(
            Project(name=name.strip(), description=description.strip(), technologies=technologies)
        )
    return projects


def _name_and_headline(header: list[str]) -> tuple[str, str]:
    name, headline = "", ""
    for line in header[:6]:
        clean = redact_contact(line)
        if "[" in clean and not name:
            continue
        words = clean.split()
        looks_like_name = (
            2 <= len(words) <= 5
            and len(clean) <= 50
            and all(w[:1].isupper() or w[:1] in "-'" for w in words)
            and not any(ch.isdigit() for ch in clean)
        )
        if not name and looks_like_name and heading_of(clean) is None:
            name = clean.strip().title() if clean.isupper() else clean.strip()
        elif name and not headline and "[" not in clean and 2 <= len(words) <= 12:
            headline = clean.strip()
            break
    return name, headline


def parse_resume(text: str) -> ParsedResume:
    """Structured fields from resume text. Contact details are not part of the result."""
    text = normalise_text(text)
    sections = split_sections(text)
    by_name: dict[str, list[str]] = {}
    for section in sections:
        by_name.setdefault(section.name, []).extend(section.lines)
    name, headline = _name_and_headline(by_name.get("Header", []))
    skill_lines = [line for s in sections if s.name == "Skills" for line in (s.heading, *s.lines)]
    technical, soft, spoken = _parse_skills(skill_lines)
    # Skills shown in use elsewhere count too, so a resume without a skills list still has skills.
    for section in sections:
        if section.name in {"Skills", "Other", "Languages"}:
            continue
        for hit in extract_skills("\n".join(section.lines)):
            target = soft if hit.kind == "soft" else technical
            if hit.skill not in target and not (hit.kind == "soft" and section.name == "Education"):
                target.append(hit.skill)
    return ParsedResume(
        name=name,
        headline=headline,
        summary=redact_contact(" ".join(by_name.get("Summary", []))),
        experience=_parse_experience(by_name.get("Experience", [])),
        education=_parse_education(by_name.get("Education", [])),
        skills_technical=technical,
        skills_soft=soft,
        certifications=[redact_contact(c) for c in _joined_items(by_name.get("Certifications", []))],
        projects=_parse_projects(by_name.get("Projects", [])),
        awards=[redact_contact(a) for a in _joined_items(by_name.get("Awards", []))],
        languages=list(
            dict.fromkeys(
                [*spoken]
                + [
                    item.strip(" .")
                    for line in by_name.get("Languages", [])
                    for item in _LIST_SPLIT.split(_clean_item(line))
                    if any(ch.isalpha() for ch in item)
                ]
            )
        ),
        sections_found=list(dict.fromkeys(s.name for s in sections if s.name != "Header")),
    )
