"""The interview's vocabulary as faster-whisper arguments: `initial_prompt`, `hotwords`, or both.

Both share Whisper's prompt budget (223 tokens each before the start-of-transcript token; faster-whisper
puts `hotwords` first and the prompt after it). For a pass that fits in one 30 s window (every live pass)
faster-whisper 1.2.1 gives the decoder the same tokens either way (" " + text after the previous-text token),
and on the spoken set's tune split the two modes wrote the same text; "both" writes the terms twice, which
made Whisper spill them into answers (11-12 terms inserted against 4, WER 24.5-26.3 % against 21.8 %;
docs/issue-notes/issue-15d.md). `DEFAULT_MODE` is the prompt.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from ..domain.vocabulary import PromptForm, Vocabulary

VocabularyMode = Literal["prompt", "hotwords", "both"]
DEFAULT_MODE: VocabularyMode = "prompt"


class PromptArgs(TypedDict):
    initial_prompt: str | None
    hotwords: str | None


def whisper_prompt(
    vocabulary: Vocabulary | None,
    mode: VocabularyMode = DEFAULT_MODE,
    extra_prompt: str | None = None,
    form: PromptForm = "list",
) -> PromptArgs:
    """Keyword arguments for `WhisperTranscriber.transcribe`: `initial_prompt` and `hotwords`.

    `extra_prompt` (e.g. a disfluent one, so fillers are written) goes after the terms: Whisper continues in
    the style of the prompt's end. `form`: how the terms are written (`Vocabulary.prompt`; the live passes
    choose with `live_prompt_form`).
    """
    terms = vocabulary.prompt(form) if vocabulary else ""
    prompt_parts = [terms] if terms and mode in ("prompt", "both") else []
    if extra_prompt:
        prompt_parts.append(extra_prompt)
    hotwords = terms if terms and mode in ("hotwords", "both") else None
    return PromptArgs(initial_prompt=" ".join(prompt_parts) or None, hotwords=hotwords)


def live_prompt_form(short_window: bool) -> PromptForm:
    """The list, for now, everywhere. The sentence raised tune recall on base's short-window English live
    passes (issue-15d.md), but fed in real time with a prompt that did not match the speech, 2 of 16 streamed
    answers went badly wrong (29 and 55 % WER), and one CI run's terminal interview lost words. Until that is
    explained, live passes keep the form they were measured safe with. `short_window` is where a sentence
    would apply."""
    del short_window
    return "list"
