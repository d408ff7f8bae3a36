"""The offline rubric: strong answers score clearly above empty, one-word and off-topic ones; deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockmate_desktop.domain.delivery import DeliveryMetrics, Pause
from mockmate_desktop.domain.scoring import ScoringInput, score_answer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "speech"
STRONG = (FIXTURES / "espeak_answer_16k.txt").read_text(encoding="utf-8").strip()
OFF_TOPIC = (FIXTURES / "jfk.txt").read_text(encoding="utf-8").strip()
QUESTION = "Tell me about a time you solved a difficult performance problem under pressure."
POINTS = [
    "Describes the situation and why it mattered",
    "Explains their own actions",
    "Measures the result with numbers",
    "Reflects on what they learned",
]
TECH_Q = "How would you speed up a slow SQL query in PostgreSQL?"
TECH_POINTS = [
    "Reads the query plan with EXPLAIN",
    "Adds an index on filtered columns",
    "Measures before and after",
]
TECH_STRONG = (
    "First I would run EXPLAIN ANALYZE on the query to read the plan, because guessing wastes time. "
    "Last month a report query took 12 seconds; the plan showed a sequential scan on the orders table, "
    "so I added a composite index on customer_id and created_at. Then I measured again: it dropped to 80 "
    "milliseconds. I also checked the write cost of the index with a load test before shipping it."
)


def _score(text: str, *, behavioural: bool = True, delivery: DeliveryMetrics | None = None) -> float:
    data = ScoringInput(
        question=QUESTION, expected_points=POINTS, behavioural=behavioural, transcript=text, delivery=delivery
    )
    return score_answer(data).score


@pytest.mark.parametrize(
    "weak", ["", "   ", "Yes.", "Python", OFF_TOPIC, "he was not an ill disposed young man"]
)
def test_weak_answers_score_at_most_two(weak: str) -> None:
    assert _score(weak) <= 2.0


def test_strong_answer_scores_clearly_higher_than_weak_ones() -> None:
    strong = _score(STRONG)
    assert strong >= 7.0
    for weak in ("", "Yes.", OFF_TOPIC):
        assert strong - _score(weak) >= 5.0


def test_technical_strong_answer_beats_vague_one() -> None:
    def tech(text: str) -> float:
        return score_answer(
            ScoringInput(
                question=TECH_Q, expected_points=TECH_POINTS, jd_terms=["PostgreSQL", "SQL"], transcript=text
            )
        ).score

    vague = "I would look at the query and try to make it faster somehow, maybe change some things until it works."
    assert tech(TECH_STRONG) >= 7.0
    assert tech(TECH_STRONG) - tech(vague) >= 3.0


def test_same_input_same_score_and_explanations() -> None:
    data = ScoringInput(question=QUESTION, expected_points=POINTS, behavioural=True, transcript=STRONG)
    first, second = score_answer(data), score_answer(data.model_copy(deep=True))
    assert first.model_dump() == second.model_dump()


def test_every_criterion_is_explained_and_evidence_is_verbatim() -> None:
    result = score_answer(
        ScoringInput(question=QUESTION, expected_points=POINTS, behavioural=True, transcript=STRONG)
    )
    names = {c.name for c in result.criteria}
    assert names == {"relevance", "structure", "specificity", "completeness"}  # typed: no delivery criterion
    for criterion in result.criteria:
        assert criterion.explanation
        for quote in criterion.evidence:
            assert quote in STRONG
    assert result.evidence and all(q in STRONG for q in result.evidence)
    assert result.star is not None and not result.star_missing


def test_star_parts_are_detected_separately() -> None:
    partial = (
        "In my last job our team had a release that kept failing. I decided to add automated tests and I "
        "talked to the developers about every failure in a short daily review."
    )
    result = score_answer(ScoringInput(question=QUESTION, behavioural=True, transcript=partial))
    assert result.star is not None
    assert result.star.situation and result.star.action
    assert "result" in result.star_missing


def test_empty_answer_explains_why() -> None:
    result = score_answer(ScoringInput(question=QUESTION, transcript=""))
    assert result.score == 0.0
    assert result.caps == ["No answer was given."]
    assert result.evidence == []


def test_delivery_counts_when_measured() -> None:
    good = DeliveryMetrics(word_count=180, words_per_minute=140, speaking_time_s=77)
    poor = DeliveryMetrics(
        word_count=180,
        words_per_minute=230,
        filler_count=20,
        fillers_per_100_words=11,
        speaking_time_s=47,
        long_pauses=[Pause(start=1, end=4), Pause(start=10, end=14), Pause(start=20, end=25)],
    )
    assert _score(STRONG, delivery=good) > _score(STRONG, delivery=poor)
    result = score_answer(ScoringInput(question=QUESTION, transcript=STRONG, delivery=poor, behavioural=True))
    delivery = result.criterion("delivery")
    assert (
        delivery is not None
        and "fast at 230" in delivery.explanation
        and "20 fillers" in delivery.explanation
    )


def test_thin_and_vague_flags() -> None:
    thin = score_answer(ScoringInput(question=QUESTION, transcript="I fixed the bug quickly and it worked."))
    assert thin.thin and thin.vague
    detailed = score_answer(ScoringInput(question=QUESTION, transcript=STRONG))
    assert not detailed.thin and not detailed.vague
