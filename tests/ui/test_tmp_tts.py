import logging
from mockmate_desktop.ui.interview_controller import Phase
from tests.support.pulse import virtual_mic_fixture
from tests.ui.test_interview_journey import _start_voice_interview
virtual_mic = virtual_mic_fixture("module")

def test_first_question(qtbot, speech_window, virtual_mic, caplog):
    caplog.set_level(logging.DEBUG)
    w = speech_window
    _start_voice_interview(qtbot, w)
    qtbot.waitUntil(lambda: w.interview.controller.phase is Phase.LISTENING, timeout=60_000)
    print("BANNER", w.banner.text if w.banner.isVisible() else None)
    w.interview.end_early(confirmed=True)
    qtbot.waitUntil(lambda: w.interview.controller.phase is Phase.DONE, timeout=60_000)
