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
    """The sentence where it was measured to help: live passes with short windows (base, English). Full passes
    and the other languages keep the list (`Vocabulary.prompt`).

    On the spoken set's tune split (streamed, the app's path) the sentence heard 75 of 82 job terms against the
    list's 73, with as few insertions (3). It was withdrawn once because 2 of 16 real-time answers went badly
    wrong with it; the cause was faster-whisper sampling with the prompt after a failed greedy decode (a
    "Go forward 10 meters" loop, a prompt echo), which happened with the list as well. Since such a window is
    decoded greedily without the prompt (speech/whisper_fallback.py), 8 of 8 real-time answers stayed at
    3-6 % WER with the sentence, where the code before gave 29.8 % once in 8 (docs/issue-notes/issue-15e.md)."""
    return "sentence" if short_window else "list"
