"""Whisper in a child process, for the window: no Whisper code ever holds the GUI process's GIL.

faster-whisper's Python and numpy parts (feature extraction over the growing answer, the decode loop, word
timestamps) and its tokenizer parse (a Rust call that keeps the GIL for 120-460 ms) ran beside the GUI thread
and stalled the event loop (docs/issue-notes/issue-12d.md). Here they run in `speech/whisper_worker.py`, a
plain subprocess started like the PDF reader (core/helper_process.py), spoken to over its stdin/stdout with
length-prefixed frames (speech/whisper_frames.py).

`WhisperProcessTranscriber` is a generic proxy of `speech/whisper.py:WhisperTranscriber`: the child builds a
`WhisperTranscriber` with the constructor arguments given here, and every method call passes its keyword
arguments through unchanged, so an argument added there needs nothing here. Calls are never serialised on
this side: each is a request tagged with an id, the child runs each in its own thread, so what may overlap is
exactly what `WhisperTranscriber` itself lets overlap.

The CLI, the tests and the benches keep the in-process `WhisperTranscriber`: they have no GUI thread to
protect, and one process is simpler to measure and debug.

Failures: if the child dies (killed, out of memory, a crash in native code), every pending call raises
`SpeechUnavailableError` with one line saying so, and the next call starts a new child. The child ends when
the app closes its stdin (`close()`), when the app dies (the kernel closes the pipe), and, on Linux, by
PR_SET_PDEATHSIG when the thread that started it ends: that is the reader thread below, which lives exactly
as long as the child.
"""

from __future__ import annotations

import itertools
import logging
import os
import signal
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.helper_process import helper_command
from ..core.process_env import child_environment
from ..domain.transcript import Transcript
from .protocols import AudioArray, SpeechUnavailableError
from .whisper_frames import FrameError, decode, encode, read_frame, write_frame
from .whisper_worker import PARENT_VARIABLE

log = logging.getLogger(__name__)
CLOSE_TIMEOUT_S = 3.0  # the child leaves as soon as its stdin ends; this only bounds a wedged one at quit
# Errors the child reports that are raised here as themselves; any other is a SpeechUnavailableError.
_ERRORS: dict[str, type[Exception]] = {"TypeError": TypeError, "ValueError": ValueError}


@dataclass
class _Pending:
    done: threading.Event = field(default_factory=threading.Event)
    sent: bool = False  # the whole request is in the pipe
    header: dict[str, Any] = field(default_factory=dict)
    blobs: list[memoryview] = field(default_factory=list)
    failure: str | None = None


