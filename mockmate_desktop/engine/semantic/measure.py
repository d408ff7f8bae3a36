"""Turns an answer into `MeaningSignals` with an `Embedder`: the only place that holds vectors."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ...domain import answer_features as fx
from ...domain.meaning import MeaningSignals
from .anchors import DISTRACTORS, STAR_EXAMPLES
from .protocol import Embedder

MAX_SENTENCES = 24  # cost bound: a rambling answer is judged on its first two dozen sentences
_SAME_QUESTION = 0.92  # a distractor this close to the question asked is the same question reworded


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _mean_vector(vectors: Sequence[Sequence[float]]) -> list[float]:
    summed = [sum(column) for column in zip(*vectors, strict=True)]
    norm = math.sqrt(sum(v * v for v in summed)) or 1.0
    return [v / norm for v in summed]


def _r(value: float) -> float:
    return round(value, 4)


def measure(
    embedder: Embedder,
    question: str,
    transcript: str,
    expected_points: Sequence[str] = (),
    reference: str = "",
) -> MeaningSignals | None:
    """None when there is nothing to compare (an empty answer)."""
    sentences = fx.sentences(transcript)[:MAX_SENTENCES]
    if not sentences:
        return None
    star_texts = [t for part in STAR_EXAMPLES.values() for t in part]
    fixed = [question, *expected_points, *([reference] if reference else []), *DISTRACTORS, *star_texts]
    vectors = embedder.embed([*fixed, *sentences])
    q_vec = vectors[0]
    point_vecs = vectors[1 : 1 + len(expected_points)]
    at = 1 + len(expected_points)
    ref_vec = vectors[at] if reference else None
    at += 1 if reference else 0
    distractor_vecs = vectors[at : at + len(DISTRACTORS)]
    at += len(DISTRACTORS)
    star_vecs = vectors[at : at + len(star_texts)]
    sentence_vecs = vectors[at + len(star_texts) :]
    answer_vec = _mean_vector(sentence_vecs)

    others = [d for d in distractor_vecs if _dot(d, q_vec) < _SAME_QUESTION]
    star: dict[str, list[float]] = {}
    offset = 0
    for part, examples in STAR_EXAMPLES.items():
        part_vecs = star_vecs[offset : offset + len(examples)]
        offset += len(examples)
        star[part] = [_r(max(_dot(s, e) for e in part_vecs)) for s in sentence_vecs]
    return MeaningSignals(
        model=embedder.name,
        sentences=sentences,
        question=_r(_dot(answer_vec, q_vec)),
        question_by_sentence=[_r(_dot(s, q_vec)) for s in sentence_vecs],
        distractor=_r(max((_dot(answer_vec, d) for d in others), default=0.0)),
        points=[[_r(_dot(p, s)) for s in sentence_vecs] for p in point_vecs],
        star=star,
        reference=_r(_dot(answer_vec, ref_vec)) if ref_vec is not None else None,
    )
