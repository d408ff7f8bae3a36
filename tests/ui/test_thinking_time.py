"""Thinking time on the interview page: the real window, the real microphone capture (PulseAudio virtual
microphone) and the real streaming VAD. Nobody speaks here, so Whisper is never called (its model is handed
in unloaded): these tests stay fast. Speech through the same states is in test_thinking_time_speech.py.

What a candidate sees: "Still thinking?" after the thinking time instead of being skipped; Start keeps
listening, Skip skips; the end countdown that speech cancels; the final text to review, with Re-record and
Next question; a typed answer goes straight on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QWidget

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import AnswerMode
from mockmate_desktop.ui.answer_timers import AnswerTiming
from mockmate_desktop.ui.interview_controller import Phase
from mockmate_desktop.ui.launch import build_window
from mockmate_desktop.ui.main_window import MainWindow
from tests.support.pulse import virtual_mic_fixture
from tests.ui.test_interview_journey import _start_voice_interview

pytestmark = [pytest.mark.audio]
virtual_mic = virtual_mic_fixture("module")


def shot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    """A picture of what the candidate sees; kept in MOCKMATE_SHOT_DIR when set (for looking at them)."""
    folder = Path(os.environ.get("MOCKMATE_SHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def listening_window(qtbot, ctx: AppContext, virtual_mic: Any, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    from mockmate_desktop.speech.whisper import WhisperTranscriber

    ctx.settings.tts_rate_wpm = 300  # the questions are read aloud quickly: the tests wait for listening
    # Loads on first use: only if the VAD hears something (e.g. the tail of the question as the mic opens).
    unloaded = WhisperTranscriber("tiny.en", tmp_path / "model-cache")
    win = build_window(ctx, transcribers={"tiny.en": unloaded})
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    win.interview.controller.timing = lambda: AnswerTiming(thinking_s=0.6, review_s=2)
    _start_voice_interview(qtbot, win)
    qtbot.waitUntil(lambda: win.interview.controller.phase is Phase.LISTENING, timeout=60_000)
    yield win
    win.close()
    assert win.tasks.wait_for_done(60_000)


def _find(window: MainWindow, kind: type, name: str) -> Any:
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_still_thinking_asks_instead_of_skipping_then_start_and_skip(qtbot, listening_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = listening_window
    controller = window.interview.controller
    card = _find(window, QWidget, "stillThinking")
    start = _find(window, QPushButton, "stillThinkingStart")
    skip = _find(window, QPushButton, "stillThinkingSkip")
    question, capture = controller.question, controller.capture
    assert not card.isVisible()

    qtbot.waitUntil(card.isVisible, timeout=10_000)
    assert controller.phase is Phase.LISTENING and controller.capture is capture  # silence moved nothing on
    shot(window, "still_thinking", tmp_path)

    start.click()  # keeps listening: the same take goes on, the card comes back after the thinking time
    assert not card.isVisible()
    assert controller.phase is Phase.LISTENING and controller.capture is capture
    qtbot.waitUntil(card.isVisible, timeout=10_000)

    with qtbot.waitSignal(controller.answer_saved, timeout=30_000) as saved:
        skip.click()
    assert saved.args[0].skipped and saved.args[0].question_id == question.id
    assert not card.isVisible()
    qtbot.waitUntil(lambda: controller.phase is Phase.LISTENING, timeout=60_000)
    assert controller.question is not None and controller.question.id != question.id


def test_end_countdown_follows_the_pipelines_silence_and_speech_hides_it(qtbot, listening_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = listening_window
    controller = window.interview.controller
    countdown = _find(window, QLabel, "endCountdown")
    card = _find(window, QWidget, "stillThinking")
    capture = controller.capture
    assert capture is not None
    qtbot.waitUntil(card.isVisible, timeout=10_000)  # the thinking time passed in silence
    # The capture thread's own signals, as the live pipeline sends them (speech, then a long pause).
    capture.voice.emit("speaking")
    qtbot.waitUntil(lambda: not card.isVisible())  # speech starting hides the card
    capture.silence.emit(1.0, 5.0)
    qtbot.waitUntil(lambda: controller.timers.countdown == 0 and not controller.timers.running)
    assert not countdown.isVisible() and not card.isVisible()
    capture.silence.emit(2.2, 5.0)
    qtbot.waitUntil(countdown.isVisible)
    assert countdown.text() == "Ending your answer in 3 s — keep talking to go on"
    assert not window.interview.state_label.isVisible()  # the countdown stands in its place, unclipped
    qtbot.waitUntil(lambda: countdown.width() >= countdown.sizeHint().width())
    shot(window, "end_countdown", tmp_path)
    capture.voice.emit("speaking")  # the candidate goes on
    qtbot.waitUntil(lambda: not countdown.isVisible())
    assert controller.phase is Phase.LISTENING and window.interview.state_label.isVisible()


def test_review_rerecord_then_accept_submits_once(qtbot, listening_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = listening_window
    page = window.interview
    controller = page.controller
    final = _find(window, QPlainTextEdit, "finalTranscript")
    rerecord = _find(window, QPushButton, "reRecord")
    accept = _find(window, QPushButton, "acceptAnswer")
    question = controller.question
    saved: list[Any] = []
    controller.answer_saved.connect(saved.append)
    phases: list[str] = []
    controller.phase_changed.connect(phases.append)

    qtbot.keyClick(page, Qt.Key.Key_Space)  # the candidate ends the (silent) take
    qtbot.waitUntil(lambda: controller.phase is Phase.REVIEW, timeout=30_000)
    first_take = controller.take
    assert first_take is not None and first_take.audio_path.is_file()
    assert final.isVisible() and final.toPlainText() == "" and "No words" in final.placeholderText()
    assert accept.isVisible() and rerecord.isEnabled() and not page.transcript.isVisible()
    assert not controller.timers.running, "a take with no words waits for the candidate's choice"
    shot(window, "review_empty", tmp_path)
    # With words it would move on by itself; clicking into the text to read it holds that.
    controller.timers.review(auto_continue=True)
    review_countdown = _find(window, QLabel, "reviewCountdown")
    qtbot.waitUntil(review_countdown.isVisible)
    qtbot.mouseClick(final.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not review_countdown.isVisible())
    assert not controller.timers.running and controller.phase is Phase.REVIEW

    qtbot.keyClick(page, Qt.Key.Key_R)  # Re-record: the same question, listening again
    qtbot.waitUntil(lambda: controller.phase is Phase.LISTENING, timeout=10_000)
    assert controller.question is question and controller.take is None and not saved
    assert first_take.audio_path.is_file(), "the discarded take's recording stays on disk"
    assert not final.isVisible() and page.transcript.isVisible()

    page.stop_button.click()
    qtbot.waitUntil(lambda: controller.phase is Phase.REVIEW, timeout=30_000)
    second_take = controller.take
    assert second_take is not None and second_take.audio_path != first_take.audio_path
    with qtbot.waitSignal(controller.answer_saved, timeout=30_000):
        qtbot.keyClick(page, Qt.Key.Key_Return)  # Enter (or Space) accepts, as the button does
        accept.click()  # a second press submits nothing more
        controller.accept_answer()
    qtbot.waitUntil(lambda: controller.phase is Phase.LISTENING, timeout=60_000)
    assert len(saved) == 1 and saved[0].question_id == question.id
    assert saved[0].mode is AnswerMode.VOICE and not saved[0].skipped
    assert saved[0].audio_path and Path(second_take.audio_path).name in str(saved[0].audio_path)
    assert phases.count("review") == 2


def test_a_typed_answer_needs_no_review(qtbot, listening_window) -> None:  # type: ignore[no-untyped-def]
    window = listening_window
    page = window.interview
    controller = page.controller
    phases: list[str] = []
    controller.phase_changed.connect(phases.append)
    page.type_button.click()
    assert controller.phase is Phase.TYPING
    page.typed.setPlainText("I would profile first, then cache the slow query and measure again.")
    with qtbot.waitSignal(controller.answer_saved, timeout=30_000) as saved:
        page.submit_button.click()
    assert saved.args[0].mode is AnswerMode.TYPED and "profile" in saved.args[0].transcript
    assert "review" not in phases


def test_ending_the_interview_during_a_review_keeps_the_take(qtbot, listening_window) -> None:  # type: ignore[no-untyped-def]
    window = listening_window
    page = window.interview
    controller = page.controller
    page.stop_button.click()
    qtbot.waitUntil(lambda: controller.phase is Phase.REVIEW, timeout=30_000)
    take = controller.take
    assert take is not None
    with qtbot.waitSignal(window.report.loaded, timeout=120_000):
        page.end_early(confirmed=True)
    stored = window.services.store.get_session(controller.session.id)
    assert len(stored.answers) == 1 and stored.answers[0].mode is AnswerMode.VOICE
    assert Path(take.audio_path).name in str(stored.answers[0].audio_path)
