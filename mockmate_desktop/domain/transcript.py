"""A transcription result as the rest of the app sees it, whatever produced it."""

from __future__ import annotations

from pydantic import Field

from .delivery import WordTiming
from .records import Model


class Transcript(Model):
    text: str = ""
    words: list[WordTiming] = Field(default_factory=list)
    language: str = "en"
    duration_s: float = Field(default=0.0, ge=0.0, description="length of the audio transcribed")
    model_name: str = ""
