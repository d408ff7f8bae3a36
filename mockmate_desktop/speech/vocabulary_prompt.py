"""The interview's vocabulary as faster-whisper arguments: `initial_prompt`, `hotwords`, or both.

Both share Whisper's prompt budget (223 tokens each before the start-of-transcript token; faster-whisper
puts `hotwords` first and the prompt after it). Which one hears the job's words best is measured by
`mockmate bench speech` on the held-out spoken answers; `DEFAULT_MODE` is that measurement's winner.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from ..domain.vocabulary import Vocabulary

VocabularyMode = Literal["prompt", "hotwords", "both"]
DEFAULT_MODE: VocabularyMode = "prompt"


class PromptArgs(TypedDict):
    initial_prompt: str | None
    hotwords: str | None


def whisper_prompt(
    vocabulary: Vocabulary | None, mode: VocabularyMode = DEFAULT_MODE, extra_prompt: str | None = None
) -> PromptArgs:
    """Keyword arguments for `WhisperTranscriber.transcribe`: `initial_prompt` and `hotwords`.

    `extra_prompt` (e.g. a disfluent one, so fillers are written) goes after the terms: Whisper continues in
    the style of the prompt's end.
    """
    terms = vocabulary.prompt() if vocabulary else ""
    prompt_parts = [terms] if terms and mode in ("prompt", "both") else []
    if extra_prompt:
        prompt_parts.append(extra_prompt)
    hotwords = terms if terms and mode in ("hotwords", "both") else None
    return PromptArgs(initial_prompt=" ".join(prompt_parts) or None, hotwords=hotwords)
