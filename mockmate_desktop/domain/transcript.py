"""A transcription result as the rest of the app sees it, whatever produced it."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from .delivery import WordTiming
from .records import Model

# Whisper splits a word at an apostrophe or hyphen that does not follow a space ("j'ai" -> "j" + "'ai",
# "faites-vous" -> "faites" + "-vous"), and a word's text comes without its leading space: a piece that starts
# with one of these continues the word before it. French elides all the time (l', d', qu', c'est), so joining
# every piece with a space wrote "j 'ai" and "c 'est" into French transcripts and reports.
_CONTINUES = ("'", "’", "-")


def continues_word(piece: str) -> bool:
    """Whether `piece` ("'ai", "-vous") is the rest of the word before it; a lone "-" or "'" is not."""
    return len(piece) > 1 and piece.startswith(_CONTINUES)


def space_before(piece: str, *, after_text: bool) -> str:
    """What goes between the text so far and `piece`: a space, or nothing at the start or where `piece`
    continues the word before it. Plain text and the replay's and live view's HTML use the same rule."""
    return " " if after_text and not continues_word(piece) else ""


def join_words(pieces: Iterable[str]) -> str:
    """Words (or runs of words) as one text: a space between them, none before a piece that continues the
    word before it."""
    text = ""
    for piece in pieces:
        if piece:
            text += space_before(piece, after_text=bool(text)) + piece
    return text


class Transcript(Model):
    text: str = ""
    words: list[WordTiming] = Field(default_factory=list)
    language: str = "en"
    duration_s: float = Field(default=0.0, ge=0.0, description="length of the audio transcribed")
    model_name: str = ""
