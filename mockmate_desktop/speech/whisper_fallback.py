"""What a window falls back to when its prompted greedy decode fails: the same greedy decode without the prompt.

Stock faster-whisper (1.2.1) re-decodes a window whose greedy text fails its thresholds (average log
probability below -1, compression ratio above 2.4) by *sampling* at rising temperatures, with the prompt
unchanged. With the interview's vocabulary as the prompt that went wrong in a way users saw:
- On `espeak_answer_16k` (tiny.en, a backend interview's prompt "…, Docker, PostgreSQL, Python."), one live
  pass's greedy decode stopped after "The" (log probability -1.96). The same window without the prompt
  decodes cleanly at -0.35.
- Sampling then picked a different text each run. In 2 of 8 runs it was the prompt's tail, "PostgreSQL,
  Python. PostgreSQL, Python.", timed over the whole 20 s window, so 15 s of the answer were lost. In a
  third run "PostgreSQL, Python." was written before the real words: job terms the candidate never said,
  which scoring would then credit.

So a window whose prompt carries text (vocabulary, a disfluent style, earlier words) is decoded greedily
with it first, as before. If that fails the thresholds, the next try is greedy *without* the text prompt,
and only if that fails too does stock sampling run (also without the prompt). A prompt that helps is kept
wherever Whisper is confident with it; where it is not, the result is the same every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class Thresholds(Protocol):
    """The fields of faster-whisper's `TranscriptionOptions` that decide a fallback."""

    compression_ratio_threshold: float | None
    log_prob_threshold: float | None
    no_speech_threshold: float | None


def accepted(
    avg_logprob: float, compression_ratio: float, no_speech_prob: float, options: Thresholds
) -> bool:
    """True where faster-whisper would not fall back: the text is neither too repetitive nor too unlikely,
    or Whisper hears silence (then the window is skipped, which needs no other decode)."""
    repetitive = (
        options.compression_ratio_threshold is not None
        and compression_ratio > options.compression_ratio_threshold
    )
    unlikely = options.log_prob_threshold is not None and avg_logprob < options.log_prob_threshold
    silence = (
        options.no_speech_threshold is not None and no_speech_prob > options.no_speech_threshold and unlikely
    )
    return silence or not (repetitive or unlikely)


def without_text_prompt(prompt: Sequence[int], start_of_transcript: int) -> list[int] | None:
    """The decoder prompt with its text part (everything before the start-of-transcript token: the initial
    prompt, hotwords, earlier text) removed; None when it had none, so there is nothing to retry without."""
    tokens = list(prompt)
    start = tokens.index(start_of_transcript)
    return tokens[start:] if start > 0 else None


def decode_result_accepted(decode: tuple[Any, float, float, float], options: Thresholds) -> bool:
    """`accepted` for one `generate_with_fallback` result: (generation result, avg log prob, temperature,
    compression ratio)."""
    result, avg_logprob, _temperature, ratio = decode
    return accepted(avg_logprob, ratio, float(result.no_speech_prob), options)
