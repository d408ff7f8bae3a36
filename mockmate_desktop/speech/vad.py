"""Streaming Silero voice-activity detection (the ONNX model shipped inside the faster-whisper wheel).

faster-whisper's own helper restarts the recurrent state on every call; a live answer arrives in small
blocks, so this keeps the state (h, c) and the 64-sample context between calls.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Any

import numpy as np

from .protocols import SAMPLE_RATE, AudioArray, SpeechUnavailableError

FRAME = 512  # samples per VAD frame: Silero v6 takes 512 samples at 16 kHz (32 ms)
CONTEXT = 64  # samples of the previous frame Silero v6 expects in front of each frame
FRAME_S = FRAME / SAMPLE_RATE  # 0.032 s: the segmenter's `frame_s`

_NOT_INSTALLED = "voice detection needs faster-whisper and onnxruntime: pip install faster-whisper==1.2.1"


def _assets_dir() -> str:
    """faster-whisper's assets folder, found without importing faster-whisper: its import pulls in
    CTranslate2 and tokenizers, which the window's process must not load (speech/whisper_process.py)."""
    spec = importlib.util.find_spec("faster_whisper")
    if spec is None or not spec.submodule_search_locations:
        raise SpeechUnavailableError(_NOT_INSTALLED)
    return os.path.join(next(iter(spec.submodule_search_locations)), "assets")


class StreamingVad:
    def __init__(self) -> None:
        try:
            import onnxruntime
        except ImportError as exc:
            raise SpeechUnavailableError(_NOT_INSTALLED) from exc
        path = os.path.join(_assets_dir(), "silero_vad_v6.onnx")
        if not os.path.isfile(path):
            raise SpeechUnavailableError(f"Silero VAD model missing at {path}: reinstall faster-whisper")
        options = onnxruntime.SessionOptions()
        # One thread: Whisper needs the cores; a 32 ms frame takes well under a millisecond.
        options.inter_op_num_threads = 1
        options.intra_op_num_threads = 1
        options.log_severity_level = 4
        self._session: Any = onnxruntime.InferenceSession(
            path, providers=["CPUExecutionProvider"], sess_options=options
        )
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def process(self, audio: AudioArray) -> list[float]:
        """Speech probability of every complete 512-sample frame now available (remainder kept)."""
        data = np.concatenate([self._pending, np.asarray(audio, dtype=np.float32).reshape(-1)])
        count = len(data) // FRAME
        self._pending = data[count * FRAME :]
        if count == 0:
            return []
        frames = data[: count * FRAME].reshape(count, FRAME)
        contexts = np.empty((count, CONTEXT), dtype=np.float32)
        contexts[0] = self._context
        if count > 1:
            contexts[1:] = frames[:-1, -CONTEXT:]
        self._context = frames[-1, -CONTEXT:].copy()
        batch = np.ascontiguousarray(np.concatenate([contexts, frames], axis=1))
        probs, self._h, self._c = self._session.run(None, {"input": batch, "h": self._h, "c": self._c})
        return [float(p) for p in np.asarray(probs).reshape(-1)]
