"""Checks that quotes a model offers as evidence were really said, and the score limits code enforces.

A model can misquote or invent; a quote counts only if it occurs in the candidate's own answers (after
normalising case, spacing, curly quotes and an elided middle). Scores are then held to what the answers
can support: an empty answer scores zero, a few words cannot score well, and a claim without a real quote
cannot score high.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_EDGE = " \t\n\"'“”‘’«».,;:!?-–—()[]"
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\])\s*")

SUBSTANTIVE_WORDS = 8  # fewer words than this is a thin answer whatever the model thinks
THIN_ANSWER_MAX = 2.0
UNSUPPORTED_MAX = 5.0  # an answer score above this needs at least one real quote


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return _SPACES.sub(" ", text).strip().casefold()


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def is_substantive(answer: str) -> bool:
    return word_count(answer) >= SUBSTANTIVE_WORDS


def quote_found(quote: str, haystack: str) -> bool:
    """True when every elided piece of the quote occurs, in order, in the (normalised) haystack."""
    pieces = [normalise(p).strip(_EDGE) for p in _ELLIPSIS.split(quote)]
    pieces = [p for p in pieces if p]
    hay = normalise(haystack)
    if not pieces:
        return False
    if sum(word_count(p) for p in pieces) < 2:
        # A one-word "quote" proves little, unless it is the whole (one-word) answer.
        return len(pieces) == 1 and pieces[0] == hay.strip(_EDGE)
    position = 0
    for piece in pieces:
        found = hay.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def real_quotes(quotes: list[str], haystack: str) -> tuple[list[str], int]:
    """The quotes that occur in the haystack, and how many were dropped."""
    kept = [q.strip() for q in quotes if quote_found(q, haystack)]
    return kept, len(quotes) - len(kept)


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def answer_score_limit(answer: str, has_real_quote: bool) -> float:
    """The highest score code allows for one answer, whatever the model said."""
    if not answer.strip():
        return 0.0
    if not is_substantive(answer):
        return THIN_ANSWER_MAX
    return 10.0 if has_real_quote else UNSUPPORTED_MAX
