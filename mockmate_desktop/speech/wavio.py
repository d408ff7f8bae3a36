"""WAV files of answers: written while recording (a crash keeps the audio) and read back leniently.

`StreamingWavWriter` writes a 16-bit PCM header first and rewrites its two size fields every second, so a
file left by a crash is at most a second out of date; `read_wav` trusts the file's real length over header
sizes, so even such a file reads in full. Readers convert any PCM WAV to 16 kHz mono float32.
"""

from __future__ import annotations

import os
import struct
import threading
import time
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .protocols import SAMPLE_RATE, AudioArray

HEADER_BYTES = 44
SIZE_UPDATE_S = 1.0


class WavFormatError(ValueError):
    """The file is not a PCM WAV this app can read; the message says what it is."""


def _header(data_bytes: int, rate: int = SAMPLE_RATE, channels: int = 1, bits: int = 16) -> bytes:
    block = channels * bits // 8
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block, block, bits)
        + b"data"
        + struct.pack("<I", data_bytes)
    )


class StreamingWavWriter:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._file: BinaryIO | None = open(path, "wb")  # noqa: SIM115 - kept open while recording
        os.chmod(path, 0o600)
        self._file.write(_header(0))
        self._data_bytes = 0
        self._last_update = time.monotonic()
        self._lock = threading.Lock()

    @property
    def seconds(self) -> float:
        return self._data_bytes / 2 / SAMPLE_RATE

    def write(self, audio: AudioArray) -> None:
        pcm = (np.clip(np.asarray(audio, dtype=np.float32), -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
        with self._lock:
            if self._file is None:
                return
            self._file.write(pcm)
            self._data_bytes += len(pcm)
            if time.monotonic() - self._last_update >= SIZE_UPDATE_S:
                self._update_sizes()

    def _update_sizes(self) -> None:
        assert self._file is not None
        end = self._file.tell()
        self._file.seek(4)
        self._file.write(struct.pack("<I", 36 + self._data_bytes))
        self._file.seek(40)
        self._file.write(struct.pack("<I", self._data_bytes))
        self._file.seek(end)
        self._file.flush()
        self._last_update = time.monotonic()

    def close(self) -> None:
        with self._lock:
            if self._file is None:
                return
            self._update_sizes()
            os.fsync(self._file.fileno())
            self._file.close()
            self._file = None


def read_wav(path: Path) -> tuple[AudioArray, int]:
    """Samples (float32, mono) and their rate. Header sizes are not trusted: a crashed recording reads fully."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WavFormatError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(raw) < 12 or raw[:4] != b"RIFF" or raw[8:12] != b"WAVE":
        raise WavFormatError(f"{path.name} is not a WAV file (convert it with: sox IN -r 16000 -c 1 OUT.wav)")
    pos, fmt, data = 12, None, None
    while pos + 8 <= len(raw):
        chunk_id, size = raw[pos : pos + 4], struct.unpack("<I", raw[pos + 4 : pos + 8])[0]
        body = pos + 8
        if chunk_id == b"fmt ":
            fmt = struct.unpack("<HHIIHH", raw[body : body + 16])
        elif chunk_id == b"data":
            # A crash leaves a stale size: take everything to the end of the file.
            data = raw[body:] if size == 0 or body + size > len(raw) else raw[body : body + size]
            break
        pos = body + size + (size & 1)
    if fmt is None or data is None:
        raise WavFormatError(f"{path.name} has no audio data (damaged WAV header)")
    tag, channels, rate, _, _, bits = fmt
    if tag not in (1, 3, 0xFFFE) or channels < 1:
        raise WavFormatError(
            f"{path.name} uses an unsupported WAV encoding (format {tag}); convert it to PCM"
        )
    if (tag == 3 and bits != 32) or bits not in (8, 16, 24, 32):
        # Checked before any arithmetic: a damaged header can say 0 bits per sample.
        raise WavFormatError(f"{path.name}: {bits}-bit samples are not supported; convert to 16-bit PCM")
    width = bits // 8
    usable = len(data) - len(data) % (width * channels)
    data = data[:usable]
    if tag == 3:
        samples = np.frombuffer(data, "<f4").astype(np.float32)
    elif bits == 16:
        samples = np.frombuffer(data, "<i2").astype(np.float32) / 32768.0
    elif bits == 32:
        samples = (np.frombuffer(data, "<i4").astype(np.float64) / 2147483648.0).astype(np.float32)
    elif bits == 8:
        samples = (np.frombuffer(data, np.uint8).astype(np.float32) - 128.0) / 128.0
    else:  # 24-bit: the only width the check above leaves
        b = np.frombuffer(data, np.uint8).reshape(-1, 3).astype(np.int32)
        ints = (b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)) << 8 >> 8
        samples = (ints / 8388608.0).astype(np.float32)
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1).astype(np.float32)
    return samples, int(rate)


def resample(audio: AudioArray, rate: int, target: int = SAMPLE_RATE) -> AudioArray:
    """Band-limited resampling (windowed-sinc low-pass, then linear interpolation): good enough for speech."""
    if rate == target or len(audio) == 0:
        return np.asarray(audio, dtype=np.float32)
    signal = np.asarray(audio, dtype=np.float64)
    if target < rate:
        cutoff = 0.5 * target / rate * 0.95
        taps = np.arange(-64, 65)
        kernel = 2 * cutoff * np.sinc(2 * cutoff * taps) * np.hamming(len(taps))
        signal = np.convolve(signal, kernel / kernel.sum(), mode="same")
    count = round(len(signal) * target / rate)
    positions = np.arange(count) * (rate / target)
    out: AudioArray = np.interp(positions, np.arange(len(signal)), signal).astype(np.float32)
    return out


def read_wav_16k_mono(path: Path) -> AudioArray:
    samples, rate = read_wav(path)
    if rate < 4000:
        raise WavFormatError(f"{path.name} has an implausible sample rate ({rate} Hz)")
    return resample(samples, rate)


def write_wav(path: Path, audio: AudioArray) -> Path:
    writer = StreamingWavWriter(path)
    writer.write(audio)
    writer.close()
    return path
