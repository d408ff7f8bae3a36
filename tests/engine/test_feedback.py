"""Per-answer feedback: one reading of the bands for score and feedback, evidence in every sentence, no empty
"to improve" for an answer that missed the question, and the interview's language."""

from __future__ import annotations

import re

from mockmate_desktop.domain.delivery import DeliveryMetrics, Pause
from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.meaning import MeaningSignals
from mockmate_desktop.domain.scoring import ScoringInput, delivery_criterion, score_answer
from mockmate_desktop.engine.offline.feedback import answer_feedback

QUESTION = "What is the difference between git merge and git rebase?"
ANSWER = (
    "Merge joins the two histories and adds a merge commit. Rebase replays my commits one by one on top of "
    "the new base, which gives a linear history. I never rebase a branch that 3 colleagues already pulled."
)


def _signals(question: float, sentences: list[str]) -> MeaningSignals:
    # Similarities as the adapter would report them: strongly about the question, or about another one.
    n = len(sentences)
    return MeaningSignals(
        model="test",
        sentences=sentences,
        question=question,
        question_by_sentence=[question] * n,
        distractor=0.80,
        distractor_mean=0.80,
        distractor_spread=0.02,
        points=[[0.95] * n, [0.70] * n],
        star={p: [0.5] * n for p in ("situation", "task", "action", "result")},
        baseline=[(0.80, 0.02), (0.80, 0.02), (0.80, 0.02)],
    )


def _score(question_sim: float, delivery: DeliveryMetrics | None = None, text: str = ANSWER):
    from mockmate_desktop.domain import answer_features as fx

    return score_answer(
        ScoringInput(
            question=QUESTION,
            expected_points=["Merge adds a merge commit", "Do not rebase shared branches"],
            transcript=text,
            delivery=delivery,
            meaning=_signals(question_sim, fx.sentences(text)),
        )
    )


FAST_AND_FILLED = DeliveryMetrics(
    word_count=40,
    words_per_minute=185,
    speaking_time_s=13,
    filler_count=10,
    fillers_per_100_words=25,
    long_pauses=[Pause(start=1, end=4)],
)


def _has_evidence(line: str, transcript: str) -> bool:
    quoted = re.findall(r'"([^"]+)"|« ([^»]+) »', line)
    quotes = [a or b for a, b in quoted]
    return any(ch.isdigit() for ch in line) or any(q.strip() in transcript for q in quotes if q.strip())


def test_nothing_outside_its_band_is_a_strength() -> None:
    result = _score(0.95, FAST_AND_FILLED)
    went, improve = answer_feedback(result, ANSWER, FAST_AND_FILLED, Language.EN, behavioural=False)
    assert not any("Pace" in w or "Fillers" in w for w in went)
    assert any("Pace: 185 wpm, outside" in i for i in improve)
    assert any("Fillers per 100 words: 25" in i for i in improve)
    delivery = delivery_criterion(FAST_AND_FILLED)
    assert delivery is not None and delivery.score < 7 and "fast at 185" in delivery.explanation


def test_steady_delivery_is_a_strength_with_its_figure() -> None:
    steady = DeliveryMetrics(word_count=40, words_per_minute=140, speaking_time_s=17, fillers_per_100_words=2)
    went, _ = answer_feedback(_score(0.95, steady), ANSWER, steady, Language.EN, behavioural=False)
    assert any(w.startswith("Pace: 140 wpm, within") for w in went)


def test_an_answer_to_another_question_gets_no_content_strength_and_a_reason() -> None:
    result = _score(0.70)
    assert result.off_topic
    went, improve = answer_feedback(result, ANSWER, None, Language.EN, behavioural=False)
    assert went == []
    assert improve and "different question" in improve[0]


def test_every_feedback_sentence_cites_a_quote_or_a_figure() -> None:
    for sim in (0.95, 0.70):
        result = _score(sim, FAST_AND_FILLED)
        went, improve = answer_feedback(result, ANSWER, FAST_AND_FILLED, Language.EN, behavioural=False)
        for line in [*went, *improve]:
            assert _has_evidence(line, ANSWER), line


def test_dont_know_gets_its_own_advice_not_the_off_topic_one() -> None:
    text = "I don't know, sorry, I have never used git rebase."
    result = _score(0.70, text=text)
    _, improve = answer_feedback(result, text, None, Language.EN, behavioural=False)
    assert result.dont_know and "how you would find out" in improve[0]


def test_feedback_is_in_the_interview_language() -> None:
    result = _score(0.70)
    _, fr = answer_feedback(result, ANSWER, None, Language.FR, behavioural=False)
    _, hi = answer_feedback(result, ANSWER, None, Language.HI, behavioural=False)
    assert "Répondez à la question posée" in fr[0]
    assert "जो पूछा गया उसका उत्तर दें" in hi[0]


def test_an_answer_to_another_question_is_not_said_to_touch_its_points() -> None:
    # Its sentences sit near the first point by meaning (0.95), yet the answer is to another question: before,
    # "Touches 1 of 2 expected points" stood under "This answers a different question".
    result = _score(0.70)
    assert result.off_topic
    _, improve = answer_feedback(result, ANSWER, None, Language.EN, behavioural=False)
    assert not any("Touches" in line or "Covers" in line for line in improve), improve
    assert any(
        line.startswith("A good answer to this question covers these 2 points: Merge adds a merge commit")
        for line in improve
    ), improve


def test_the_french_interviewer_puts_the_same_question_again_without_calling_it_rephrased() -> None:
    from mockmate_desktop.engine.offline.follow_up_texts import OFF_TOPIC

    assert "reformule" not in OFF_TOPIC["fr"] and "repose la question" in OFF_TOPIC["fr"]
