"""A microphone that disappears or goes silent mid-answer: reported once, the audio recorded until then
is kept, and stopping the capture does not hang."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from mockmate_desktop.speech.capture import (
    SILENT_DEVICE,
    STALLED,
    UNPLUGGED,
    CaptureStats,
    MicrophoneCapture,
)
from mockmate_desktop.speech.protocols import SAMPLE_RATE, AudioArray
from mockmate_desktop.speech.wavio import read_wav_16k_mono
from tests.support.audio import fixture_path
from tests.support.pulse import VirtualMic, virtual_mic_fixture

pytestmark = [pytest.mark.audio, pytest.mark.slow]
virtual_mic = virtual_mic_fixture("function")  # each test breaks its microphone: a fresh server per test


@pytest.mark.parametrize(
    "lose_device,expected",
    [(VirtualMic.kill_server, UNPLUGGED), (VirtualMic.suspend_source, STALLED)],
    ids=["server-gone", "source-stalls"],
)
def test_lost_microphone_is_reported_and_the_audio_so_far_kept(
    virtual_mic: VirtualMic, tmp_path: Path, lose_device: Callable[[VirtualMic], None], expected: str
) -> None:
    errors: list[str] = []
    failed, three_seconds = threading.Event(), threading.Event()
    heard = [0]

    def on_audio(block: AudioArray) -> None:
        heard[0] += len(block)
        if heard[0] >= 3 * SAMPLE_RATE:
            three_seconds.set()

    def on_error(message: str) -> None:
        errors.append(message)
        failed.set()

    wav = tmp_path / "answer.wav"
    capture = MicrophoneCapture(wav_path=wav, on_audio=on_audio, on_error=on_error)
    capture.start()
    try:
        virtual_mic.play(fixture_path("jfk"))
        assert three_seconds.wait(15), "nothing recorded from the virtual microphone"
        lose_device(virtual_mic)
        assert failed.wait(15), "the lost microphone was not reported"
        stopped: list[CaptureStats] = []
        stopper = threading.Thread(target=lambda: stopped.append(capture.stop()), daemon=True)
        stopper.start()
        stopper.join(10)
        assert stopped, "stopping the capture hung on the lost device"
    finally:
        capture.stop()  # a no-op once stopped; otherwise closes the stream before the server goes
    assert errors == [expected] and stopped[0].error == expected
    recorded = read_wav_16k_mono(wav)
    assert len(recorded) >= 3 * SAMPLE_RATE
    assert float(np.max(np.abs(recorded))) > 0.05  # the speech played before the loss is in the WAV


def test_a_microphone_that_never_sends_audio_is_reported(virtual_mic: VirtualMic) -> None:
    virtual_mic.suspend_source()
    failed = threading.Event()
    errors: list[str] = []
    capture = MicrophoneCapture(on_error=lambda message: (errors.append(message), failed.set()))
    capture.start()
    try:
        assert failed.wait(15), "a silent device was not reported"
    finally:
        stats = capture.stop()
    assert errors == [SILENT_DEVICE] and stats.blocks == 0
