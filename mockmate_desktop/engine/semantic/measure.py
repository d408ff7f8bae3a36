"""Turns an answer into `MeaningSignals` with an `Embedder`: the only place that holds vectors."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ...domain import answer_features as fx
from ...domain.meaning import MeaningSignals
from .anchors import CLAIMS, DISTRACTORS_BY_LANGUAGE, GENERIC_ANSWERS, STAR_EXAMPLES, language_of
from .bank_index import BankVectors, bank_vectors
from .protocol import Embedder

MAX_SENTENCES = 24  # cost bound: a rambling answer is judged on its first two dozen sentences
_SAME_QUESTION = 0.92  # a distractor this close to the question asked is the same question reworded
_SAME_BANK_QUESTION = 0.97  # a bank question this close to the one asked is that question (or its template)
# How an answer fits a question: its cosine to the question, to the model answer, and (counted twice) the
# mean over expected points of the best sentence's cosine. Chosen by cross-validation on the training part of
# the development set (tests/support/fit_scoring.py); points weigh most because they carry the substance.
FIT_WEIGHTS = {"question": 1.0, "answer": 1.0, "points": 2.0}
_USE_SHIPPED = object()


def _r(value: float) -> float:
    return round(float(value), 4)


def measure(
    embedder: Embedder,
    question: str,
    transcript: str,
    expected_points: Sequence[str] = (),
    reference: str = "",
    bank: BankVectors | object | None = _USE_SHIPPED,
    *,
    english_points: Sequence[str] = (),
    not_rivals: Sequence[str] = (),
) -> MeaningSignals | None:
    """None when there is nothing to compare (an empty answer). `bank` defaults to the shipped bank vectors
    of this model (None: relevance is read against the fixed distractor questions only).

    `english_points`: the same points in English when `expected_points` are a translation. A point then
    counts as covered by whichever wording the answer comes closer to, and so do the rival questions' points:
    Hindi answers mix in English technical words, and a translated label can miss them.

    `not_rivals`: ids of bank entries the answer may fit without missing the question (a follow-up's own
    main question: the follow-up digs into it)."""
    if len(english_points) != len(expected_points):
        english_points = ()
    sentences = fx.sentences(transcript)[:MAX_SENTENCES]
    if not sentences:
        return None
    star_texts = [t for part in STAR_EXAMPLES.values() for t in part]
    # Distractors in the question's language: a question sits among questions of its own language.
    distractor_texts = DISTRACTORS_BY_LANGUAGE[language_of(question)]
    queries = np.asarray(
        embedder.embed([question, *expected_points, *english_points, *distractor_texts], query=True)
    )
    passages = np.asarray(
        embedder.embed([*star_texts, *CLAIMS, *([reference] if reference else []), *sentences])
    )
    generic = np.asarray(embedder.embed(GENERIC_ANSWERS[language_of(transcript)]))
    n = len(expected_points)
    point_vecs = queries[1 : 1 + n]
    other_vecs = queries[1 + n : 1 + n + len(english_points)]
    distractors = queries[1 + n + len(english_points) :]
    q_vec = queries[0]
    point_baseline = point_vecs @ generic.T
    star_vecs = passages[: len(star_texts)]
    claim_vecs = passages[len(star_texts) : len(star_texts) + len(CLAIMS)]
    fixed = len(star_texts) + len(CLAIMS)
    ref_vec = passages[fixed] if reference else None
    sentence_vecs = passages[fixed + (1 if reference else 0) :]
    answer_vec = sentence_vecs.mean(axis=0)
    answer_vec = answer_vec / (np.linalg.norm(answer_vec) or 1.0)
    point_sims = sentence_vecs @ point_vecs.T  # sentences x points
    if len(other_vecs):
        # A point worded twice is as close to a text as the closer of its wordings; the same for the generic
        # answers that its coverage is measured against, so the two stay comparable.
        point_sims = np.maximum(point_sims, sentence_vecs @ other_vecs.T)
        point_baseline = np.maximum(point_baseline, other_vecs @ generic.T)
    baseline = np.vstack([q_vec @ generic.T, point_baseline])  # rows: question, then each point

    others = distractors[distractors @ q_vec < _SAME_QUESTION]
    to_others = others @ answer_vec if len(others) else np.zeros(1)
    star: dict[str, list[float]] = {}
    offset = 0
    for part, examples in STAR_EXAMPLES.items():
        sims = sentence_vecs @ star_vecs[offset : offset + len(examples)].T
        offset += len(examples)
        star[part] = [_r(v) for v in sims.max(axis=1)]
    vectors = bank_vectors(embedder.name) if bank is _USE_SHIPPED else bank
    rival = (
        bank_fit(
            vectors,
            language_of(question),
            q_vec,
            answer_vec,
            sentence_vecs,
            point_sims,
            ref_vec,
            both_wordings=bool(len(other_vecs)),
            not_rivals=not_rivals,
        )
        if isinstance(vectors, BankVectors)
        else None
    )
    return MeaningSignals(
        model=embedder.name,
        sentences=sentences,
        question=_r(answer_vec @ q_vec),
        question_by_sentence=[_r(v) for v in sentence_vecs @ q_vec],
        distractor=_r(to_others.max()),
        distractor_mean=_r(to_others.mean()),
        distractor_spread=_r(to_others.std()),
        points=[[_r(v) for v in point_sims[:, j]] for j in range(n)],
        star=star,
        reference=_r(answer_vec @ ref_vec) if ref_vec is not None else None,
        baseline=[(_r(row.mean()), _r(row.std())) for row in baseline],
        language=language_of(transcript),
        claims=[_r(v) for v in (sentence_vecs @ claim_vecs.T).max(axis=1)],
        bank_margin=_r(rival[0]) if rival is not None else None,
        bank_rival=rival[1] if rival is not None else "",
        bank_z=_r(rival[2]) if rival is not None else None,
    )


def _coverage(
    sentence_vecs: np.ndarray, wordings: Sequence[np.ndarray], owner: np.ndarray, count: int
) -> np.ndarray:
    """Per bank entry, the mean over its points of the best sentence's cosine to that point (in whichever of
    the point's `wordings` the answer comes closest to)."""
    best = np.max([(sentence_vecs @ points.T).max(axis=0) for points in wordings], axis=0)
    totals = np.bincount(owner, weights=best, minlength=count)
    sizes = np.bincount(owner, minlength=count)
    return np.asarray(totals / np.maximum(sizes, 1))