class _Child:
    """One running worker process and the thread that starts it and reads its replies."""

    def __init__(self, label: str) -> None:
        self._label = label
        self._pending: dict[int, _Pending] = {}
        self._pending_lock = threading.Lock()
        self._changed = threading.Condition(self._pending_lock)  # a request was sent or answered
        self._write_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._started = threading.Event()
        self._proc: subprocess.Popen[bytes] | None = None
        self._spawn_error: str | None = None
        self.dead: str | None = None  # why calls can no longer be made, once the child has gone
        self.state: dict[str, Any] = {}
        self._reader = threading.Thread(target=self._run, name="whisper-process", daemon=True)
        self._reader.start()
        self._started.wait()
        if self._spawn_error is not None:
            raise SpeechUnavailableError(self._spawn_error)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def call(self, op: str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        blobs: list[bytes] = []
        body = {
            "op": op,
            "method": method,
            "args": encode(list(args), blobs),
            "kwargs": encode(kwargs, blobs),
        }
        pending = _Pending()
        with self._pending_lock:
            if self.dead is not None:
                raise SpeechUnavailableError(self.dead)
            request = next(self._ids)
            self._pending[request] = pending
        try:
            with self._write_lock:
                assert self._proc is not None and self._proc.stdin is not None
                write_frame(self._proc.stdin, {"id": request, **body}, blobs)
            with self._changed:
                pending.sent = True
                self._changed.notify_all()
        except (OSError, ValueError):  # the pipe broke: the reader reports the child's end to every caller
            pass
        pending.done.wait()
        if pending.failure is not None:
            raise SpeechUnavailableError(pending.failure)
        error = pending.header.get("error")
        if error:
            raise _rebuilt(error)
        return decode(pending.header.get("result"), pending.blobs)

    def wait_in_flight(self, count: int, timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(
                lambda: sum(1 for p in self._pending.values() if p.sent) >= count, timeout
            )

    def close(self) -> None:
        """Ends the child (its stdin closes; a wedged one is killed) and waits for the reader."""
        proc = self._proc
        if proc is None:
            return
        with self._write_lock:
            try:
                if proc.stdin is not None:
                    proc.stdin.close()
            except OSError:
                pass
        try:
            proc.wait(timeout=CLOSE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if threading.current_thread() is not self._reader:
            self._reader.join()

    # ---- the reader thread -------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            # Started from this thread on purpose: PR_SET_PDEATHSIG fires when the starting thread ends.
            self._proc = self._spawn()
        except OSError as exc:
            self._spawn_error = f"The speech recogniser could not be started ({exc.strerror or exc})"
            self._started.set()
            return
        self._started.set()
        assert self._proc.stdout is not None
        try:
            while (frame := read_frame(self._proc.stdout)) is not None:
                header, blobs = frame
                self.state = dict(header.get("state") or self.state)
                with self._changed:
                    pending = self._pending.pop(int(header.get("id", -1)), None)
                    self._changed.notify_all()
                if pending is not None:
                    pending.header, pending.blobs = header, blobs
                    pending.done.set()
        except (FrameError, OSError, ValueError) as exc:
            log.warning("speech process sent a broken reply: %s", exc)
            self._proc.kill()
        self._finish()

    def _spawn(self) -> subprocess.Popen[bytes]:
        command, role_env = helper_command("whisper-worker")
        env = child_environment({**role_env, PARENT_VARIABLE: str(os.getpid())})
        return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

    def _finish(self) -> None:
        assert self._proc is not None
        code = self._proc.wait()
        how = (
            f"was killed ({signal.Signals(-code).name})"
            if code < 0 and -code in _SIGNALS
            else f"exited ({code})"
        )
        with self._changed:
            self.dead = (
                f"The speech recogniser process for Whisper {self._label} {how} before it finished; "
                "the recording is kept and the next answer starts it again"
            )
            pending, self._pending = list(self._pending.values()), {}
            self._changed.notify_all()
        for item in pending:
            item.failure = self.dead
            item.done.set()
        if pending:
            log.warning("%s", self.dead)


_SIGNALS = {s.value for s in signal.Signals}


def _rebuilt(error: dict[str, Any]) -> Exception:
    """The child's exception as the caller would have seen it in process (same message; OSError keeps its
    errno and subclass, which callers such as `load_transcriber` read)."""
    if isinstance(error.get("os"), list) and len(error["os"]) == 3:
        number, text, filename = error["os"]
        if isinstance(number, int):
            return OSError(number, text, filename) if filename is not None else OSError(number, text)
    return _ERRORS.get(str(error.get("type")), SpeechUnavailableError)(str(error.get("message")))


class WhisperProcessTranscriber:
    """The interface of `WhisperTranscriber` (`model_name`, `loaded`, `load_seconds`, `load()`, `warm_up()`,
    `transcribe(audio, **options)`), served by a child process."""

    def __init__(self, model_name: str, model_cache: Path, **options: Any) -> None:
        self.model_name = model_name
        self._args: tuple[Any, ...] = (model_name, model_cache)
        self._options = options
        self._child: _Child | None = None
        self._lock = threading.Lock()  # guards starting a child, never a call

    @property
    def loaded(self) -> bool:
        child = self._child
        return child is not None and child.dead is None and bool(child.state.get("loaded"))

    @property
    def load_seconds(self) -> float | None:
        child = self._child
        value = child.state.get("load_seconds") if child is not None else None
        return float(value) if value is not None else None

    @property
    def pid(self) -> int | None:
        """The running child's process id (None before the first call); for diagnostics and tests."""
        child = self._child
        return child.pid if child is not None and child.dead is None else None

    def wait_in_flight(self, count: int, timeout: float) -> bool:
        """Until `count` requests are in the child's hands and unanswered (for diagnostics and tests)."""
        child = self._child
        return child is not None and child.wait_in_flight(count, timeout)

    def load(self) -> None:
        self._call("load")

    def warm_up(self) -> None:
        self._call("warm_up")

    def transcribe(self, audio: AudioArray, **options: Any) -> Transcript:
        result = self._call("transcribe", audio, **options)
        if not isinstance(result, Transcript):
            raise SpeechUnavailableError(
                f"the speech process answered {type(result).__name__}, not a transcript"
            )
        return result

    def close(self) -> None:
        with self._lock:
            child, self._child = self._child, None
        if child is not None:
            child.close()

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return self._running_child().call("call", method, args, kwargs)

    def _running_child(self) -> _Child:
        with self._lock:
            if self._child is None or self._child.dead is not None:
                child = _Child(self.model_name)
                try:
                    child.call("open", "", self._args, self._options)
                except Exception:
                    child.close()
                    raise
                self._child = child
            return self._child
