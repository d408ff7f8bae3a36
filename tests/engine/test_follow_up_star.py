"""A follow-up reply inherits the STAR parts of the earlier answer only where that answer told them: "I don't
know" completes nothing, and the headings of a keyword list ("Situation: deadline.") are no story. Before,
"I don't know." after a keyword list was shown with all four STAR parts ticked."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.answer_quality import context_star_parts
from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.scoring import ScoringInput, score_answer
from mockmate_desktop.engine.offline.bank import QuestionBank, load_bank
from tests.support.follow_up_replies import score_probe_reply

STUFFED = (
    "Situation: deadline. Task: deliver. Action: I prioritised, coordinated, negotiated, communicated. "
    "Result: 100% delivered. Python, Kubernetes, Agile, Scrum, leadership, ownership."
)
STORY = (
    "When our payments team missed two releases in a row, I was asked to find out why. I interviewed each "
    "engineer and set up a review rotation. The next six releases shipped on time."
)


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank()


def _star_told(bank: QuestionBank, first: str, reply: str) -> int:
    entry = next(e for e in bank.entries if "influence someone without" in e.text[Language.EN].lower())
    score = score_probe_reply(bank, entry, Language.EN, "star_result", first, reply)
    assert score.method == "meaning" and score.star is not None
    return sum(score.star.model_dump().values())


def test_i_dont_know_inherits_no_star_part(bank: QuestionBank) -> None:
    assert _star_told(bank, STORY, "I don't know.") == 0


def test_a_keyword_list_lends_no_star_part_to_the_reply(bank: QuestionBank) -> None:
    assert _star_told(bank, STUFFED, "We shipped it.") <= 1


def test_a_told_story_still_completes_its_reply(bank: QuestionBank) -> None:
    assert _star_told(bank, STORY, "In the end the review wait fell to four hours.") == 4


def test_both_scorers_read_the_context_alike() -> None:
    assert context_star_parts(STUFFED, "We shipped it.") == []
    assert set(context_star_parts(STORY, "It worked.")) >= {"situation", "task", "result"}
    keyword = score_answer(
        ScoringInput(question="How did it end?", behavioural=True, transcript="I don't know.", context=STORY)
    )
    assert keyword.star is not None and not any(keyword.star.model_dump().values())
