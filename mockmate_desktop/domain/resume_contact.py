"""Contact details on a resume: found so that they can be removed from anything sent to a service.

Emails, phone numbers (9-15 digits, not a year range such as "2014 - 2018") and links (http, www, or
profile hosts such as linkedin.com/in/...) are replaced by "[email]", "[phone]" and "[link]".
"""

from __future__ import annotations

import re

from pydantic import Field

from .records import Model

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?i)\b(?:https?://|www\.)[^\s|,;()<>]+"
    r"|\b(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com|medium\.com|x\.com|twitter\.com"
    r"|stackoverflow\.com|kaggle\.com)/[^\s|,;()<>]*"
)
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\(?\d[\d \t().\-‐–]{6,}\d(?![\w])")
_YEAR_RANGE = re.compile(r"^\(?\s*(?:19|20)\d{2}\s*\)?\s*[-‐–—to]*\s*\(?\s*(?:19|20)\d{2}\s*\)?$")


class ContactInfo(Model):
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.emails or self.phones or self.urls)


def _phone_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _PHONE_CANDIDATE.finditer(text):
        candidate = match.group(0).strip()
        digits = sum(ch.isdigit() for ch in candidate)
        if not 9 <= digits <= 15 or _YEAR_RANGE.match(candidate):
            continue
        if re.fullmatch(r"[\d.]+", candidate) and candidate.count(".") != 2:
            continue  # a plain number such as 1200000 or a version like 3.11.4.2 is not a phone
        spans.append((match.start(), match.start() + len(match.group(0).rstrip())))
    return spans


def find_contact(text: str) -> ContactInfo:
    return ContactInfo(
        emails=_EMAIL.findall(text),
        phones=[text[a:b].strip() for a, b in _phone_spans(text)],
        urls=[m.group(0) for m in _URL.finditer(text) if "@" not in m.group(0)],
    )


def redact_contact(text: str) -> str:
    """Email addresses, phone numbers and links replaced by placeholders; everything else untouched."""
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[link]", text)
    for start, end in reversed(_phone_spans(text)):
        text = f"{text[:start]}[phone]{text[end:]}"
    return text
