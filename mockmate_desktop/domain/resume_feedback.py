"""Plain-language feedback from a coverage: strengths with a quote, gaps, and a one-line summary.

This is the offline engine's feedback; with Gemini it is shown next to the model's own.
"""

from __future__ import annotations

from .resume_parsing import EVIDENCE_SECTIONS
from .resume_scoring import Coverage, used


def strengths_and_gaps(coverage: Coverage) -> tuple[list[str], list[str]]:
    """Plain-language feedback from the coverage alone (the offline engine's feedback)."""
    strengths: list[str] = []
    gaps: list[str] = []
    for match in coverage.matched:
        kind = "required" if match.required else "nice-to-have"
        if used(match.found_in):
            evidence = next(
                (
                    ln
                    for ln in coverage.lines
                    if ln.section in EVIDENCE_SECTIONS and match.matched_as in ln.text
                ),
                None,
            )
            where = (
                evidence.section if evidence else next(s for s in match.found_in if s in EVIDENCE_SECTIONS)
            )
            quote = f': "{_clip(evidence.text)}"' if evidence else ""
            strengths.append(f"{match.skill} ({kind}) shown in use in {where}{quote}")
        elif match.required:
            gaps.append(
                f"{match.skill} (required) is only listed in {', '.join(match.found_in)}: "
                "no experience or project line shows it in use"
            )
    for match in coverage.missing:
        kind = "required" if match.required else "nice-to-have"
        gaps.append(f"{match.skill} ({kind}) does not appear on the resume")
    return strengths, gaps


def coverage_summary(coverage: Coverage, job_title: str) -> str:
    required = [t for t in coverage.terms if t.required]
    nice = [t for t in coverage.terms if not t.required]
    if not coverage.terms:
        return (
            "The job description names no skills or tools this analyzer recognises, so keyword coverage is 0. "
            "Paste the full job description, including its requirements."
        )
    got_r = sum(1 for m in coverage.matched if m.required)
    got_n = sum(1 for m in coverage.matched if not m.required)
    role = f" for {job_title}" if job_title else ""
    text = f"Keyword coverage{role}: {got_r} of {len(required)} required"
    if nice:
        text += f" and {got_n} of {len(nice)} nice-to-have"
    text += f" skills found (score {coverage.score}/100)."
    top_missing = [m.skill for m in coverage.missing if m.required][:3]
    if top_missing:
        text += " Missing required: " + ", ".join(top_missing) + "."
    return text


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
