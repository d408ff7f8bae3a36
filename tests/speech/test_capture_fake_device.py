"""MicrophoneCapture against the fake sound device: fast checks of the capture logic (the real PortAudio
path runs against the PulseAudio virtual microphone in test_audio_devices.py and test_mic_unplug.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from mockmate_desktop.speech.capture import UNPLUGGED, MicrophoneCapture
from mockmate_desktop.speech.devices import NO_INPUT
from mockmate_desktop.speech.protocols import SAMPLE_RATE, AudioArray, SpeechUnavailableError
from mockmate_desktop.speech.wavio import read_wav_16k_mono
from tests.support.fake_sounddevice import FakeSoundDevice


def tone(seconds: float, amplitude: float = 0.3) -> AudioArray:
    t = np.arange(int(seconds * SAMPLE_RATE), dtype=np.float32) / SAMPLE_RATE
    return (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def test_blocks_reach_the_consumer_and_the_wav_in_order(tmp_path: Path) -> None:
    device = FakeSoundDevice()
    heard: list[AudioArray] = []
    capture = MicrophoneCapture(sound_device=device, wav_path=tmp_path / "a.wav", on_audio=heard.append)
    capture.start()
    stream = device.stream
    assert (stream.samplerate, stream.channels, stream.dtype, stream.device) == (SAMPLE_RATE, 1, "float32", 0)
    audio = tone(1.03)
    stream.deliver(audio, overflow_at={3})
    stats = capture.stop()
    assert stats.samples == len(audio) and stats.blocks == len(heard) == 21
    assert stats.driver_overflows == 1 and stats.error is None
    assert np.allclose(np.concatenate(heard), audio)
    assert np.allclose(read_wav_16k_mono(tmp_path / "a.wav"), audio, atol=1e-4)
    assert 0.2 < capture.level[0] < 0.22 and capture.level[1] == pytest.approx(0.3, abs=1e-3)
    assert stream.closed and not capture.active


def test_an_unplugged_device_is_reported_once_and_the_audio_kept(tmp_path: Path) -> None:
    device = FakeSoundDevice()
    errors: list[str] = []
    capture = MicrophoneCapture(sound_device=device, wav_path=tmp_path / "a.wav", on_error=errors.append)
    capture.start()
    device.stream.deliver(tone(0.5))
    device.stream.unplug()
    device.stream.unplug()
    stats = capture.stop()
    assert errors == [UNPLUGGED] and stats.error == UNPLUGGED
    assert len(read_wav_16k_mono(tmp_path / "a.wav")) == int(0.5 * SAMPLE_RATE)


def test_a_full_queue_counts_dropped_blocks_and_says_so(tmp_path: Path) -> None:
    device = FakeSoundDevice()
    errors: list[str] = []
    release = threading.Event()
    capture = MicrophoneCapture(
        sound_device=device, on_audio=lambda _b: release.wait(10), on_error=errors.append, queue_blocks=2
    )
    capture.start()
    device.stream.deliver(tone(0.5))  # 10 blocks into a queue of 2 while the consumer is held
    release.set()
    stats = capture.stop()
    assert stats.overflows >= 7 and stats.blocks + stats.overflows == 10
    assert errors and "dropped" in errors[-1]


def test_no_input_device_is_a_clear_error() -> None:
    device = FakeSoundDevice(
        devices=[{"name": "Speakers", "max_input_channels": 0, "max_output_channels": 2}]
    )
    with pytest.raises(SpeechUnavailableError, match="No microphone found"):
        MicrophoneCapture(sound_device=device).start()
    assert NO_INPUT.startswith("No microphone found")


def test_a_device_chosen_by_name_is_opened() -> None:
    device = FakeSoundDevice()
    device.devices.insert(0, {"name": "Speakers", "max_input_channels": 0, "max_output_channels": 2})
    capture = MicrophoneCapture(sound_device=device, device="usb")
    capture.start()
    assert device.stream.device == 1
    capture.stop()
