"""No sound server / no device: clear SpeechUnavailableError, no crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmate_desktop.speech.capture import MicrophoneCapture
from mockmate_desktop.speech.playback import WavPlayer
from mockmate_desktop.speech.protocols import SpeechUnavailableError
from tests.support.audio import fixture_path
from tests.support.pulse import restart_portaudio

pytestmark = pytest.mark.audio


@pytest.fixture
def no_sound_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Point PulseAudio clients at a socket where nothing listens: this machine has no sound card either.
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'nothing-here'}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    restart_portaudio()
    yield
    monkeypatch.undo()
    restart_portaudio()


def test_no_microphone_is_a_clear_error(no_sound_server: None, tmp_path: Path) -> None:
    capture = MicrophoneCapture(wav_path=tmp_path / "a.wav")
    with pytest.raises(SpeechUnavailableError, match="No microphone found"):
        capture.start()
    assert not capture.active


def test_no_speaker_is_a_clear_error(no_sound_server: None) -> None:
    with pytest.raises(SpeechUnavailableError, match="shown as text"):
        WavPlayer().play(fixture_path("cards_001"))


def test_unknown_device_name_lists_what_exists(virtual_mic: object) -> None:
    with pytest.raises(SpeechUnavailableError, match=r"not found .*available"):
        MicrophoneCapture(device="USB headset 9000").start()
