"""Measures how responsive the Qt event loop stays: a fast QTimer whose largest gap between ticks is kept."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


class Heartbeat(QObject):
    def __init__(self, interval_ms: int = 10) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self.ticks = 0
        self.max_gap_ms = 0.0
        self.gaps_over_100ms = 0

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            gap = (now - self._last) * 1000
            self.max_gap_ms = max(self.max_gap_ms, gap)
            if gap > 100:
                self.gaps_over_100ms += 1
        self._last = now
        self.ticks += 1
