"""Turning pypdf's layout-mode text into reading order.

Layout mode keeps the geometry of a page: table rows stay on one line ("Languages   Python, SQL   6"),
which plain mode breaks into one cell per line. But it also prints two columns side by side, mixing
a sidebar into the experience section. So: layout text, then split at a gutter when the page has one.

Measured on the test PDFs (tests/support/pdfs.py): plain mode lost the rows of a skills table; layout
mode interleaved a two-column resume; layout + gutter split got both right.
"""

from __future__ import annotations

import re

_MIN_LINES = 6
_GUTTER_CLEAR = 0.9  # share of lines that must be blank at the gutter
_BOTH_SIDES = 0.3  # share of lines with text on both sides: otherwise it is a ragged right edge


def _blank_at(line: str, column: int) -> bool:
    return line[column - 1 : column + 1].strip() == ""


def find_gutter(lines: list[str]) -> int | None:
    """The column where a page splits into two text columns, or None for a single-column page."""
    text_lines = [line for line in lines if line.strip()]
    if len(text_lines) < _MIN_LINES:
        return None
    width = max(len(line) for line in text_lines)
    best: tuple[float, int] | None = None
    for column in range(max(2, int(width * 0.2)), int(width * 0.75)):
        clear = sum(_blank_at(line, column) for line in text_lines) / len(text_lines)
        if clear < _GUTTER_CLEAR:
            continue
        both = sum(bool(line[:column].strip()) and bool(line[column:].strip()) for line in text_lines) / len(
            text_lines
        )
        right = sum(bool(line[column:].strip()) for line in text_lines) / len(text_lines)
        if both < _BOTH_SIDES or right < _BOTH_SIDES or not _prose_on_right(text_lines, column):
            continue
        score = (clear, -column)
        if best is None or score > (best[0], -best[1]):
            best = (clear, column)
    return None if best is None else best[1]


def _prose_on_right(lines: list[str], column: int) -> bool:
    """A real column holds words; a ragged run of right-aligned dates ("2019 - 2021") does not."""
    right = [line[column:].strip() for line in lines if line[column:].strip()]
    wordy = sum(len(re.findall(r"[^\W\d_]{2,}", part)) >= 2 for part in right)
    return wordy >= _BOTH_SIDES * len(right)


def reading_order(page_text: str) -> str:
    """The page as one column: left column first, then the right; unchanged when there is no gutter."""
    lines = page_text.split("\n")
    gutter = find_gutter(lines)
    if gutter is None:
        return page_text
    left = [line[:gutter].rstrip() for line in lines]
    right_raw = [line[gutter:] for line in lines]
    indent = min((len(r) - len(r.lstrip()) for r in right_raw if r.strip()), default=0)
    right = [r[indent:].rstrip() for r in right_raw]
    return "\n".join([*_squeeze(left), "", *_squeeze(right)])


def _squeeze(lines: list[str]) -> list[str]:
    """Blank runs folded to one blank line; leading and trailing blanks dropped."""
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


def tidy_cells(text: str) -> str:
    """Table cells separated by wide runs of spaces become ' | ' so that they read as a row."""
    rows = []
    for line in text.split("\n"):
        stripped = line.strip()
        parts = [p for p in stripped.split("   ") if p.strip()]
        rows.append(" | ".join(p.strip() for p in parts) if len(parts) > 1 else stripped)
    return "\n".join(rows)
