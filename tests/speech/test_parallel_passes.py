"""Two Whisper calls at once (`WhisperTranscriber(workers=2)`), and the live pipeline's last pass started
beside a pass still running at the stop. Real tiny.en model; timing is controlled by a gate, never by sleeps."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mockmate_desktop.domain.segmentation import SegmenterConfig
from mockmate_desktop.domain.transcript import Transcript
from mockmate_desktop.speech.live import LiveConfig, LiveTranscription, feed_array
from mockmate_desktop.speech.whisper import WhisperTranscriber
from tests.support.audio import load_fixture, reference, silence, wer_percent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_workers(base_model_cache: Path) -> Iterator[WhisperTranscriber]:
    model = WhisperTranscriber("tiny.en", base_model_cache, cpu_threads=1, workers=2)
    model.load()
    yield model


def test_two_calls_decode_at_once_each_with_its_own_encoder_window(two_workers: WhisperTranscriber) -> None:
    jfk, libri = load_fixture("jfk"), load_fixture("librivox_0870")
    alone = {
        "short": two_workers.transcribe(jfk, language="en", vad=False, short_window=True).text,
        "full": two_workers.transcribe(libri, language="en").text,
    }
    spans: dict[str, tuple[float, float]] = {}
    texts: dict[str, str] = {}
    start = threading.Barrier(2)

    def run(key: str, audio: np.ndarray, **kwargs: Any) -> None:
        start.wait()
        began = time.perf_counter()
        texts[key] = two_workers.transcribe(audio, language="en", **kwargs).text
        spans[key] = (began, time.perf_counter())

    threads = [
        threading.Thread(target=run, args=("short", jfk), kwargs={"vad": False, "short_window": True}),
        threading.Thread(target=run, args=("full", libri)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert texts == alone  # one call's short window did not leak into the other's
    (a0, a1), (b0, b1) = spans["short"], spans["full"]
    assert a0 < b1 and b0 < a1  # the calls really overlapped


def test_workers_must_be_positive(base_model_cache: Path) -> None:
    with pytest.raises(ValueError):
        WhisperTranscriber("tiny.en", base_model_cache, workers=0)


class GatedTranscriber:
    """The real model; its first call waits at a gate, as a pass still running when the candidate stops."""

    def __init__(self, model: WhisperTranscriber) -> None:
        self.model_name = model.model_name
        self._model = model
        self.first_started = threading.Event()
        self.gate = threading.Event()
        self.others_done = threading.Event()
        self._calls = 0
        self._lock = threading.Lock()

    def transcribe(self, audio: np.ndarray, **kwargs: Any) -> Transcript:
        with self._lock:
            self._calls += 1
            first = self._calls == 1
        if first:
            self.first_started.set()
            assert self.gate.wait(timeout=120)
        result = self._model.transcribe(audio, **kwargs)
        if not first:
            self.others_done.set()
        return result


def test_the_last_pass_runs_beside_a_pass_still_running_at_the_stop(two_workers: WhisperTranscriber) -> None:
    head, tail = load_fixture("librivox_0870"), load_fixture("jfk")
    gated = GatedTranscriber(two_workers)
    live = LiveTranscription(gated, LiveConfig(segmenter=SegmenterConfig(auto_end=False)))
    live.start()
    feed_array(live, np.concatenate([head, silence(1.0)]), stop_at_end=False)
    assert gated.first_started.wait(timeout=60)  # a pass over the first part is running (and held)
    feed_array(live, tail)  # ...and the candidate stops right at the end of speech
    # The last pass does not wait for the held one: it finishes while that is still at its gate.
    assert gated.others_done.wait(timeout=60)
    gated.gate.set()
    final = live.wait_final(timeout=120)
    assert final is not None and live.stats.final_pass_beside and live.stats.worker_busy_at_end
    assert wer_percent(f"{reference('librivox_0870')} {reference('jfk')}", final.text) <= 15.0


def test_without_a_second_worker_the_beside_pass_waits_its_turn(tiny_model: WhisperTranscriber) -> None:
    """Any transcriber works: with one call at a time the beside pass simply runs after the held one."""
    gated = GatedTranscriber(tiny_model)
    live = LiveTranscription(gated, LiveConfig(segmenter=SegmenterConfig(auto_end=False)))
    live.start()
    feed_array(live, np.concatenate([load_fixture("librivox_0870"), silence(1.0)]), stop_at_end=False)
    assert gated.first_started.wait(timeout=60)
    feed_array(live, load_fixture("jfk"))
    gated.gate.set()
    final = live.wait_final(timeout=120)
    assert final is not None
    assert wer_percent(f"{reference('librivox_0870')} {reference('jfk')}", final.text) <= 15.0
