"""Invariants every fuzz test checks, and the hostile text alphabet they draw from."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from mockmate_desktop.core.safe_text import has_unsafe

# Text a hostile file, server or argument can carry: escapes, C1 controls, bidi overrides, separators,
# the undecodable-byte surrogates Python puts in argv, markup, and ordinary letters of several scripts.
HOSTILE_PIECES = [
    "\x1b[2J", "\x1b]0;pwned\x07", "\x9b31m", "\u202e", "\u2066", "\u2028", "\r", "\b", "\x7f", "\t", "\n",
    "\udcff", "<b>x</b>", "&amp;", "'", '"', "\\", "..", "/", "%s", "{}", "नमस्ते", "é", "😀", " ",
]  # fmt: skip
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=8)), max_size=12).map(
    "".join
)


def files_under(home: Path) -> dict[str, int]:
    """Every file in a data folder with its size (what an import may have written)."""
    return {p.relative_to(home).as_posix(): p.stat().st_size for p in home.rglob("*") if p.is_file()}


def assert_printable_output(*streams: str) -> None:
    for text in streams:
        assert "Traceback" not in text, text
        assert not has_unsafe(text), repr(text)


Edit = tuple[int, bytes, str]
# Byte-level damage: overwrite, insert or cut a few bytes at a few places.
edits = st.lists(
    st.tuples(
        st.integers(0, 1 << 20), st.binary(min_size=1, max_size=16), st.sampled_from(["set", "insert", "cut"])
    ),
    max_size=6,
)


def apply_edits(data: bytes, changes: list[Edit]) -> bytes:
    out = bytearray(data)
    for position, chunk, kind in changes:
        at = position % (len(out) + 1)
        if kind == "set":
            out[at : at + len(chunk)] = chunk
        elif kind == "insert":
            out[at:at] = chunk
        else:
            del out[at : at + len(chunk)]
    return bytes(out)
