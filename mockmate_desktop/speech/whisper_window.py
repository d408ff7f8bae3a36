"""A Whisper encoder window cut to the audio it holds, instead of always 30 s.

faster-whisper 1.2.1 pads the log-mel features of every window to 3000 frames (30 s) with zeros before the
encoder (`faster_whisper.audio.pad_or_trim`), so a 5 s stretch costs as much as 30 s: ~0.55 s of encoder time
for base on this 2-core machine, over half of a pass. CTranslate2 takes shorter inputs, and its encoder time
falls with them (measured: 3000 frames 0.52 s, 1000 frames 0.08 s).

Whisper was trained on 30 s windows, though, and a window cut right after the speech loses words: on the
real-speech fixtures a cut 0.5 s after the audio gave 6.25 % WER against 2.50 % for the full window. Keeping
10 s of the zero padding after the audio gave 1.25 % (the full window 2.50 %) while the eight short fixtures
took 0.16-0.69 s a pass instead of 0.84-1.21 s. That margin is what `KEPT_PADDING_FRAMES` holds.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from .whisper_fallback import decode_result_accepted, without_text_prompt

FULL_WINDOW_FRAMES = 3000  # 30 s of 10 ms log-mel frames: what the encoder was trained on
KEPT_PADDING_FRAMES = 1000  # 10 s of silence kept after the audio; see the module text for the measurement
# A later window of a pass holding less audio than this is the remainder after Whisper's last timestamp (the
# pause that ended the stretch). On the spoken set's tune split Whisper looped on such 0.3-0.5 s remainders
# ("I'm I'm I'm", compression ratio 27-47) and faster-whisper then re-decoded them at five temperatures, five
# samples each: passes of 7-21 s instead of ~0.5 s, for text it finally dropped as silence
# (docs/issue-notes/issue-15d.md). Such a window is decoded once, greedily, and skipped when Whisper itself
# hears no speech in it.
TAIL_WINDOW_FRAMES = 100
TAIL_MAX_TOKENS = 24  # a second of speech is a few words; a loop stops here instead of at 448 tokens


def window_frames(features: np.ndarray, kept_padding: int = KEPT_PADDING_FRAMES) -> int:
    """How many frames of a padded (mels, frames) window to give the encoder.

    The padding is exact zeros (`np.pad`); a column of real audio never is, because the features are
    normalised log-mel values ((log10 + 4) / 4, floored 8 decades below the peak), so the last column with a
    non-zero value ends the audio. The result is even, as the encoder's stride-2 convolution expects.
    """
    frames = int(features.shape[-1])
    keep = min(frames, content_frames(features) + kept_padding)
    return min(frames, keep + keep % 2)


def content_frames(features: np.ndarray) -> int:
    """Frames of real audio in a padded (mels, frames) window (see `window_frames`)."""
    nonzero = np.flatnonzero(np.any(features != 0.0, axis=0))
    return int(nonzero[-1]) + 1 if len(nonzero) else 0


def load_whisper_model(folder: Path, *, cpu_threads: int, workers: int = 1) -> Any:
    """A faster-whisper `WhisperModel` whose encoder sees only the audio plus a margin while the calling
    thread has set `short_window(True)`, and which then does not re-decode a pass's short remainder window
    (`TAIL_WINDOW_FRAMES`). On every call, a window whose prompted greedy decode fails is decoded again
    without the prompt before any sampling (speech/whisper_fallback.py); otherwise stock faster-whisper.

    The switch is per thread, not an attribute of the shared model: with `workers` > 1, two threads decode
    at once (CTranslate2 runs one call per worker), and one pass's window must not change the other's.
    """
    from faster_whisper import WhisperModel

    class ShortWindowWhisperModel(WhisperModel):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._window = threading.local()

        def short_window(self, on: bool) -> None:
            """For the calling thread's next `transcribe` call (called before each one)."""
            self._window.short = on
            self._window.decoded = 0  # windows decoded so far in this call
            self._window.content = FULL_WINDOW_FRAMES  # audio frames in the window last encoded

        def encode(self, features: np.ndarray) -> Any:
            # 2-D features are one window of `generate_segments` or of language detection; batched 3-D input
            # (not used here) keeps the stock behaviour. `encode` runs on the thread that iterates the
            # segments, which is the thread that called `transcribe`.
            if getattr(self._window, "short", False) and features.ndim == 2:
                self._window.content = content_frames(features)
                features = np.ascontiguousarray(features[:, : window_frames(features)])
            return super().encode(features)

        def generate_with_fallback(
            self, encoder_output: Any, prompt: Any, tokenizer: Any, options: Any
        ) -> Any:
            # Called once per decoded window (never for language detection), after that window's `encode`.
            window = self._window
            window.decoded = getattr(window, "decoded", 0) + 1
            tail = (
                getattr(window, "short", False)
                and window.decoded > 1
                and window.content < TAIL_WINDOW_FRAMES
                and options.no_speech_threshold is not None
            )
            if not tail:
                return self._prompted_then_plain(encoder_output, prompt, tokenizer, options)
            once = replace(
                options, temperatures=list(options.temperatures)[:1], max_new_tokens=TAIL_MAX_TOKENS
            )
            result, avg_logprob, temperature, ratio = super().generate_with_fallback(
                encoder_output, prompt, tokenizer, once
            )
            if result.no_speech_prob > options.no_speech_threshold:
                avg_logprob = float("-inf")  # faster-whisper then skips the window as silence
            return result, avg_logprob, temperature, ratio

        def _prompted_then_plain(self, encoder_output: Any, prompt: Any, tokenizer: Any, options: Any) -> Any:
            """Greedy with the text prompt; if Whisper is not confident with it, the stock fallback without
            it (speech/whisper_fallback.py)."""
            plain = without_text_prompt(prompt, tokenizer.sot)
            temperatures = list(options.temperatures)
            if plain is None or len(temperatures) < 2:
                return super().generate_with_fallback(encoder_output, prompt, tokenizer, options)
            greedy = replace(options, temperatures=temperatures[:1])
            first = super().generate_with_fallback(encoder_output, prompt, tokenizer, greedy)
            if decode_result_accepted(first, options):
                return first
            self.logger.debug("Prompted decode not accepted; decoding the window again without the prompt")
            return super().generate_with_fallback(encoder_output, plain, tokenizer, options)

    return ShortWindowWhisperModel(
        str(folder), device="cpu", compute_type="int8", cpu_threads=cpu_threads, num_workers=workers
    )
