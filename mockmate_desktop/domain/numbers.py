"""Numbers as the candidate reads them, in the interview's language: the one place that decides how a score,
a share or a z value is written in a report, feedback, practice, plan or progress text.

Why one formatter: the texts used to write every figure the English way, so a French report mixed
"moyenne 4.6/10" and "15%" with its own "0,3 %" and "50 %". Each language now has one convention:
English and Hindi (which in modern usage keeps Western digits) write "4.6/10" and "15%"; French writes a
decimal comma and a no-break space before the percent sign, "4,6/10" and "15\u00a0%" (U+00A0, the space
`report_headings.colon()` sets before a French colon). Every helper formats the English way first and only
then localises, so English output stays what it was. Figures quoted from the candidate's answer or from a
model answer are text, not numbers, and never pass through here.
"""

from __future__ import annotations

import string
from typing import Any

from .enums import Language

NO_BREAK_SPACE = "\u00a0"


def _localised(english: str, language: Language) -> str:
    """An English-formatted figure ("4.6", "+1.74", "15%") in `language`'s convention."""
    if language != Language.FR:
        return english
    french = english.replace(".", ",")
    if french.endswith("%"):
        french = french[:-1].rstrip() + NO_BREAK_SPACE + "%"
    return french


def decimal(value: float, language: Language, places: int = 1) -> str:
    """A fixed number of decimals, as `f"{value:.1f}"`: "5.0" / "5,0"."""
    return _localised(f"{value:.{places}f}", language)


def general(value: float, language: Language) -> str:
    """The short form of `f"{value:g}"`, without a trailing ".0": "4.6", "10" / "4,6", "10"."""
    return _localised(f"{value:g}", language)


def signed(value: float, language: Language, places: int = 2) -> str:
    """Always with its sign, as `f"{value:+.2f}"`: "+1.74", "-0.99" / "+1,74", "-0,99"."""
    return _localised(f"{value:+.{places}f}", language)


def percent(value: float, language: Language) -> str:
    """A value already in percent, rounded to a whole number: "15%" / "15\u00a0%"."""
    return _localised(f"{value:.0f}%", language)


def share(fraction: float, language: Language) -> str:
    """A fraction of one as a whole percent, as `f"{fraction:.0%}"`: 0.61 gives "61%" / "61\u00a0%"."""
    return _localised(f"{fraction:.0%}", language)


def out_of(value: float, total: int, language: Language) -> str:
    """A score over its scale in the short form: "4.6/10", "46/100" / "4,6/10"."""
    return f"{general(value, language)}/{total}"


class _NumberFormatter(string.Formatter):
    """`str.format` whose numeric fields ("{p:.0%}", "{z:+.2f}", "{low:g}") come out in one language."""

    def __init__(self, language: Language) -> None:
        super().__init__()
        self._language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        text: str = super().format_field(value, format_spec)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _localised(text, self._language)
        return text


def fill(template: str, language: Language, /, **values: object) -> str:
    """`template.format(**values)` with every number among `values` written the way `language` writes it;
    text values (quotes, names, already formatted figures) are left exactly as they are."""
    return _NumberFormatter(language).format(template, **values)
