"""The wire format between the app and its Whisper child process (speech/whisper_process.py and
speech/whisper_worker.py): length-prefixed frames over a pipe, arrays as raw bytes.

A frame is two little-endian uint32 (header length, payload length), a UTF-8 JSON header, then the payload:
the bytes of every array the header refers to, one after another. Audio therefore crosses as raw float32
(3.8 MB for a minute), never as a JSON list. Values are encoded generically (scalars, lists, maps, paths,
enums, arrays, the app's domain models), so a keyword argument added to `WhisperTranscriber` passes through
unchanged.
"""

from __future__ import annotations

import importlib
import json
import struct
from enum import Enum
from pathlib import Path
from typing import IO, Any

import numpy as np
from pydantic import BaseModel

PREFIX = struct.Struct("<II")
# Models may only be rebuilt from these packages: the child is ours, but a frame never names arbitrary code.
MODEL_PACKAGES = ("mockmate_desktop.domain.",)


class FrameError(Exception):
    """The other side sent something that is not a frame (a truncated pipe, stray output)."""


def encode(value: Any, blobs: list[bytes]) -> Any:
    """`value` as JSON-able data; arrays are appended to `blobs` and referred to by index."""
    if value is None or isinstance(value, bool | int | float) or type(value) is str:
        return value
    if isinstance(value, Enum):
        return encode(value.value, blobs)
    if isinstance(value, str):  # a str subclass that is not an Enum
        return str(value)
    if isinstance(value, Path):
        return {"$path": str(value)}
    if isinstance(value, np.ndarray):
        blobs.append(np.ascontiguousarray(value).tobytes())
        return {"$array": len(blobs) - 1, "dtype": value.dtype.str, "shape": list(value.shape)}
    if isinstance(value, BaseModel):
        cls = type(value)
        return {"$model": f"{cls.__module__}:{cls.__qualname__}", "data": value.model_dump(mode="json")}
    if isinstance(value, list | tuple):
        return [encode(v, blobs) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"$map": {k: encode(v, blobs) for k, v in value.items()}}
    raise TypeError(f"a {type(value).__name__} cannot be sent to the speech process")


def decode(data: Any, blobs: list[memoryview]) -> Any:
    if isinstance(data, list):
        return [decode(v, blobs) for v in data]
    if not isinstance(data, dict):
        return data
    if "$path" in data:
        return Path(data["$path"])
    if "$array" in data:
        array = np.frombuffer(blobs[int(data["$array"])], dtype=np.dtype(data["dtype"]))
        return array.reshape(data["shape"])
    if "$model" in data:
        return _model_class(str(data["$model"])).model_validate(data["data"])
    if "$map" in data:
        return {k: decode(v, blobs) for k, v in data["$map"].items()}
    raise FrameError(f"unknown value in frame: {sorted(data)}")


def _model_class(name: str) -> type[BaseModel]:
    module, _, qualname = name.partition(":")
    if not module.startswith(MODEL_PACKAGES) or "." in qualname:
        raise FrameError(f"refusing to rebuild {name}")
    cls = getattr(importlib.import_module(module), qualname, None)
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        raise FrameError(f"{name} is not a model")
    return cls


def write_frame(stream: IO[bytes], header: dict[str, Any], blobs: list[bytes]) -> None:
    """One whole frame; callers that share `stream` between threads hold a lock around this."""
    head = json.dumps({**header, "$blobs": [len(b) for b in blobs]}).encode()
    stream.write(PREFIX.pack(len(head), sum(len(b) for b in blobs)) + head)
    for blob in blobs:
        stream.write(blob)
    stream.flush()


def read_frame(stream: IO[bytes]) -> tuple[dict[str, Any], list[memoryview]] | None:
    """The next frame's header and its blobs; None at a clean end of the stream."""
    prefix = _read_exactly(stream, PREFIX.size, allow_eof=True)
    if prefix is None:
        return None
    head_len, payload_len = PREFIX.unpack(prefix)
    head = _read_exactly(stream, head_len)
    # A bytearray, so that arrays rebuilt from it are writable like any other array the callee may get.
    payload = memoryview(bytearray(_read_exactly(stream, payload_len) or b""))
    try:
        header = json.loads(head or b"")
    except ValueError as exc:
        raise FrameError(f"frame header is not JSON ({exc})") from exc
    blobs: list[memoryview] = []
    offset = 0
    for size in header.pop("$blobs", []):
        blobs.append(payload[offset : offset + int(size)])
        offset += int(size)
    return header, blobs


def _read_exactly(stream: IO[bytes], size: int, *, allow_eof: bool = False) -> bytes | None:
    data = stream.read(size) if size else b""
    if allow_eof and not data:
        return None
    if data is None or len(data) != size:
        raise FrameError(f"stream ended inside a frame ({len(data or b'')} of {size} bytes)")
    return data
