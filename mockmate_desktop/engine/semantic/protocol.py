"""The embedding interface the scorer needs, and the error raised when no model can run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class SemanticUnavailableError(RuntimeError):
    """No sentence-embedding model can run here; the message says why and what to install."""


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """One L2-normalised vector per text, in order, as the rows of a float32 array; the same text always
        gives the same vector.

        `query` marks short texts that ask for something (a question, an expected point): retrieval models
        embed those differently from the passages that answer them."""
        ...
