"""Relevance against the whole question bank: an answer that another bank question fits clearly better is
held down and told which question it answers; the shipped bank vectors come from the bundled model."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from mockmate_desktop.domain import answer_features as fx
from mockmate_desktop.domain.meaning import MeaningSignals
from mockmate_desktop.domain.scoring import AnswerScore, ScoringInput, score_answer
from mockmate_desktop.domain.scoring_by_meaning import score_by_meaning
from mockmate_desktop.domain.scoring_learned import DEFAULT_LEARNED
from mockmate_desktop.domain.scoring_meaning import DEFAULT_MODEL, MeaningModel, features
from mockmate_desktop.engine.semantic.bank_index import bank_vectors, default_path, read
from mockmate_desktop.engine.semantic.loader import shared_loader
from mockmate_desktop.engine.semantic.measure import measure

QUESTION = "What is the difference between git merge and git rebase?"
ANSWER = (
    "Merge joins the two histories and adds a merge commit. Rebase replays my commits one by one on top of "
    "the new base, which gives a linear history. I never rebase a branch that 3 colleagues already pulled."
)
RIVAL = "How do you handle a Python exception?"


def _signals(bank_margin: float | None) -> MeaningSignals:
    sentences = fx.sentences(ANSWER)
    n = len(sentences)
    return MeaningSignals(
        model="test",
        sentences=sentences,
        question=0.90,
        question_by_sentence=[0.90] * n,
        distractor=0.80,
        distractor_mean=0.80,
        distractor_spread=0.02,
        points=[[0.95] * n, [0.95] * n],
        star={p: [0.5] * n for p in ("situation", "task", "action", "result")},
        baseline=[(0.80, 0.02), (0.80, 0.02), (0.80, 0.02)],
        reference=0.9,
        bank_margin=bank_margin,
        bank_rival=RIVAL,
    )


def _score(bank_margin: float | None):
    return score_answer(
        ScoringInput(
            question=QUESTION,
            expected_points=["Merge adds a merge commit", "Rebase rewrites history"],
            transcript=ANSWER,
            meaning=_signals(bank_margin),
        )
    )


def test_an_answer_another_bank_question_fits_better_is_capped_and_names_that_question() -> None:
    # Even with both points reading as covered: a neighbouring question's answer touches them too.
    result = _score(DEFAULT_MODEL.bank_off - 0.05)
    assert result.off_topic and result.wrong_question and result.score <= 2.0
    assert any(RIVAL in cap for cap in result.caps)
    assert any(RIVAL in c.explanation for c in result.criteria if c.name == "relevance")


def test_an_answer_that_fits_its_own_question_best_is_not_capped_and_relevance_can_follow_the_margin() -> (
    None
):
    best = _score(DEFAULT_MODEL.bank_floor + DEFAULT_MODEL.bank_span)
    close = _score(DEFAULT_MODEL.bank_off + 0.01)
    assert not best.off_topic and not close.off_topic and best.score > 2.0
    # Without bank vectors relevance is read against the fixed distractors alone, and nothing is capped.
    assert not _score(None).off_topic
    # With a share of relevance read from the bank, a clearer margin earns more relevance.
    by_bank = replace(DEFAULT_MODEL, bank_share=1.0)
    data = ScoringInput(
        question=QUESTION,
        expected_points=["Merge adds a merge commit", "Rebase rewrites history"],
        transcript=ANSWER,
    )

    def relevance(margin: float) -> float:
        result = score_by_meaning(data, _signals(margin), None, by_bank)
        return next(c.score for c in result.criteria if c.name == "relevance")

    assert relevance(by_bank.bank_floor + by_bank.bank_span) > relevance(by_bank.bank_off + 0.01)


def test_the_shipped_bank_vectors_are_the_bundled_models_own() -> None:
    embedder = shared_loader().get()
    assert embedder is not None, shared_loader().error
    path = default_path()
    assert path is not None and path.is_file(), "run python -m tests.support.build_bank_vectors"
    stored = read(path)
    assert stored.model == embedder.name and len(stored) >= 400
    assert bank_vectors(embedder.name) is not None and bank_vectors("another model") is None
    with np.load(path, allow_pickle=False) as data:
        texts = [str(t) for t in data["q_hi_texts"][:3]] + [str(t) for t in data["point_texts"][:3]]
        saved = np.vstack([data["q_hi"][:3], data["points"][:3]]).astype(np.float32)
    fresh = np.asarray(embedder.embed(texts, query=True))
    assert np.min(np.sum(fresh * saved, axis=1)) > 0.999
    # hi/fr answers are compared with the rival questions' points in their own language.
    for language in ("hi", "fr"):
        points, point_texts, answers, answer_texts = stored.translated[language]
        assert len(point_texts) == len(stored.point_texts) and point_texts[0] != stored.point_texts[0]
        fresh = np.asarray(embedder.embed(list(point_texts[:2]), query=True))
        assert np.min(np.sum(fresh * points[:2], axis=1)) > 0.999
        fresh = np.asarray(embedder.embed(list(answer_texts[:2])))
        assert np.min(np.sum(fresh * answers[:2], axis=1)) > 0.999


@pytest.mark.parametrize("with_bank", [True, False])
def test_an_excellent_answer_to_another_bank_question_is_caught_by_the_bank(with_bank: bool) -> None:
    embedder = shared_loader().get()
    assert embedder is not None
    question = "What is an index in a database, and when can an index hurt?"
    points = ["Index speeds lookups like a book index", "Slows writes and uses storage"]
    python_answer = (
        "When an exception is raised, Python stops the current function and the exception propagates up the "
        "call stack until a caller has a matching except block; if none does, the program ends with a "
        "traceback. I catch specific exceptions, like ValueError when parsing input, only where I can do "
        "something useful, and I clean up with finally or a with statement. I never write a bare except."
    )
    kwargs = {} if with_bank else {"bank": None}
    signals = measure(embedder, question, python_answer, points, **kwargs)
    assert signals is not None
    if with_bank:
        assert signals.bank_margin is not None and signals.bank_margin < DEFAULT_MODEL.bank_off
        assert "exception" in signals.bank_rival.casefold()
    else:
        assert signals.bank_margin is None and signals.bank_rival == ""


def test_general_claims_lower_the_score_and_are_quoted() -> None:
    n = len(fx.sentences(ANSWER))
    bar = DEFAULT_MODEL.claim_min["fr"]
    # The learned combination gives the share of general claims a negative weight (sign-constrained).
    assert DEFAULT_LEARNED.quality_weights["claims"] < 0
    data = ScoringInput(
        question=QUESTION,
        expected_points=["Merge adds a merge commit", "Rebase rewrites history"],
        transcript=ANSWER,
    )

    def run(claims: list[float], model: MeaningModel) -> AnswerScore:
        signals = _signals(DEFAULT_MODEL.bank_floor + DEFAULT_MODEL.bank_span).model_copy(
            update={"claims": claims, "language": "fr"}
        )
        return score_by_meaning(data, signals, None, model)

    plain = run([bar - 0.01] * n, DEFAULT_MODEL)  # just under the French bar: content
    claimed = run([bar + 0.01] * n, DEFAULT_MODEL)
    assert not any("General claims" in c for c in plain.caps)
    assert claimed.score < plain.score
    assert any("General claims" in c and fx.sentences(ANSWER)[0] in c for c in claimed.caps)


def test_platitudes_read_as_general_claims_and_concrete_sentences_do_not() -> None:
    embedder = shared_loader().get()
    assert embedder is not None
    question = "How do you handle tight deadlines and competing priorities?"
    points = ["Prioritises by impact and urgency", "Communicates early about risks"]
    vague = (
        "I am a very organised person and I always work hard. Deadlines are very important to me and I "
        "believe good teamwork is the key to success."
    )
    concrete = (
        "I list the tasks, do the ones that block others first, and tell my manager on day one if something "
        "will slip so we can cut scope."
    )

    def claims(text: str) -> list[str]:
        signals = measure(embedder, question, text, points)
        assert signals is not None
        return features(signals, text, points).claims

    assert claims(vague) and not claims(concrete)


def test_the_relevance_criterion_gives_the_learned_probability_and_a_lower_margin_lowers_the_score() -> None:
    sure, unsure = _score(0.3), _score(-0.1)
    assert unsure.score < sure.score
    for result in (sure, unsure):
        relevance = next(c for c in result.criteria if c.name == "relevance")
        assert "probability" in relevance.explanation and relevance.evidence
        assert re.search(r"probability \d+%; the answer's quality \(\d+\.\d/10\)", relevance.explanation)


def test_delivery_can_lower_a_score_but_never_raise_it() -> None:
    from mockmate_desktop.domain.scoring_models import Criterion

    data = ScoringInput(
        question=QUESTION,
        expected_points=["Merge adds a merge commit", "Rebase rewrites history"],
        transcript=ANSWER,
    )
    signals = _signals(0.3)

    def with_delivery(score: float | None) -> float:
        delivery = (
            None if score is None else Criterion(name="delivery", score=score, weight=0.1, explanation="")
        )
        return score_by_meaning(data, signals, delivery).score

    assert with_delivery(10.0) == with_delivery(None) > with_delivery(2.0)


def test_without_expected_points_or_model_answer_completeness_is_not_read_as_zero() -> None:
    base = _signals(0.3)
    nothing = base.model_copy(update={"points": [], "baseline": base.baseline[:1], "reference": None})
    missed = base.model_copy(update={"points": [[0.70] * len(base.sentences)] * 2})
    points = ["Merge adds a merge commit", "Rebase rewrites history"]
    no_rubric = score_by_meaning(ScoringInput(question=QUESTION, transcript=ANSWER), nothing, None)
    all_missed = score_by_meaning(
        ScoringInput(question=QUESTION, expected_points=points, transcript=ANSWER), missed, None
    )
    assert "completeness" not in {c.name for c in no_rubric.criteria}
    assert no_rubric.score > all_missed.score
