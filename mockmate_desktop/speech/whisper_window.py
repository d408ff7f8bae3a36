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
from pathlib import Path
from typing import Any

import numpy as np

FULL_WINDOW_FRAMES = 3000  # 30 s of 10 ms log-mel frames: what the encoder was trained on
KEPT_PADDING_FRAMES = 1000  # 10 s of silence kept after the audio; see the module text for the measurement


def window_frames(features: np.ndarray, kept_padding: int = KEPT_PADDING_FRAMES) -> int:
    """How many frames of a padded (mels, frames) window to give the encoder.

    The padding is exact zeros (`np.pad`); a column of real audio never is, because the features are
    normalised log-mel values ((log10 + 4) / 4, floored 8 decades below the peak), so the last column with a
    non-zero value ends the audio. The result is even, as the encoder's stride-2 convolution expects.
    """
    frames = int(features.shape[-1])
    nonzero = np.flatnonzero(np.any(features != 0.0, axis=0))
    content = int(nonzero[-1]) + 1 if len(nonzero) else 0
    keep = min(frames, content + kept_padding)
    return min(frames, keep + keep % 2)


def load_whisper_model(folder: Path, *, cpu_threads: int, workers: int = 1) -> Any:
    """A faster-whisper `WhisperModel` whose encoder sees only the audio plus a margin while the calling
    thread has set `short_window(True)`; otherwise stock faster-whisper.

    The switch is per thread, not an attribute of the shared model: with `workers` > 1, two threads decode
    at once (CTranslate2 runs one call per worker), and one pass's window must not change the other's.
    """
    from faster_whisper import WhisperModel

    class ShortWindowWhisperModel(WhisperModel):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._window = threading.local()

        def short_window(self, on: bool) -> None:
            """For the calling thread's next `transcribe` calls."""
            self._window.short = on

        def encode(self, features: np.ndarray) -> Any:
            # 2-D features are one window of `generate_segments` or of language detection; batched 3-D input
            # (not used here) keeps the stock behaviour. `encode` runs on the thread that iterates the
            # segments, which is the thread that called `transcribe`.
            if getattr(self._window, "short", False) and features.ndim == 2:
                features = np.ascontiguousarray(features[:, : window_frames(features)])
            return super().encode(features)

    return ShortWindowWhisperModel(
        str(folder), device="cpu", compute_type="int8", cpu_threads=cpu_threads, num_workers=workers
    )
