"""A live pass run on a thread of its own, beside the live worker's (speech/live.py): at the end of an answer,
the last stretch's pass starts at once instead of after the pass still running."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ..domain.stream_core import Pass
from ..domain.transcript import Transcript


class BesidePass:
    """One pass on its own thread; its result (or error) is collected by the live worker."""

    def __init__(self, job: Pass) -> None:
        self.job = job
        self._done = threading.Event()
        self._raw: Transcript | None = None
        self._error: BaseException | None = None
        self._seconds = 0.0

    def start(self, call: Callable[[], Transcript]) -> None:
        def run() -> None:
            began = time.perf_counter()
            try:
                self._raw = call()
            except Exception as exc:  # handed to the live worker, which reports it
                self._error = exc
            finally:
                self._seconds = time.perf_counter() - began
                self._done.set()

        threading.Thread(target=run, name="live-transcription-beside", daemon=True).start()

    def result(self) -> tuple[Transcript, float]:
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._raw is not None
        return self._raw, self._seconds
