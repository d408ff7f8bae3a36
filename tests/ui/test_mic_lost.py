"""The microphone goes silent in the middle of a spoken answer (a headset dropping out): the answer ends with
what was heard, it is saved with its recording, and a banner says what happened and what to check."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.enums import AnswerMode
from mockmate_desktop.speech.capture import STALLED
from mockmate_desktop.ui.interview_controller import Phase
from tests.conftest import FIXTURES
from tests.support.pulse import virtual_mic_fixture
from tests.ui.test_interview_journey import _start_voice_interview

pytestmark = [pytest.mark.slow, pytest.mark.audio]


virtual_mic = virtual_mic_fixture("function")  # this test breaks its microphone: it gets one of its own


def test_microphone_lost_mid_answer_keeps_the_answer_and_says_so(qtbot, speech_window, virtual_mic) -> None:  # type: ignore[no-untyped-def]
    window = speech_window
    controller = window.interview.controller
    _start_voice_interview(qtbot, window)
    qtbot.waitUntil(lambda: controller.phase is Phase.LISTENING and controller.mic_open, timeout=60_000)
    heard: list[str] = []
    controller.transcript.connect(lambda committed, tentative: heard.append(committed + tentative))
    virtual_mic.play(FIXTURES / "speech" / "jfk.wav")
    # Enough speech for a transcript (tentative text shows after about a second of audio).
    qtbot.waitUntil(lambda: any(len(text.split()) >= 4 for text in heard), timeout=30_000)
    with qtbot.waitSignal(controller.answer_saved, timeout=60_000):
        virtual_mic.suspend_source()
    assert window.banner.isVisible() and STALLED in window.banner.text
    session = window.services.store.get_session(controller.session.id)
    answer = session.answers[0]
    assert answer.mode is AnswerMode.VOICE and answer.transcript.strip()
    assert answer.audio_path and window.services.store.resolve(answer.audio_path).stat().st_size > 44 + 16_000
