"""What runs inside the Whisper child process of the window (speech/whisper_process.py is the app's side).

`python -m mockmate_desktop.speech.whisper_worker` (or the frozen app with MOCKMATE_ROLE=whisper-worker)
reads frames (speech/whisper_frames.py) on stdin and writes frames on stdout:
- the first frame, `{"op": "open", "args": [...], "kwargs": {...}}`, builds `WhisperTranscriber(*args,
  **kwargs)`;
- every later frame, `{"op": "call", "id": N, "method": NAME, "args": [...], "kwargs": {...}}`, runs that
  public method on a pool thread (several at once) and is answered by a frame tagged with the same id, so that passes
  overlap exactly as far as `WhisperTranscriber` itself allows.
It ends when stdin ends (the app closed it, or the app died and the kernel closed it), and, on Linux, when
the app's thread that started it ends (PR_SET_PDEATHSIG: the app starts it from the thread that reads its
replies, which lives as long as the child).
"""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any

from .whisper_frames import decode, encode, read_frame, write_frame

PARENT_VARIABLE = "MOCKMATE_WHISPER_PARENT"
# What the app's proxy mirrors after every reply (read by its `loaded` / `load_seconds`).
STATE = ("loaded", "load_seconds")
CALL_THREADS = 8  # far above the passes WhisperTranscriber lets overlap (one today)


def _claim_stdout() -> IO[bytes]:
    """The real stdout, for frames only; fd 1 and `print` then go to stderr, so that a library that prints
    (or a C library writing to fd 1) cannot break the framing."""
    frames = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return frames


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # a backstop only: the end of stdin ends this process as well
        return
    expected = os.environ.get(PARENT_VARIABLE, "")
    if expected.isdigit() and os.getppid() != int(expected):  # the app died before prctl took effect
        os._exit(0)


class WorkerServer:
    def __init__(self, requests: IO[bytes], replies: IO[bytes]) -> None:
        self._requests = requests
        self._replies = replies
        self._write_lock = threading.Lock()
        self._target: Any = None
        # Reused threads, not a new one per request: CTranslate2's OpenMP team belongs to the calling thread,
        # and a fresh thread per pass rebuilt it (a 20 s pass beside a busy process took 3.1-3.6 s instead of
        # 1.7-1.8 s in process). Up to CALL_THREADS requests run at once.
        self._pool = ThreadPoolExecutor(max_workers=CALL_THREADS, thread_name_prefix="whisper-call")

    def serve(self) -> None:
        """Until stdin ends; requests that are still running then have nobody to answer."""
        while (frame := read_frame(self._requests)) is not None:
            header, blobs = frame
            if header.get("op") == "open":
                self._open(header, blobs)
            else:
                self._pool.submit(self._call, header, blobs)

    def _open(self, header: dict[str, Any], blobs: list[memoryview]) -> None:
        try:
            from .whisper import WhisperTranscriber

            self._target = WhisperTranscriber(
                *decode(header["args"], blobs), **decode(header["kwargs"], blobs)
            )
        except Exception as exc:  # answered, so the app shows why instead of a dead process
            self._reply(header.get("id", 0), error=exc)
            return
        self._reply(header.get("id", 0), result=None)

    def _call(self, header: dict[str, Any], blobs: list[memoryview]) -> None:
        request = header.get("id", 0)
        try:
            method = str(header["method"])
            if (
                self._target is None
                or method.startswith("_")
                or not callable(getattr(self._target, method, None))
            ):
                raise AttributeError(f"the speech process has no method {method!r}")
            result = getattr(self._target, method)(
                *decode(header["args"], blobs), **decode(header["kwargs"], blobs)
            )
        except Exception as exc:  # every failure goes back to the caller, whose call raises it
            self._reply(request, error=exc)
            return
        self._reply(request, result=result)

    def _reply(self, request: int, *, result: Any = None, error: BaseException | None = None) -> None:
        blobs: list[bytes] = []
        header: dict[str, Any] = {"id": request, "state": self._state()}
        if error is not None:
            header["error"] = {"type": type(error).__name__, "message": str(error)}
            if isinstance(error, OSError):  # rebuilt as the same OSError subclass on the app's side
                header["error"]["os"] = [error.errno, error.strerror, error.filename]
        else:
            try:
                header["result"] = encode(result, blobs)
            except TypeError as exc:
                blobs = []
                header["error"] = {"type": "TypeError", "message": str(exc)}
        with self._write_lock:
            try:
                write_frame(self._replies, header, blobs)
            except (BrokenPipeError, ValueError):  # the app is gone; nobody is left to answer
                os._exit(0)

    def _state(self) -> dict[str, Any]:
        if self._target is None:
            return {}
        return {name: encode(getattr(self._target, name, None), []) for name in STATE}


def main() -> None:
    """Entry point of the child process."""
    replies = _claim_stdout()
    _die_with_parent()
    WorkerServer(sys.stdin.buffer, replies).serve()
    sys.stderr.flush()
    os._exit(0)  # without waiting for passes still running: their caller has gone


if __name__ == "__main__":
    main()
