"""The Question by Question tab: labels from the one numbering scheme, the answer replay (its transcript
follows the position, fillers marked, seek), and the Practise-again hook hidden until something sets it."""

from __future__ import annotations

import shutil
from uuid import uuid4

from mockmate_desktop.domain.delivery import WordTiming
from mockmate_desktop.domain.enums import Source
from mockmate_desktop.ui.report.replay import filler_indices
from tests.conftest import FIXTURES
from tests.domain.test_numbering import with_follow_up
from tests.support.ui_sessions import complete_session

_SAID = ["so", "um", "I", "profiled", "it", "you", "know", "and", "the", "query", "was", "slow"]


def _session_with_recording(window):  # type: ignore[no-untyped-def]
    session = with_follow_up(complete_session(Source.OFFLINE))
    answer = session.answers[0]
    target = window.services.store.home / "audio" / "replay-test.wav"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "speech" / "jfk.wav", target)
    answer.audio_path = window.services.store.relative_path(target)
    answer.duration_s = 12.0
    answer.words = [WordTiming(word=w, start=i * 1.0, end=i * 1.0 + 0.6) for i, w in enumerate(_SAID)]
    window.services.store.save_session(session)
    return session


def test_replay_follows_the_position_and_marks_fillers(qtbot, window) -> None:
    session = _session_with_recording(window)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    tab = window.report.questions
    assert [tab.list.item(i).text().split("  ")[0] for i in range(tab.list.count())] == [
        "Q1",
        "Q2",
        "Q2 follow-up",
    ]
    replay = tab.replay
    assert filler_indices(session.answers[0], "en") == {0, 1, 5, 6}  # "so" before "um", "um", "you know"
    assert replay.play_button.isEnabled() and replay.seek.maximum() == 12_000
    html = replay.transcript.toHtml()
    assert html.count("#ffe08a") == 4  # the four filler words are marked

    replay.seek.setValue(6_500)  # a person drags the slider while paused
    assert replay.word_at(6.5) == 6 and replay._current == 6
    assert replay.time_label.text() == "0:06 / 0:12"
    assert "#1a73e8" in replay.transcript.toHtml()

    # Typed answers (no recording) cannot be played, and say why.
    tab.list.setCurrentRow(1)
    assert not replay.play_button.isEnabled()
    assert "No recording" in replay.play_button.toolTip()


def test_practise_again_shows_only_while_a_coaching_hook_is_set(qtbot, window) -> None:
    session = _session_with_recording(window)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    tab = window.report.questions
    window.report.tabs.setCurrentWidget(tab)
    # The window wires the coaching loop's dialog in; without a hook there is no button that does nothing.
    assert tab.practise_again_hook is not None and tab.practise_button.isVisible()
    tab.practise_again_hook = None
    assert not tab.practise_button.isVisible()
    asked: list[tuple[str, str]] = []
    tab.practise_again_hook = lambda s, item: asked.append((str(s.id), item.question))
    tab.list.setCurrentRow(1)
    assert tab.practise_button.isVisible()
    tab.practise_button.click()
    assert asked == [(str(session.id), session.questions[1].text)]
    tab.practise_again_hook = None
    assert not tab.practise_button.isVisible()


def test_the_replay_keeps_french_elisions_whole() -> None:
    """Seen on a real display in a French interview: "J 'ai prévenu l 'équipe" under the player."""
    from mockmate_desktop.domain.enums import AnswerMode
    from mockmate_desktop.domain.interview import Answer
    from mockmate_desktop.ui.report.replay import transcript_html

    pieces = ["J", "'ai", "prévenu", "l", "'équipe", ":", "faites", "-vous", "-", "vite"]
    answer = Answer(
        question_id=uuid4(),
        mode=AnswerMode.VOICE,
        words=[WordTiming(word=w, start=i * 0.5, end=i * 0.5 + 0.4) for i, w in enumerate(pieces)],
    )
    html = transcript_html(answer, set(), current=1)
    assert ">J<span" in html and "prévenu l'équipe : faites-vous - vite" in html.replace("&#x27;", "'")


def test_the_length_of_a_recording_shows_before_it_is_played(qtbot, window) -> None:
    # It said "0:00 / 0:00" next to a 14 s recording until that was played.
    session = _session_with_recording(window)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    tab = window.report.questions
    assert tab.replay.time_label.text() == "0:00 / 0:12"
    tab.list.setCurrentRow(1)  # typed: no recording, whatever time the typing took
    assert tab.replay.time_label.text() == "0:00 / 0:00"
