"""Loads the embedding model once, in a background thread, so that nothing waits for it at start-up."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from .protocol import Embedder, SemanticUnavailableError


class EmbedderLoader:
    """`start()` begins loading; `get()` returns the model, waiting at most `timeout_s`, or None."""

    def __init__(self, factory: Callable[[], Embedder]) -> None:
        self._factory = factory
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._started = False
        self._embedder: Embedder | None = None
        self.error: str = ""
        self.load_seconds: float | None = None

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._load, name="embedder-load", daemon=True).start()

    def _load(self) -> None:
        began = time.perf_counter()
        try:
            self._embedder = self._factory()
        except SemanticUnavailableError as exc:
            self.error = str(exc)
        except Exception as exc:  # a broken model must leave keyword scoring working
            self.error = f"Scoring by meaning is not available: {type(exc).__name__}: {exc}"
        finally:
            self.load_seconds = time.perf_counter() - began
            self._done.set()

    def get(self, timeout_s: float | None = None) -> Embedder | None:
        self.start()
        self._done.wait(timeout_s)
        return self._embedder

    @property
    def ready(self) -> bool:
        return self._done.is_set()


def _default_factory() -> Embedder:
    from .bank_index import known_vectors
    from .e5 import E5Embedder

    embedder = E5Embedder(known=known_vectors)
    known_vectors(embedder.name)  # read here, in the loading thread, not on the first answer (cached)
    return embedder


_shared = EmbedderLoader(_default_factory)


def shared_loader() -> EmbedderLoader:
    """The process-wide loader: one model in memory whoever asks (CLI, window, reports)."""
    return _shared
