"""One reading of "is this on the question asked": the learned probability that multiplies the score also
decides what the relevance criterion says, whether "stays on the question asked" is praised, and whether the
candidate is told to tie the answer to the question (domain/scoring_by_meaning.py, engine/offline/feedback.py).

Before, an answer scored down to 53 % on the question was still described as "addresses the question asked",
and nothing in "to improve" said why its score fell."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.scoring_learned import CLEARLY_ON_QUESTION, HARDLY_ON_QUESTION
from mockmate_desktop.services.practice import PracticeRequest, PracticeResult, practise_offline
from mockmate_desktop.services.scoring_dataset import load, split

API_QUESTION = "How did you make a slow API endpoint faster?"
DISAGREEMENT_STORY = (
    "When my teammate and I disagreed about the release date, I set up a meeting, listened to her concerns "
    "about testing, and we agreed to ship a smaller scope first. The release went out on time and the rest "
    "followed a week later."
)
FAST_API_ANSWER = (
    "Last year our checkout API got slow at peak. I profiled it and found an N plus one query in the order "
    "history endpoint. I rewrote it with a join and added an index on customer id, then cached the hot results "
    "in Redis for sixty seconds. The slowest five percent went from eight seconds to 400 milliseconds."
)
# A data story under a disagreement question, in each language: on the question with a probability below
# the clear band (0.50 fr, 0.75 en, 0.79 hi when this was written).
SALES_UNDER_DISAGREEMENT = {
    Language.EN: (
        "Tell me about a time you disagreed with a teammate. How did you resolve it?",
        "At my last company the sales team was making decisions without reliable data. I built a weekly report "
        "in SQL, automated the data cleaning with Python and showed the results to the team every Monday. As a "
        "result forecasts became 30% more accurate and the report took two hours instead of two days.",
    ),
    Language.FR: (
        "Parlez-moi d'une fois où vous avez été en désaccord avec un collègue. Comment l'avez-vous résolu ?",
        "Dans mon dernier poste, l'équipe commerciale prenait des décisions sans données fiables. J'ai construit "
        "un rapport hebdomadaire en SQL, automatisé le nettoyage des données avec Python et présenté les "
        "résultats chaque lundi. Les prévisions sont devenues 30 % plus précises et le rapport prenait deux "
        "heures au lieu de deux jours.",
    ),
    Language.HI: (
        "ऐसे समय के बारे में बताइए जब आपकी किसी teammate से असहमति हुई। आपने उसे कैसे सुलझाया?",
        "मेरी पिछली कंपनी में sales team भरोसेमंद data के बिना फ़ैसले ले रही थी। मैंने SQL में एक weekly report "
        "बनाई, Python से data cleaning automate की और हर सोमवार team को नतीजे दिखाए। इससे forecasts 30% ज़्यादा "
        "सटीक हुए और report दो दिन की जगह दो घंटे में बनने लगी।",
    ),
}
# The words each language uses for the three readings (scoring_texts and feedback_texts).
ADDRESSES = {Language.EN: "addresses the question asked", Language.FR: "traite bien", Language.HI: "का ही है"}
PARTLY = {Language.EN: "only partly tied", Language.FR: "partiellement liée", Language.HI: "आंशिक रूप से जुड़ा"}
# Below an even chance (scoring_learned.HARDLY_ON_QUESTION) the same reading says "hardly".
HARDLY = {Language.EN: "hardly", Language.FR: "ne traite guère", Language.HI: "शायद ही"}
PRAISE = {
    Language.EN: "Stays on the question asked",
    Language.FR: "Reste sur la question posée",
    Language.HI: "पूछे गए प्रश्न पर ही टिका रहता है",
}


def _doubted(text: str, language: Language) -> bool:
    return PARTLY[language] in text or HARDLY[language] in text


def _practise(question: str, answer: str, language: Language, kind: str) -> PracticeResult:
    result = practise_offline(
        PracticeRequest(question=question, answer=answer, language=language, question_type=kind)  # type: ignore[arg-type]
    )
    assert result.method == "meaning"
    return result


def _relevance(result: PracticeResult) -> dict[str, object]:
    return next(c for c in result.criteria if c["name"] == "relevance")


def test_a_story_under_a_technical_question_is_not_said_to_address_it() -> None:
    result = _practise(API_QUESTION, DISAGREEMENT_STORY, Language.EN, "technical")
    relevance = _relevance(result)
    assert float(relevance["score"]) < 10 * CLEARLY_ON_QUESTION  # type: ignore[arg-type]
    assert ADDRESSES[Language.EN] not in str(relevance["explanation"])
    assert _doubted(str(relevance["explanation"]), Language.EN)
    assert any(_doubted(line, Language.EN) and "When my teammate" in line for line in result.to_improve)
    assert not any(PRAISE[Language.EN] in line for line in result.went_well)


def test_an_answer_on_the_question_keeps_its_praise_and_gets_no_such_advice() -> None:
    result = _practise(API_QUESTION, FAST_API_ANSWER, Language.EN, "technical")
    assert ADDRESSES[Language.EN] in str(_relevance(result)["explanation"])
    assert any(PRAISE[Language.EN] in line for line in result.went_well)
    assert not any(_doubted(line, Language.EN) for line in result.to_improve)


@pytest.mark.parametrize("language", list(SALES_UNDER_DISAGREEMENT), ids=lambda lang: lang.value)
def test_the_reason_a_doubted_answer_lost_points_is_given_in_its_language(language: Language) -> None:
    question, answer = SALES_UNDER_DISAGREEMENT[language]
    result = _practise(question, answer, language, "behavioural")
    relevance = _relevance(result)
    assert _doubted(str(relevance["explanation"]), language), relevance
    assert ADDRESSES[language] not in str(relevance["explanation"])
    advice = [line for line in result.to_improve if _doubted(line, language)]
    assert advice, result.to_improve
    # Its evidence: the probability as a figure and the answer's opening words.
    assert "%" in advice[0] and answer[:20] in advice[0]
    assert not any(PRAISE[language] in line for line in result.went_well)


def test_over_the_development_set_the_three_readings_never_disagree() -> None:
    """Training answers only (the held-out fifth is for the benchmark): one answer of each kind for every
    third question, in all three languages."""
    train, _ = split(load())
    questions = sorted({a.question.id for a in train})[::3]
    chosen = [a for a in train if a.question.id in questions]
    assert len(chosen) >= 100
    for answer in chosen:
        language = Language(answer.language)
        result = _practise(answer.question.question, answer.text, language, answer.question.type)
        relevance = _relevance(result)
        probability = float(relevance["score"]) / 10  # type: ignore[arg-type]
        praised = any(PRAISE[language] in line for line in result.went_well)
        told_partly = any(_doubted(line, language) for line in result.to_improve)
        assert not (praised and told_partly), answer.id
        if ADDRESSES[language] in str(relevance["explanation"]):
            assert probability >= CLEARLY_ON_QUESTION, answer.id
            assert not told_partly, answer.id
        if told_partly:
            assert _doubted(str(relevance["explanation"]), language), answer.id
            # "Hardly" exactly where the probability is below an even chance, in the criterion and the advice.
            hardly = probability < HARDLY_ON_QUESTION
            assert (HARDLY[language] in str(relevance["explanation"])) is hardly, answer.id
            assert any(HARDLY[language] in line for line in result.to_improve) is hardly, answer.id


def test_i_dont_know_is_neither_said_to_address_the_question_nor_told_to_tie_to_it() -> None:
    result = _practise(API_QUESTION, "I don't know, sorry.", Language.EN, "technical")
    explanation = str(_relevance(result)["explanation"])
    assert ADDRESSES[Language.EN] not in explanation and not _doubted(explanation, Language.EN)
    assert "does not know" in explanation
    assert not any(_doubted(line, Language.EN) for line in result.to_improve)
    assert any("I don't know" in line for line in result.to_improve)


def test_a_short_answer_far_off_the_question_is_not_called_partly_tied() -> None:
    # Too short (4 words) to be held down as off topic; at 1 % "partly tied" overstated it.
    question = "How do you manage dependencies and virtual environments in a Python project?"
    result = _practise(question, "I would ask someone.", Language.EN, "technical")
    relevance = _relevance(result)
    assert float(relevance["score"]) < 10 * HARDLY_ON_QUESTION  # type: ignore[arg-type]
    assert PARTLY[Language.EN] not in str(relevance["explanation"]), relevance
    assert any(line.startswith("This hardly answers the question asked") for line in result.to_improve)
    assert not any(PARTLY[Language.EN] in line for line in result.to_improve), result.to_improve
    # The quoted opening does not double the sentence's full stop.
    assert any('opens with "I would ask someone".' in line for line in result.to_improve), result.to_improve
    assert not any('.".' in line for line in result.to_improve), result.to_improve
