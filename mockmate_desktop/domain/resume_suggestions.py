"""Concrete resume rewrites that add missing JD keywords, truthfully.

A keyword is only suggested on a line that already shows related work ("Moved batch jobs to AWS" may
gain "Terraform" if the candidate really provisioned it that way); the reason always says "only if
true". Without related evidence the suggestion is to learn the skill and add a project, never to claim it.
"""

from __future__ import annotations

from .resume import RewriteSuggestion, SkillMatch
from .resume_parsing import EVIDENCE_SECTIONS
from .resume_scoring import Coverage, ResumeLine
from .skill_relations import related_skills
from .skills import default_lexicon, normalise_term

MAX_SUGGESTIONS = 8


def _evidence_line(coverage: Coverage, skill: str) -> tuple[ResumeLine, str] | None:
    """The first experience or project line that shows work related to `skill`."""
    related = related_skills(skill)
    for line in coverage.lines:
        if line.section not in EVIDENCE_SECTIONS:
            continue
        for name in line.skills:
            if name in related:
                return line, name
    return None


def _bare(line: str) -> str:
    return line.lstrip("-•*·▪ ").rstrip(" .;")


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _kind(match: SkillMatch) -> str:
    return "required" if match.required else "nice-to-have"


def _is_soft(skill: str) -> bool:
    known = default_lexicon().get(skill)
    return known is not None and known.kind == "soft"


def _on_line(line: ResumeLine, items: list[tuple[SkillMatch, str, str]]) -> RewriteSuggestion:
    """One rewrite of one resume line adding every keyword that has related evidence there."""
    keywords = [keyword for _, keyword, _ in items]
    reasons = "; ".join(
        f"{keyword} ({_kind(match)}, related to your {related})" for match, keyword, related in items
    )
    return RewriteSuggestion(
        section=line.section,
        original=line.text,
        suggested=f"{_bare(line.text)}, using {_join(keywords)}.",
        reason=f"The job asks for {reasons}. This line already shows the related work: add "
        f"{'each keyword' if len(keywords) > 1 else keywords[0]} only if it is true for this work.",
        keywords_added=keywords,
    )


def _learn(match: SkillMatch, keyword: str) -> RewriteSuggestion:
    if _is_soft(match.skill):
        suggested = (
            f"If you have done this, add a bullet that shows {keyword} in action: '<situation>: <what you did> "
            f"(e.g. who you worked with, what you presented or agreed), <result>.' If not, look for a chance "
            "to do it (a project, volunteering) and add it then."
        )
        section = "Experience"
    else:
        suggested = (
            f"Build a small project that uses {keyword}, publish it, and add it under Projects: "
            f"'<Project name>: <what it does>, built with {keyword}; <one measurable result>.'"
        )
        section = "Projects"
    return RewriteSuggestion(
        section=section,
        original="",
        suggested=suggested,
        reason=f"The job asks for {keyword} ({_kind(match)}) and nothing on your resume shows related work, "
        "so do not claim it: learn it and show it first.",
        keywords_added=[keyword],
    )


def _show_in_use(match: SkillMatch, keyword: str) -> RewriteSuggestion:
    example = (
        f"'<Situation>: <what you did that needed {keyword}>, <result>.'"
        if _is_soft(match.skill)
        else f"'<Action verb> <what you built or improved> with {keyword}, <measurable result>.'"
    )
    return RewriteSuggestion(
        section="Experience",
        original="",
        suggested=f"Add a bullet under the role where you used {keyword}: {example}",
        reason=f"{keyword} is required but only listed in {', '.join(match.found_in)}; a skill shown in use "
        "counts for more than a list.",
        keywords_added=[keyword],
    )


def _use_jd_wording(match: SkillMatch, coverage: Coverage) -> RewriteSuggestion | None:
    """Resume says 'k8s', JD says 'Kubernetes': spell it the JD's way too, for screening software."""
    keyword = _as_in_jd(coverage, match.skill)
    if not match.matched_as or keyword.casefold() in match.matched_as.casefold():
        return None
    if any(keyword.casefold() in line.text.casefold() for line in coverage.lines):
        return None
    line = next((ln for ln in coverage.lines if match.matched_as in ln.text), None)
    if line is None or match.skill not in line.skills:
        return None  # an implied skill ("PostgreSQL" shows SQL): nothing to respell
    return RewriteSuggestion(
        section=line.section,
        original=line.text,
        suggested=line.text.replace(match.matched_as, f"{keyword} ({match.matched_as})", 1),
        reason=f"The job description says '{keyword}'; your resume says '{match.matched_as}'. "
        "Use both so that keyword screening finds it.",
        keywords_added=[keyword],
    )


def _as_in_jd(coverage: Coverage, skill: str) -> str:
    """The JD's own spelling for names ("K8s", "Terraform"), else the skill's name as a phrase."""
    term = coverage.term(skill)
    if term is not None and (
        term.as_written[:1].isupper() or normalise_term(term.as_written) == normalise_term(skill)
    ):
        return term.as_written
    if skill[:1].isupper() and skill[1:2].islower() and (_is_soft(skill) or skill[1:] == skill[1:].lower()):
        return skill[0].lower() + skill[1:]  # "Test automation" reads as "test automation" mid-sentence
    return skill


def suggest_rewrites(coverage: Coverage, limit: int = MAX_SUGGESTIONS) -> list[RewriteSuggestion]:
    """Required gaps first, then required skills only listed, then nice-to-have gaps, then wording."""
    ordered = [m for m in coverage.missing if m.required]
    ordered += [
        m for m in coverage.matched if m.required and not any(s in EVIDENCE_SECTIONS for s in m.found_in)
    ]
    ordered += [m for m in coverage.missing if not m.required]
    by_line: dict[str, tuple[ResumeLine, list[tuple[SkillMatch, str, str]]]] = {}
    slots: list[RewriteSuggestion | str] = []  # a str marks where a line's combined rewrite goes
    for match in ordered:
        keyword = _as_in_jd(coverage, match.skill)
        found = _evidence_line(coverage, match.skill)
        if found is not None:
            line, related = found
            if line.text not in by_line:
                by_line[line.text] = (line, [])
                slots.append(line.text)
            by_line[line.text][1].append((match, keyword, related))
        elif match.found_in:
            slots.append(_show_in_use(match, keyword))
        else:
            slots.append(_learn(match, keyword))
    out = [slot if isinstance(slot, RewriteSuggestion) else _on_line(*by_line[slot]) for slot in slots]
    for match in coverage.matched:
        wording = _use_jd_wording(match, coverage)
        if wording is not None:
            out.append(wording)
    return out[:limit]
