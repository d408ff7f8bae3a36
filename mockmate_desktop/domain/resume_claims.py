"""Quantified claims on a resume ("Cut p95 latency from 8 s to 400 ms at ShipFast"), ready to be asked about.

A claim is one line of Experience or Projects that holds a measured figure: a percentage, an amount of
money, a duration, a count of users, requests or people, or a "from X to Y" change. Each claim keeps the
organisation it was made at (when the resume says), the figure, and what kind of result it is, so that an
interviewer can ask the question that kind deserves: a latency claim gets "how did you find the
bottleneck?", a growth claim "how do you know the change caused it?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .resume import ResumeProfile
from .resume_parsing import EVIDENCE_SECTIONS
from .resume_scoring import resume_lines

ClaimKind = Literal["speed", "money", "growth", "scale", "people", "reliability", "other"]

_NUMBER = r"(?:[$€£₹]\s?)?\d[\d,.]*(?:\s?(?:milliseconds|seconds|minutes|hours?|days?|weeks?|ms|sec|min|bn|%|x|×|k|m|b|s)(?!\w))?"
_FROM_TO = re.compile(
    rf"(?i)\bfrom\s+(?:about\s+|~)?({_NUMBER})\s+(?:down\s+|up\s+)?to\s+(?:about\s+|~)?({_NUMBER})"
)
_FIGURE = re.compile(
    r"(?i)(?:[$€£₹]\s?\d[\d,.]*\s?(?:k|m|bn|million|billion|lakh|crore)?"
    r"|\d[\d,.]*\s?(?:%|x\b|×|percent|ms\b|milliseconds|seconds|s\b|minutes|hours|days|weeks)"
    r"|\d[\d,.]*\s?(?:k|m|million|billion|lakh|crore)?\+?\s+(?:\w+\s)?(?:users|customers|requests|transactions|events"
    r"|messages|orders|patients|students|engineers|people|reports|accounts|clients|leads|deals|tickets|rps|qps"
    r"|tb|gb|pb|countries|stores|sites|services|pipelines|models|deployments|downloads|installs))"
)
_KINDS: tuple[tuple[ClaimKind, re.Pattern[str]], ...] = (
    (
        "speed",
        re.compile(
            r"(?i)\b(?:p\d{2}|latency|ms\b|milliseconds|seconds|faster|load time|response time|runtime|build time|speed)"
        ),
    ),
    (
        "reliability",
        re.compile(
            r"(?i)\b(?:uptime|availability|incidents?|outages?|error rate|errors|downtime|mttr|failures?|defects?|bugs?)"
        ),
    ),
    ("money", re.compile(r"(?i)[$€£₹]|\b(?:cost|costs|saved|savings|revenue|budget|spend|arr|mrr|profit)\b")),
    (
        "people",
        re.compile(
            r"(?i)\b(?:engineers|people|team of|hired|mentored|direct reports|reports|staff|nurses|teachers)\b"
        ),
    ),
    (
        "growth",
        re.compile(
            r"(?i)\b(?:conversion|retention|churn|growth|grew|increased|engagement|signups|sales|nps|csat|satisfaction|adoption)"
        ),
    ),
    (
        "scale",
        re.compile(
            r"(?i)\b(?:users|requests|rps|qps|events|messages|transactions|tb|gb|pb|million|billion|scale|throughput)"
        ),
    ),
)
# Past-tense verbs that open resume bullets without "-ed".
_IRREGULAR = frozenset(
    [
        "built",
        "cut",
        "led",
        "ran",
        "grew",
        "won",
        "made",
        "took",
        "drove",
        "wrote",
        "set",
        "shipped",
        "brought",
        "sold",
        "taught",
        "began",
        "found",
        "rebuilt",
        "rewrote",
        "undertook",
        "oversaw",
        "kept",
        "held",
        "spent",
        "chose",
        "split",
        "bought",
    ]
)
_TRAILING_HOW = re.compile(
    r"(?i)\s*(?:[,;(]|\s(?:by|through|via|using|thanks to|which|while|resulting)\b).*$"
)
_AT_ORG = re.compile(r"(?i)\bat\s+[A-Z]")
MAX_CLAIM_WORDS = 22


@dataclass(frozen=True)
class ResumeClaim:
    text: str  # the resume line as written, tidied
    statement: str  # what is quoted: the whole line when short, else cut to its result
    figure: str  # "from 8 s to 400 ms", "40%", "$1.2M"
    kind: ClaimKind
    organisation: str = ""

    @property
    def verb_led(self) -> bool:
        """Whether the statement opens with a past-tense verb, so "You <statement>" is a sentence."""
        first = self.statement.split(maxsplit=1)[0].casefold() if self.statement else ""
        return first in _IRREGULAR or (first.endswith("ed") and len(first) > 4)

    def as_you_said(self) -> str:
        """ "You cut p95 latency from 8 s to 400 ms at ShipFast" (English only; None when not verb-led)."""
        body = self.statement[:1].lower() + self.statement[1:]
        if not self.organisation or _AT_ORG.search(body):
            return f"You {body}"
        # "at ShipFast" belongs to the result, before the "by adding a cache" that explains it.
        how = _TRAILING_HOW.search(body)
        cut = how.start() if how and how.start() > 0 else len(body)
        return f"You {body[:cut]} at {self.organisation}{body[cut:]}"


def _figure(line: str) -> str | None:
    found = _FROM_TO.search(line)
    if found:
        return f"from {found.group(1)} to {found.group(2)}"
    match = _FIGURE.search(line)
    return match.group(0).strip() if match else None


def _kind(line: str) -> ClaimKind:
    for kind, pattern in _KINDS:
        if pattern.search(line):
            return kind
    return "other"


def _statement(line: str, figure: str) -> str:
    """The line as the interviewer will quote it: whole when short (its "by adding a Redis cache" is what the
    job asks about), else cut to the result."""
    cleaned = line.strip().lstrip("-•*·–").strip().rstrip(".")
    if len(cleaned.split()) <= MAX_CLAIM_WORDS:
        return cleaned
    cut = _TRAILING_HOW.sub("", cleaned)
    # Keep the figure: if cutting removed it, keep the line up to the figure's end instead.
    if figure.split()[-1] not in cut:
        end = cleaned.find(figure.split()[-1]) + len(figure.split()[-1])
        cut = cleaned[:end]
    words = cut.split()
    return " ".join(words[:MAX_CLAIM_WORDS])


def _claim(line: str, organisation: str) -> ResumeClaim | None:
    figure = _figure(line)
    if figure is None or len(line.split()) < 4:
        return None
    if re.fullmatch(r"(?i)(?:19|20)\d\d", figure.strip()):
        return None  # a year is not a result
    statement = _statement(line, figure)
    return ResumeClaim(
        text=" ".join(line.strip().lstrip("-•*·–").split()),
        statement=statement,
        figure=figure,
        kind=_kind(line),
        organisation=organisation,
    )


def extract_claims(profile: ResumeProfile | None, limit: int = 6) -> list[ResumeClaim]:
    """The resume's quantified claims, strongest first: "from X to Y" changes, then other figures."""
    if profile is None:
        return []
    found: list[ResumeClaim] = []
    seen: set[str] = set()
    for job in profile.experience:
        for highlight in job.highlights:
            claim = _claim(highlight, job.organisation.strip())
            if claim and claim.statement.casefold() not in seen:
                seen.add(claim.statement.casefold())
                found.append(claim)
    for line in resume_lines(profile.text) if profile.text.strip() else []:
        if line.section not in EVIDENCE_SECTIONS:
            continue
        claim = _claim(line.text, "")
        if claim and not any(
            claim.statement.casefold() in s or s in claim.statement.casefold() for s in seen
        ):
            seen.add(claim.statement.casefold())
            found.append(claim)
    found.sort(key=lambda c: (not c.figure.startswith("from "), c.kind == "other"))
    return found[:limit]
