"""The interview page's heading is worded in the interview's language, and each question starts at 0:00.

Seen on a real display (tests/journey/test_french_journey.py): a French interview's follow-up read
"Q2 relance (of 5)  Follow-up", and a new question showed the previous answer's time (0:17) until the
answer opened.
"""

from __future__ import annotations

from mockmate_desktop.domain.enums import Language, Source
from tests.domain.test_numbering import with_follow_up
from tests.support.ui_sessions import complete_session


def test_a_french_follow_up_is_headed_in_french_and_the_clock_starts_again(window) -> None:  # type: ignore[no-untyped-def]
    session = with_follow_up(complete_session(Source.OFFLINE))
    session.config.language = Language.FR
    page = window.interview
    page.controller.session = session
    page.elapsed_label.setText("0:17")  # the time of the answer before
    page._on_question(session.questions[1], 2, 5)
    assert page.progress_label.text() == "Q2 sur 5" and page.kind_label.text() == ""
    assert page.elapsed_label.text() == "0:00"
    page._on_question(session.questions[2], 2, 5)
    assert page.progress_label.text() == "Q2 relance (sur 5)"
    assert page.kind_label.text() == "Relance"
    session.config.language = Language.EN
    page._on_question(session.questions[2], 2, 5)
    assert (page.progress_label.text(), page.kind_label.text()) == ("Q2 follow-up (of 5)", "Follow-up")


def test_the_keys_line_names_the_keys_of_the_answer_being_given(window) -> None:  # type: ignore[no-untyped-def]
    # Seen while typing answers on a real display: the line under the buttons still said "Space stops the
    # answer · R replays the question", keys that type into the answer box there.
    page = window.interview
    page._on_phase("typing")
    assert page.keys_hint.text().startswith("Ctrl+Enter submits the answer")
    page._on_phase("listening")
    assert page.keys_hint.text().startswith("Space stops the answer")
