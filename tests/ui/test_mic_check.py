"""The microphone check in setup, through the PulseAudio virtual microphone: speech moves the bar and is
reported as working; silence is reported as nothing heard."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tests.support.pulse import virtual_mic_fixture

pytestmark = [pytest.mark.audio]

virtual_mic = virtual_mic_fixture("module")


def test_setup_microphone_check_hears_speech_and_silence(qtbot, window, virtual_mic) -> None:  # type: ignore[no-untyped-def]
    window.go("setup")
    check = window.setup.mic_check
    levels: list[float] = []
    # Silence first: the check says nothing was heard rather than claiming success.
    check.toggle()
    assert check.test is not None
    check.test.level.connect(levels.append)
    qtbot.waitUntil(lambda: len(levels) > 3, timeout=20_000)
    with qtbot.waitSignal(check.checked, timeout=20_000) as silent:
        check.toggle()  # stop early
    assert silent.args == [False] and "Nothing was heard" in check.result.text()
    qtbot.waitUntil(lambda: check.test is None, timeout=10_000)

    playback = virtual_mic.play(FIXTURES / "speech" / "jfk.wav")
    check.toggle()
    with qtbot.waitSignal(check.checked, timeout=30_000) as heard:
        pass
    playback.stop()
    assert heard.args == [True] and check.result.text() == "✔ The microphone works."
    assert check.heard is True
    # A later silent check is mentioned next to Start (not a blocker: typed answers need no microphone).
    window.setup.job_title.setText("QA Engineer")
    check.heard = False
    check.checked.emit(False)
    assert "heard nothing" in window.setup.start_reason.text() and window.setup.start_button.isEnabled()
    window.setup.typed_radio.setChecked(True)
    assert "heard nothing" not in window.setup.start_reason.text()
