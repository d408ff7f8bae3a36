"""Background sync for the desktop app: one worker thread that syncs at start, whenever poked (after a
local change), and every `interval_s`; it reports each outcome through a callback (the GUI turns that into a
signal). It never blocks the caller; `stop()` cancels any backoff wait and joins the thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from .auth import AuthError
from .config import CloudConfigError
from .connect import connect
from .errors import describe
from .host import CloudHost
from .report import RetryPolicy, SyncReport
from .scope import ScopeError

log = logging.getLogger(__name__)


class SyncLoop:
    def __init__(
        self,
        host: CloudHost,
        on_status: Callable[[str, SyncReport | None], None],
        *,
        interval_s: float = 300.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self._host = host
        self._on_status = on_status
        self._interval_s = interval_s
        self._retry = retry
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        # State is set before start() so an early stop() is never lost.
        self._stop.clear()
        self._wake.set()  # sync once right away: pulls what other machines made
        self._thread = threading.Thread(target=self._run, name="mockmate-cloud-sync", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """Ask for a sync soon (e.g. after an answer or report was saved)."""
        self._wake.set()

    def stop(self, timeout_s: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self._interval_s)
            self._wake.clear()
            if self._stop.is_set():
                return
            self._sync_once()

    def _sync_once(self) -> None:
        try:
            cloud = connect(self._host, retry=self._retry, cancel=self._stop)
        except (CloudConfigError, AuthError, ScopeError) as exc:
            self._on_status(str(exc), None)
            return
        except Exception as exc:  # a worker thread must report, not die
            log.warning("cloud sync could not start: %s", describe(exc))
            self._on_status(f"Sync error: {describe(exc)}", None)
            return
        try:
            report = cloud.sync()
        finally:
            cloud.close()
        self._on_status(report.status_line(), report)
