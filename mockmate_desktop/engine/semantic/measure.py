"""Turns an answer into `MeaningSignals` with an `Embedder`: the only place that holds vectors."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ...domain import answer_features as fx
from ...domain.meaning import MeaningSignals
from .anchors import DISTRACTORS_BY_LANGUAGE, GENERIC_ANSWERS, STAR_EXAMPLES, language_of
from .protocol import Embedder

MAX_SENTENCES = 24  # cost bound: a rambling answer is judged on its first two dozen sentences
_SAME_QUESTION = 0.92  # a distractor this close to the question asked is the same question reworded


def _r(value: float) -> float:
    return round(float(value), 4)


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
    # Distractors in the question's language: a question sits among questions of its own language.
    distractor_texts = DISTRACTORS_BY_LANGUAGE[language_of(question)]
    queries = np.asarray(embedder.embed([question, *expected_points, *distractor_texts], query=True))
    passages = np.asarray(embedder.embed([*star_texts, *([reference] if reference else []), *sentences]))
    generic = np.asarray(embedder.embed(GENERIC_ANSWERS[language_of(transcript)]))
    baseline = queries[: 1 + len(expected_points)] @ generic.T  # rows: question, then each point
    q_vec = queries[0]
    point_vecs = queries[1 : 1 + len(expected_points)]
    distractors = queries[1 + len(expected_points) :]
    star_vecs = passages[: len(star_texts)]
    ref_vec = passages[len(star_texts)] if reference else None
    sentence_vecs = passages[len(star_texts) + (1 if reference else 0) :]
    answer_vec = sentence_vecs.mean(axis=0)
    answer_vec = answer_vec / (np.linalg.norm(answer_vec) or 1.0)

    others = distractors[distractors @ q_vec < _SAME_QUESTION]
    to_others = others @ answer_vec if len(others) else np.zeros(1)
    star: dict[str, list[float]] = {}
    offset = 0
    for part, examples in STAR_EXAMPLES.items():
        sims = sentence_vecs @ star_vecs[offset : offset + len(examples)].T
        offset += len(examples)
        star[part] = [_r(v) for v in sims.max(axis=1)]
    return MeaningSignals(
        model=embedder.name,
        sentences=sentences,
        question=_r(answer_vec @ q_vec),
        question_by_sentence=[_r(v) for v in sentence_vecs @ q_vec],
        distractor=_r(to_others.max()),
        distractor_mean=_r(to_others.mean()),
        distractor_spread=_r(to_others.std()),
        points=[[_r(v) for v in sentence_vecs @ p] for p in point_vecs],
        star=star,
        reference=_r(answer_vec @ ref_vec) if ref_vec is not None else None,
        baseline=[(_r(row.mean()), _r(row.std())) for row in baseline],
    )
