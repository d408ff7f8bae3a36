"""`mockmate bench journey`: what a candidate waits for in a spoken interview, through the real window.

The app runs as `mockmate` runs it, on a virtual X display (Xvfb + openbox) driven by real key presses and
clicks (xdotool), with the PulseAudio virtual microphone hearing real recorded speech (tests/fixtures/speech,
joined into answers of about 10, 30 and 60 s). For each answer it prints:

- Stop -> next question audible: from the Space key press sent at the end of the speech to the first sound
  of the next question arriving at the sound server. The sound is taken from a recording of the sink's
  monitor (`parec`), stamped when each 10 ms block reaches this process: that is when the speakers would play
  it, plus the monitor's own latency, so the figure can only be too high, never flattering. With a review
  step between answers it is split into Stop -> final transcript shown and Next -> question audible.
- Speech -> first word on screen: from the first sound of the answer in the same monitor recording (which is
  what the microphone hears) to the moment the window's GUI thread set the first words (the journey probe
  stamps the transcript signal on the GUI thread with the machine-wide monotonic clock).
- The longest event-loop stall of the window while listening and from Stop to the next question (the probe's
  10 ms heartbeat).

The harness (X session, probe, virtual microphone) is test code, so this runs from a source checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# Real speech from tests/fixtures/speech joined with 0.8 s pauses (about 11, 32 and 65 s).
_THIRTY = ("jfk", "librivox_0870", "librivox_0890", "librivox_0880", "goforward")
ANSWERS: dict[int, tuple[str, ...]] = {10: ("jfk",), 30: _THIRTY, 60: _THIRTY + _THIRTY}
# A 10 ms block louder than this (float RMS) is sound; the null sink is digital zero when nothing plays.
SOUND_RMS = 0.005
BLOCK_S = 0.01


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", choices=("base", "tiny.en"), default=None, help="default: the settings'")
    parser.add_argument(
        "--lengths", default="10,30,60", help="answer lengths in seconds, among 10, 30, 60 (default: all)"
    )
    parser.add_argument("--repeats", type=int, default=1, help="answers of each length (default 1)")
    parser.add_argument(
        "--shots",
        type=Path,
        default=None,
        help="keep a screenshot of every step, the app's data and log here",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


class SinkMonitor:
    """Records the sound server's sink monitor and stamps every 10 ms block when it arrives."""

    def __init__(self, env: dict[str, str]) -> None:
        rate = 16000
        self._bytes = int(rate * BLOCK_S) * 2
        self._process = subprocess.Popen(
            [
                "parec",
                "-d",
                "vsink.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={rate}",
                "--channels=1",
                "--latency-msec=10",
            ],
            env=dict(os.environ, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._blocks: list[tuple[float, float]] = []  # (arrival, rms)
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="sink-monitor", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        import numpy as np

        stream = self._process.stdout
        assert stream is not None
        while chunk := stream.read(self._bytes):
            samples = np.frombuffer(chunk[: len(chunk) // 2 * 2], dtype="<i2").astype(np.float32) / 32768
            rms = float(np.sqrt(np.mean(samples**2))) if len(samples) else 0.0
            with self._changed:
                self._blocks.append((time.monotonic(), rms))
                self._changed.notify_all()

    def first_sound_after(self, since: float, timeout: float = 90) -> float | None:
        """Arrival time of the first loud block after `since`, waiting for it up to `timeout`."""
        deadline = time.monotonic() + timeout
        seen = 0
        with self._changed:
            while True:
                for arrived, rms in self._blocks[seen:]:
                    if arrived > since and rms > SOUND_RMS:
                        return arrived
                seen = len(self._blocks)
                left = deadline - time.monotonic()
                if left <= 0 or not self._changed.wait(left):
                    return None

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)


@dataclass
class AnswerFigures:
    length_s: int
    audio_s: float
    stop_to_audible_s: float | None  # Stop -> next question audible; with a review step, the sum of:
    stop_to_review_s: float | None  # Stop -> final transcript shown (review step only)
    next_to_audible_s: float | None  # Next -> next question audible (review step only)
    speech_to_words_s: float | None
    stall_listening_ms: float
    stall_after_stop_ms: float


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 2) if present else None


def run(args: argparse.Namespace, default_model: str) -> int:
    try:
        from tests.journey.driver import AppUnderTest
        from tests.journey.voice import REVIEW, answer_wav, speak, words_shown_at
        from tests.journey.xsession import XSession
        from tests.support.pulse import VirtualMic
    except ImportError as exc:
        raise RuntimeError(
            "the journey benchmark drives the window with the journey harness in tests/: run it from a "
            "source checkout (the repository root)"
        ) from exc
    lengths = [int(x) for x in str(args.lengths).split(",") if x.strip()]
    if not lengths or any(n not in ANSWERS for n in lengths):
        raise ValueError(f"--lengths: choose among {', '.join(map(str, ANSWERS))}")
    plan = [n for n in lengths for _ in range(max(1, args.repeats))]
    model = args.model or default_model
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="mockmate-bench-journey-") as tmp:
        work = Path(tmp)
        shots = args.shots or work / "shots"
        shots.mkdir(parents=True, exist_ok=True)
        x = XSession.start(work)
        mic = VirtualMic.start(work)
        monitor = SinkMonitor(mic.env)
        # With --shots, a fresh data folder and the app's log are kept beside the screenshots.
        home = Path(tempfile.mkdtemp(prefix="home-", dir=args.shots or work))
        app = AppUnderTest.start(x, home, shots, {**mic.env, "MOCKMATE_WHISPER_MODEL": model})
        try:
            _start_interview(app, len(plan))
            rows: list[AnswerFigures] = []
            stray = 0
            for i, n in enumerate(plan):
                wav = answer_wav(work, f"a{i}", ANSWERS[n])
                voice = (speak, words_shown_at)
                while (row := _one_answer(app, mic, monitor, wav, n, REVIEW, voice)) is None:
                    stray += 1
                rows.append(row)
                print(f"  … ~{n} s answer: {row}", file=sys.stderr, flush=True)
            memory = _memory(app.ask({"op": "processes"}))
        finally:
            app.kill()
            monitor.stop()
            mic.stop()
            x.stop()
    result = {
        "model": model,
        "load_before": [round(v, 2) for v in load_before],
        "load_after": [round(v, 2) for v in os.getloadavg()],
        "cpus": os.cpu_count(),
        "answers": [asdict(r) for r in rows],
        "median_stop_to_audible_s": _median([r.stop_to_audible_s for r in rows]),
        "median_stop_to_review_s": _median([r.stop_to_review_s for r in rows]),
        "median_next_to_audible_s": _median([r.next_to_audible_s for r in rows]),
        "median_speech_to_words_s": _median([r.speech_to_words_s for r in rows]),
        "stray_takes": stray,
        "longest_stall_ms": max(max(r.stall_listening_ms, r.stall_after_stop_ms) for r in rows),
        **memory,
    }
    print(json.dumps(result, indent=2) if args.json else _table(result))
    return 0


def _start_interview(app: Any, answers: int) -> None:
    app.new_user_to_setup("Data Analyst")
    if answers > 5:  # one main question per answer at least; follow-ups only add questions
        app.click("setup.question_count")
        app.key("ctrl+a")
        app.type_text(str(min(15, answers)))
    app.click("setup.start_button")


def _one_answer(
    app: Any, mic: Any, monitor: SinkMonitor, wav: Path, length: int, review: str, voice: Any
) -> AnswerFigures | None:
    if app.wait_state(180, **{"interview_phase|": ["listening", review]})["interview_phase"] == review:
        # A take the candidate never gave (none is spoken before the window listens) is under review: the
        # window found one on its own. Counted and printed; the question is passed with Next.
        app.shot("stray-take")
        app.key("Return")
        return None
    app.ask({"op": "stall_reset"})
    speak, words_shown_at = voice
    spoken = speak(app, mic, wav)
    speech_at = monitor.first_sound_after(spoken.played_at, timeout=5)
    words_at = words_shown_at(app, spoken)
    stall_listening = float(app.state()["max_stall_ms"])
    app.ask({"op": "stall_reset"})
    question = app.state()["interview_question"]
    stop_at = time.monotonic()
    app.key("space")
    state = app.wait_state(120, **{"interview_phase!": "listening"})
    if state["interview_phase"] == "transcribing":
        state = app.wait_state(120, **{"interview_phase!": "transcribing"})
    review_at = next_at = None
    if state["interview_phase"] == review:
        review_at = next(
            (e["t"] for e in app.events() if e["kind"] == "phase" and e["value"] == review), None
        )
        next_at = time.monotonic()
        app.key("Return")  # Next question; unlike a click it cannot land on the next answer's Stop button
    audible_at = monitor.first_sound_after(next_at or stop_at, timeout=120)
    app.wait_state(120, **{"interview_question!": question})
    stall_after_stop = float(app.state()["max_stall_ms"])
    app.shot(f"answer-{length}s")  # (a screenshot starts the next stall count)
    to_review, to_audible = _since(stop_at, review_at), _since(next_at, audible_at)
    # With a review step the candidate's reading time is not the app's: the two waits are added up.
    waited = _since(stop_at, audible_at) if next_at is None else _sum(to_review, to_audible)
    return AnswerFigures(
        length_s=length,
        audio_s=round(spoken.ended_at - spoken.played_at, 1),
        stop_to_audible_s=waited,
        stop_to_review_s=to_review,
        next_to_audible_s=to_audible,
        speech_to_words_s=_since(speech_at, words_at),
        stall_listening_ms=stall_listening,
        stall_after_stop_ms=stall_after_stop,
    )


def _memory(processes: dict[str, Any]) -> dict[str, Any]:
    """Peak resident memory (VmHWM) of the window's process and of its Whisper child, in MB."""
    window = processes.get("window_peak_rss_mb")
    child = sum(
        c.get("peak_rss_mb") or 0.0
        for c in processes.get("children", [])
        if "whisper" in str(c.get("command"))
    )
    return {
        "peak_rss_window_mb": window,
        "peak_rss_whisper_child_mb": round(child, 1),
        "peak_rss_sum_mb": round((window or 0.0) + child, 1),
        "whisper_libraries_in_window": processes.get("whisper_libraries_loaded"),
    }


def _since(start: float | None, end: float | None) -> float | None:
    return round(end - start, 2) if start is not None and end is not None else None


def _sum(a: float | None, b: float | None) -> float | None:
    return round(a + b, 2) if a is not None and b is not None else None


def _table(result: dict[str, Any]) -> str:
    def s(v: float | None) -> str:
        return "   -  " if v is None else f"{v:5.2f} s"

    one, five, fifteen = result["load_before"]
    lines = [
        f"Journey benchmark · real window on Xvfb · virtual microphone · Whisper {result['model']}",
        f"  load average before {one}, {five}, {fifteen}; after {', '.join(map(str, result['load_after']))} "
        f"(1, 5, 15 min) on {result['cpus']} CPUs",
        "  answer  audio    Stop->audible  Stop->review  Next->audible  speech->words  stall listen/after",
    ]
    for r in result["answers"]:
        lines.append(
            f"  ~{r['length_s']:>3} s {r['audio_s']:5.1f} s    {s(r['stop_to_audible_s'])}     "
            f"{s(r['stop_to_review_s'])}     {s(r['next_to_audible_s'])}      {s(r['speech_to_words_s'])}"
            f"      {r['stall_listening_ms']:5.0f} / {r['stall_after_stop_ms']:5.0f} ms"
        )
    lines += [
        f"  median Stop -> next question audible {s(result['median_stop_to_audible_s'])} (target <= 1.5 s)",
        f"  median Stop -> final transcript shown {s(result['median_stop_to_review_s'])}; "
        f"Next -> question audible {s(result['median_next_to_audible_s'])}",
        f"  median speech -> first word on screen {s(result['median_speech_to_words_s'])} (target <= 1.5 s)",
        f"  longest event-loop stall {result['longest_stall_ms']:.0f} ms (target <= 100 ms)",
        f"  takes under review that nobody gave (a question passed with Next): {result['stray_takes']}",
        f"  peak RSS: window {result['peak_rss_window_mb']} MB, Whisper child {result['peak_rss_whisper_child_mb']} MB, "
        f"sum {result['peak_rss_sum_mb']} MB; Whisper libraries in the window's process: "
        f"{', '.join(result['whisper_libraries_in_window'] or []) or 'none'}",
        "  audible = the first 10 ms block of the question at the sink's monitor (parec), stamped on arrival",
    ]
    return "\n".join(lines)
