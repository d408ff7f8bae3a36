""" "Stays on the question asked" is said only where the model is fairly sure of it (engine/offline/feedback.py):
a good story about something else is not praised for answering a question it never touches."""

from __future__ import annotations

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.services.practice import PracticeRequest, practise_offline

SALES_STORY = (
    "At my last company the sales team was making decisions without reliable data. I built a weekly report in "
    "SQL, automated the data cleaning with Python and showed the results to the team every Monday. As a result "
    "forecasts became 30% more accurate and the report took two hours instead of two days."
)
PRAISE = "Stays on the question asked"


def _went_well(question: str) -> list[str]:
    result = practise_offline(
        PracticeRequest(
            question=question, answer=SALES_STORY, language=Language.EN, question_type="behavioural"
        )
    )
    assert result.method == "meaning"
    return result.went_well


def test_a_story_with_no_disagreement_is_not_praised_for_answering_a_disagreement_question() -> None:
    went_well = _went_well("Tell me about a time you disagreed with a teammate. How did you resolve it?")
    assert not any(PRAISE in w for w in went_well), went_well


def test_the_same_story_is_praised_under_a_question_it_answers() -> None:
    went_well = _went_well("Tell me about a time you used data to improve how your team made decisions.")
    assert any(PRAISE in w for w in went_well), went_well
