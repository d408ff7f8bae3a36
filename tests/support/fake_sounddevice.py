"""A stand-in for the sounddevice module at its interface, for fast capture tests (the real path is tested
through the PulseAudio virtual microphone in tests/support/pulse.py).

It behaves as PortAudio does towards `MicrophoneCapture`: `InputStream(...)` checks its arguments the way
sounddevice does, `start()` opens it, and each block arrives through the callback as an (n, 1) float32
array with a status object. The test decides when blocks arrive (`deliver`), so nothing waits on a clock:

    device = FakeSoundDevice()
    capture = MicrophoneCapture(sound_device=device, on_audio=...)
    capture.start()
    device.stream.deliver(audio)        # split into the stream's blocksize, callback per block
    device.stream.unplug()              # the host API ends the stream: finished_callback
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np


class PortAudioError(Exception):
    pass


@dataclass
class CallbackFlags:
    input_overflow: bool = False

    def __bool__(self) -> bool:
        return self.input_overflow


@dataclass
class _Default:
    device: tuple[int, int] = (0, 0)


@dataclass
class FakeInputStream:
    samplerate: float
    channels: int
    dtype: str
    device: int | None
    blocksize: int
    callback: Callable[[Any, int, Any, Any], None]
    finished_callback: Callable[[], None] | None = None
    active: bool = False
    closed: bool = False
    aborted: bool = False
    delivered: int = 0

    def start(self) -> None:
        if self.closed:
            raise PortAudioError("Stream is closed")
        self.active = True

    def deliver(self, audio: np.ndarray, *, overflow_at: set[int] | None = None) -> None:
        """Hand `audio` to the callback in blocks of `blocksize` (the last may be shorter), as PortAudio's
        thread would; block numbers in `overflow_at` carry the input-overflow flag."""
        if not self.active:
            raise PortAudioError("Stream is not started")
        data = np.asarray(audio, dtype=np.float32).reshape(-1, 1)
        for number, index in enumerate(range(0, len(data), self.blocksize)):
            block = data[index : index + self.blocksize]
            flags = CallbackFlags(input_overflow=number in (overflow_at or set()))
            self.callback(block, len(block), None, flags)
            self.delivered += len(block)

    def unplug(self) -> None:
        """The device disappears: PortAudio ends the stream and calls the finished callback."""
        self.active = False
        if self.finished_callback:
            self.finished_callback()

    def stop(self) -> None:
        self.active = False
        if self.finished_callback:
            self.finished_callback()

    def abort(self) -> None:
        self.aborted = True
        self.stop()

    def close(self) -> None:
        self.closed = True


@dataclass
class FakeSoundDevice:
    """The parts of the sounddevice module that speech/devices.py and speech/capture.py use."""

    devices: list[dict[str, Any]] = field(
        default_factory=lambda: [
            {"name": "Fake USB Microphone", "max_input_channels": 1, "max_output_channels": 0},
            {"name": "Fake Speakers", "max_input_channels": 0, "max_output_channels": 2},
        ]
    )
    default: _Default = field(default_factory=_Default)
    streams: list[FakeInputStream] = field(default_factory=list)
    PortAudioError: type[Exception] = PortAudioError

    def query_devices(self) -> list[dict[str, Any]]:
        return [dict(d) for d in self.devices]

    def InputStream(self, **kwargs: Any) -> FakeInputStream:
        if kwargs.get("device") is not None and not (0 <= kwargs["device"] < len(self.devices)):
            raise PortAudioError(f"Error querying device {kwargs['device']}")
        if kwargs.get("channels", 1) > self.devices[kwargs.get("device") or 0]["max_input_channels"]:
            raise PortAudioError("Invalid number of channels")
        stream = FakeInputStream(**kwargs)
        self.streams.append(stream)
        return stream

    @property
    def stream(self) -> FakeInputStream:
        return self.streams[-1]
