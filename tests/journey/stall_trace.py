"""Says what the app was doing during each event-loop stall (started by the probe when MOCKMATE_STALL_TRACE
is set to a threshold in ms): a sampling thread looks at the GUI thread's stack every few milliseconds while
the heartbeat is late, and at the end of a stall longer than the threshold prints the stacks seen, with the
other threads' stacks from the stall's middle (a worker holding the GIL in a long C call shows up there).
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable


def _stack(frame: object, depth: int = 8) -> str:
    lines = traceback.format_stack(frame, limit=depth)  # type: ignore[arg-type]
    return "".join(line for line in lines if "stall_trace.py" not in line)


class StallTracer(threading.Thread):
    def __init__(self, last_tick: Callable[[], float], threshold_ms: float) -> None:
        super().__init__(name="stall-tracer", daemon=True)
        self._last_tick = last_tick
        self._threshold_s = threshold_ms / 1000
        self._gui = threading.main_thread().ident

    def run(self) -> None:
        samples: Counter[str] = Counter()
        others: dict[str, str] = {}
        started = 0.0
        while True:
            time.sleep(0.004)
            gap = time.perf_counter() - self._last_tick()
            if gap > 0.03:
                frames = sys._current_frames()
                gui = frames.get(self._gui or 0)
                if gui is not None:
                    samples[_stack(gui)] += 1
                if not others or gap > 2 * (time.perf_counter() - started) / 3:
                    names = {t.ident: t.name for t in threading.enumerate()}
                    others = {
                        names.get(ident, str(ident)): _stack(frame, 4)
                        for ident, frame in frames.items()
                        if ident not in (self._gui, self.ident)
                    }
                started = started or time.perf_counter() - gap
            elif samples:
                length = time.perf_counter() - started
                if length > self._threshold_s:
                    self._print(length, samples, others)
                samples, others, started = Counter(), {}, 0.0

    @staticmethod
    def _print(length: float, samples: Counter[str], others: dict[str, str]) -> None:
        out = [f"=== stall ~{length * 1000:.0f} ms; GUI thread samples:"]
        for stack, count in samples.most_common(4):
            out.append(f"--- {count} x\n{stack}")
        for name, stack in others.items():
            out.append(f"--- other thread {name}\n{stack}")
        print("\n".join(out), file=sys.stderr, flush=True)
