"""The one sanitiser for untrusted text shown in a terminal: session titles, Gemini's questions, file names.

A terminal obeys what it prints: ESC starts a sequence that can retitle the window, clear the screen or
rewrite earlier lines; C1 controls (U+0080-U+009F) do the same on some terminals; bidi overrides
(U+202A-U+202E, U+2066-U+2069, ...) make text display in another order than it is stored. Each such
character is shown as a visible `\\uXXXX` escape instead: the reader sees that something odd is there,
nothing is silently dropped, and inside printed JSON strings the escape means the same character, so
`--json` output stays valid and exact. Lone surrogates (undecodable bytes in argv or a file name) are
escaped the same way, so printing never fails with UnicodeEncodeError.

Kept as they are: newline and tab (unless `one_line`), and every printable character of every script,
including the zero-width joiners Devanagari and emoji need.
"""

from __future__ import annotations

_BIDI = frozenset(
    {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}
)
_SEPARATORS = frozenset({0x2028, 0x2029})  # some terminals break lines on them


def _unsafe(code: int) -> bool:
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or code in _BIDI
        or code in _SEPARATORS
        or 0xD800 <= code <= 0xDFFF
    )


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """`text` with every control, escape, bidi-override and surrogate character made visible and inert."""
    if text.isascii() and text.isprintable():
        return text  # the common case, and cheap
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\t" and not one_line:
            out.append(ch)
        elif ch in "\n\t":
            out.append(" ")
        elif _unsafe(code):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def has_unsafe(text: str) -> bool:
    """True if printing `text` raw would pass a control, bidi or surrogate character to the terminal."""
    return any(_unsafe(ord(ch)) and ch not in "\n\t" for ch in text)
