"""Word error rate between a reference and a hypothesis transcript, after the same normalisation of both."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_NUMBERS = {
    "0": "zero",
    "1": "one",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
    "10": "ten",
    "11": "eleven",
    "12": "twelve",
    "20": "twenty",
    "30": "thirty",
    "40": "forty",
    "50": "fifty",
    "70": "seventy",
    "100": "hundred",
}
_SPELLING = {"mr": "mister", "mrs": "missus", "dr": "doctor", "%": "percent", "ok": "okay"}


def normalise(text: str) -> list[str]:
    """Lower-case words without punctuation (letters, combining marks and digits kept: Devanagari too)."""
    text = unicodedata.normalize("NFKC", text).lower().replace("%", " percent ")
    text = re.sub(r"[-‐–—/]", " ", text)
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" or ch in " '" else " " for ch in text)
    words: list[str] = []
    for raw in kept.split():
        word = raw.strip("'")
        if not word:
            continue
        word = _SPELLING.get(word, word)
        words.extend(_NUMBERS.get(word, word).split())
    return words


@dataclass(frozen=True)
class WerResult:
    substitutions: int
    deletions: int
    insertions: int
    reference_words: int

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        """Errors per reference word (0.0 for an empty reference and empty hypothesis)."""
        if self.reference_words == 0:
            return 0.0 if self.errors == 0 else 1.0
        return self.errors / self.reference_words


def word_errors(reference: str, hypothesis: str) -> WerResult:
    ref, hyp = normalise(reference), normalise(hypothesis)
    # Levenshtein over words, keeping (cost, subs, dels, ins) per cell to report the kinds of error.
    prev = [(j, 0, 0, j) for j in range(len(hyp) + 1)]
    for i in range(1, len(ref) + 1):
        cur = [(i, 0, i, 0)]
        for j in range(1, len(hyp) + 1):
            if ref[i - 1] == hyp[j - 1]:
                cur.append(prev[j - 1])
                continue
            sub, dele, ins = prev[j - 1], prev[j], cur[j - 1]
            best = min(sub, dele, ins, key=lambda cell: cell[0])
            if best is sub:
                cur.append((sub[0] + 1, sub[1] + 1, sub[2], sub[3]))
            elif best is dele:
                cur.append((dele[0] + 1, dele[1], dele[2] + 1, dele[3]))
            else:
                cur.append((ins[0] + 1, ins[1], ins[2], ins[3] + 1))
        prev = cur
    _, n_sub, n_del, n_ins = prev[-1]
    return WerResult(n_sub, n_del, n_ins, len(ref))


def corpus_wer(pairs: list[tuple[str, str]]) -> float:
    """Total errors over total reference words of (reference, hypothesis) pairs."""
    results = [word_errors(r, h) for r, h in pairs]
    words = sum(r.reference_words for r in results)
    return sum(r.errors for r in results) / words if words else 0.0