def bank_fit(
    bank: BankVectors,
    language: str,
    q_vec: np.ndarray,
    answer_vec: np.ndarray,
    sentence_vecs: np.ndarray,
    point_sims: np.ndarray,
    ref_vec: np.ndarray | None,
    *,
    both_wordings: bool = False,
    not_rivals: Sequence[str] = (),
) -> tuple[float, str, float] | None:
    """How much better the answer fits the question asked than the best-fitting other question of the bank
    (negative: another bank question fits it better), that other question's text, and how far the fit to the
    question asked stands above the fits to all bank questions (z: an answer about nothing fits all alike).

    Only the parts the question asked has (points, model answer) are compared, on both sides alike."""
    texts, questions = bank.questions.get(language, bank.questions["en"])
    distinct = questions @ q_vec < _SAME_BANK_QUESTION
    if not_rivals:
        distinct &= np.array([entry_id not in not_rivals for entry_id in bank.ids])
    others = np.flatnonzero(distinct)
    if not len(others):
        return None
    w = FIT_WEIGHTS
    own = w["question"] * float(answer_vec @ q_vec)
    rivals = w["question"] * (questions[others] @ answer_vec)
    # Rivals in the question's language, as the question asked is: a hi/fr answer compared with translated
    # points on one side and English ones on the other would lean towards its own question.
    if ref_vec is not None:
        own += w["answer"] * float(answer_vec @ ref_vec)
        rivals = rivals + w["answer"] * (bank.answers_in(language)[others] @ answer_vec)
    if point_sims.shape[1]:
        own += w["points"] * float(point_sims.max(axis=0).mean())
        wordings = [bank.points_in(language), *([bank.points] if both_wordings else [])]
        coverage = _coverage(sentence_vecs, wordings, bank.point_owner, len(bank))
        rivals = rivals + w["points"] * coverage[others]
    best = int(np.argmax(rivals))
    z = (own - float(rivals.mean())) / max(float(rivals.std()), 1e-3)
    return own - float(rivals[best]), texts[int(others[best])], z
