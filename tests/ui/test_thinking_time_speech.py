"""A spoken answer with a thinking pause in the middle, through the real window: the PulseAudio virtual
microphone, the streaming VAD, Whisper tiny.en and the settings' defaults for the end of an answer (5 s).

What a candidate sees: the words as they come; during the 3 s pause a countdown ("Ending your answer in
N s") that their next words cancel, so the pause does not end the answer; after the final silence the whole
final text, last sentence included, to review; then the take is submitted as shown.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from mockmate_desktop.speech.wavio import read_wav_16k_mono, write_wav
from mockmate_desktop.ui.answer_timers import AnswerTiming
from mockmate_desktop.ui.interview_controller import Phase
from tests.conftest import FIXTURES
from tests.support.pulse import virtual_mic_fixture
from tests.ui.test_interview_journey import _start_voice_interview
from tests.ui.test_thinking_time import shot

pytestmark = [pytest.mark.slow, pytest.mark.audio]
virtual_mic = virtual_mic_fixture("module")

SPEECH = FIXTURES / "speech"
PAUSE_S = 3.0  # a thinking pause: longer than the countdown's 2 s threshold, shorter than the 5 s end


def _answer_with_a_pause(folder: Path) -> Path:
    """ "And so, my fellow Americans, ask not what your country can do for you, ask what you can do for
    your country." · 3 s of silence · "he was not an ill disposed young man" (real recordings)."""
    first = read_wav_16k_mono(SPEECH / "jfk.wav")
    second = read_wav_16k_mono(SPEECH / "librivox_0880.wav")
    pause = np.zeros(int(PAUSE_S * 16_000), dtype=np.float32)
    path = folder / "answer_with_pause.wav"
    write_wav(path, np.concatenate([first, pause, second]).astype(np.float32))
    return path


def test_a_thinking_pause_shows_a_countdown_that_speech_cancels_then_the_whole_text_is_reviewed(
    qtbot, speech_window, virtual_mic, tmp_path, record_property
) -> None:  # type: ignore[no-untyped-def]
    window = speech_window
    page = window.interview
    controller = page.controller
    assert window.services.settings.answer_end_silence_s == 5.0  # the default end of an answer
    controller.timing = lambda: AnswerTiming(thinking_s=60, review_s=2)
    countdown = window.findChild(QLabel, "endCountdown")
    final = window.findChild(QPlainTextEdit, "finalTranscript")
    events: list[tuple[float, str, object]] = []
    controller.timers.end_countdown.connect(lambda s: events.append((time.perf_counter(), "countdown", s)))
    controller.timers.still_thinking.connect(lambda s: events.append((time.perf_counter(), "card", s)))
    controller.phase_changed.connect(lambda p: events.append((time.perf_counter(), "phase", p)))
    controller.transcript.connect(lambda c, t: events.append((time.perf_counter(), "words", c + t)))
    shown_countdown: list[str] = []
    controller.timers.end_countdown.connect(
        lambda s: shown_countdown.append(countdown.text()) if s and countdown.isVisible() else None
    )
    _start_voice_interview(qtbot, window, "Support Engineer")
    qtbot.waitUntil(lambda: controller.phase is Phase.LISTENING, timeout=60_000)
    assert page.state_label.text() == "Opening the microphone…" or controller.mic_open
    qtbot.waitUntil(lambda: controller.mic_open, timeout=10_000)  # a person starts when it says Listening
    assert page.state_label.text().startswith("Listening")
    capture = controller.capture
    wav = _answer_with_a_pause(tmp_path)

    began = time.perf_counter()
    virtual_mic.play(wav)
    qtbot.waitUntil(lambda: controller.phase is Phase.REVIEW, timeout=90_000)
    assert controller.take is not None
    shot(window, "review_spoken", tmp_path)

    text = final.toPlainText()
    assert final.isVisible() and text == controller.take.transcript.text.strip()
    lowered = text.lower()
    assert "fellow americans" in lowered and "your country" in lowered, text  # before the pause
    assert "young man" in lowered, text  # the last sentence is on screen before anything moves on
    assert controller.capture is None and capture is not None  # one take: the pause did not end it

    # The countdown came during the pause, speech cancelled it, and it came again in the final silence.
    counts = [(t, value) for t, kind, value in events if kind == "countdown"]
    first_shown = next(t for t, value in counts if value)
    hidden_by_speech = next(t for t, value in counts if t > first_shown and value == 0)
    words_after = [t for t, kind, value in events if kind == "words" and t > hidden_by_speech and value]
    assert words_after, "the words after the pause arrived after the countdown was cancelled"
    assert any(value for t, value in counts if t > hidden_by_speech), "the final silence counted down"
    assert any(label.startswith("Ending your answer in ") for label in shown_countdown)
    assert not any(kind == "card" and value for _t, kind, value in events), "speech came well in time"

    first_words = next(t for t, kind, value in events if kind == "words" and value)
    record_property("first_words_on_screen_s", round(first_words - began, 2))
    sys.__stderr__.write(f"\nfirst words on screen {first_words - began:.2f} s after playback began\n")

    with qtbot.waitSignal(controller.answer_saved, timeout=10_000) as saved:
        pass  # the review moves on by itself (2 s here; 4 s by default)
    assert saved.args[0].transcript.strip() == text

