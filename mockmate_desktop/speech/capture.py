"""Microphone capture: 16 kHz mono float32 through sounddevice.

The PortAudio callback only copies each block into a bounded queue (a full queue is counted as an overflow
and reported, never silent). A consumer thread writes the block to the answer's WAV (so a crash keeps it),
updates the level meter and hands the block to `on_audio` (e.g. `LiveTranscription.feed`). A stream that
stops on its own (device unplugged, driver error), or stops delivering blocks, is reported once through
`on_error`; the audio so far is kept.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .devices import resolve_device, sounddevice_module
from .protocols import SAMPLE_RATE, AudioArray, SpeechUnavailableError
from .wavio import StreamingWavWriter

log = logging.getLogger(__name__)
BLOCK_S = 0.05
QUEUE_BLOCKS = 200  # 10 s of audio: a stalled consumer loses audio only after that long, and says so
# Blocks come every 50 ms. When a device goes away, PortAudio may end the stream (finished callback) or just
# stop calling back, depending on the host API; this long without a block is reported as the same failure.
STALL_S = 2.0
# The first block may take longer: measured 1.85 s for the first stream after PulseAudio starts, and Bluetooth
# headsets switch profiles for a second or two.
FIRST_BLOCK_S = 5.0
STUCK_S = 0.5  # no block for this long: stopping must not wait for the stream's thread
UNPLUGGED = "The microphone stopped unexpectedly (unplugged?); the answer recorded so far is kept."
STALLED = "The microphone stopped sending audio (unplugged?); the answer recorded so far is kept."
SILENT_DEVICE = "The microphone has not sent any audio; check that it is connected and not muted."


@dataclass
class CaptureStats:
    blocks: int = 0
    samples: int = 0
    overflows: int = 0  # blocks dropped because the queue was full
    driver_overflows: int = 0  # PortAudio reported input overflow
    error: str | None = None

    @property
    def seconds(self) -> float:
        return self.samples / SAMPLE_RATE


class MicrophoneCapture:
    def __init__(
        self,
        *,
        device: str | int | None = None,
        wav_path: Path | None = None,
        on_audio: Callable[[AudioArray], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        queue_blocks: int = QUEUE_BLOCKS,
        stall_s: float = STALL_S,
        sound_device: Any = None,
    ) -> None:
        """`sound_device`: a module with sounddevice's interface (`InputStream`, `query_devices`,
        `default`); None is the real sounddevice. Fast tests pass tests/support/fake_sounddevice.py."""
        self._sound_device = sound_device
        self._stall_s = stall_s
        self._last_block_at = time.monotonic()
        self._device_spec = device
        self._wav_path = wav_path
        self._on_audio = on_audio
        self._on_error = on_error
        self._queue: queue.Queue[AudioArray | None] = queue.Queue(maxsize=queue_blocks)
        self._stream: Any = None
        self._writer: StreamingWavWriter | None = None
        self._consumer: threading.Thread | None = None
        self._stopping = threading.Event()
        self._level = (0.0, 0.0)
        self.stats = CaptureStats()

    @property
    def level(self) -> tuple[float, float]:
        """(RMS, peak) of the latest block, 0..1, for a level meter."""
        return self._level

    @property
    def active(self) -> bool:
        return self._stream is not None

    def start(self) -> None:
        sd = self._sound_device or sounddevice_module()
        index = resolve_device(self._device_spec, "input", sd)
        if self._wav_path is not None:
            self._writer = StreamingWavWriter(self._wav_path)
        self._last_block_at = time.monotonic()  # the stuck-stream clock starts with the stream
        try:
            self._stream = sd.InputStream(
                samplerate=SAMPLE_RATE,
                channels=1,
                dtype="float32",
                device=index,
                blocksize=int(BLOCK_S * SAMPLE_RATE),
                callback=self._callback,
                finished_callback=self._finished,
            )
            self._stream.start()
        except Exception as exc:
            self._stream = None
            if self._writer:
                self._writer.close()
            raise SpeechUnavailableError(
                f"The microphone could not be opened ({exc}); check the input device"
            ) from exc
        self._consumer = threading.Thread(target=self._consume, name="mic-consumer", daemon=True)
        self._consumer.start()

    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        self._last_block_at = time.monotonic()
        if status and status.input_overflow:
            self.stats.driver_overflows += 1
        try:
            self._queue.put_nowait(indata[:, 0].copy())
        except queue.Full:
            self.stats.overflows += 1

    def _finished(self) -> None:
        if not self._stopping.is_set():
            self._end_consumer()
            self._report(UNPLUGGED)

    def _report(self, message: str) -> None:
        if self.stats.error is None and not self._stopping.is_set():
            self.stats.error = message
            if self._on_error:
                self._on_error(message)

    def _end_consumer(self) -> None:
        try:
            self._queue.put(None, timeout=2)
        except queue.Full:
            log.warning("audio queue full while closing; the consumer stops after draining it")

    def _consume(self) -> None:
        while True:
            started = self.stats.blocks > 0
            try:
                block = self._queue.get(
                    timeout=self._stall_s if started else max(self._stall_s, FIRST_BLOCK_S)
                )
            except queue.Empty:
                self._report(STALLED if started else SILENT_DEVICE)
                continue
            if block is None:
                break
            self.stats.blocks += 1
            self.stats.samples += len(block)
            if len(block):
                self._level = (float(np.sqrt(np.mean(block * block))), float(np.max(np.abs(block))))
            if self._writer:
                self._writer.write(block)
            if self._on_audio:
                try:
                    self._on_audio(block)
                except Exception:  # a consumer bug must not stop the recording
                    log.exception("audio consumer failed")
        if self._writer:
            self._writer.close()

    def stop(self) -> CaptureStats:
        """Close the stream, drain what was queued, finalise the WAV. Safe to call twice."""
        self._stopping.set()
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                # A stalled stream's PortAudio thread is stuck waiting for the device, and stop() would wait
                # for it forever (measured with a suspended PulseAudio source); abort() cancels it.
                if time.monotonic() - self._last_block_at > STUCK_S:
                    stream.abort()
                else:
                    stream.stop()
                stream.close()
            except Exception as exc:
                log.warning("closing the microphone failed: %s", exc)
            self._end_consumer()
        if self._consumer is not None:
            self._consumer.join(timeout=10)
            self._consumer = None
        if self.stats.overflows and self._on_error:
            self._on_error(f"{self.stats.overflows} audio blocks were dropped (the computer was too busy)")
        return self.stats
