"""How soon the first words of an answer reach the live transcript (defect 8), through the live pipeline only.

    .venv/bin/python -m tests.speech.first_words_bench [base|tiny.en] [--first-words-s 1.0|off]

Feeds each real-speech fixture in real time (as a microphone would) and prints the seconds of audio after
which the first partial text arrived, and their median. No tuning was done on these clips: the only
setting, FIRST_WORDS_S = 1.0 s, was chosen a priori. Note `uptime` when you run it: passes slow down on a
busy machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from mockmate_desktop.core.settings import Settings
from mockmate_desktop.domain.stream_core import StreamConfig
from mockmate_desktop.speech.live import (
    FIRST_WORDS_S,
    LiveCallbacks,
    LiveTranscription,
    answer_config,
    feed_file,
)
from mockmate_desktop.speech.whisper import WhisperTranscriber

CLIPS = ("jfk.wav", "librivox_0870.wav", "librivox_0890.wav", "espeak_answer_16k.wav")
SPEECH = Path(__file__).resolve().parent.parent / "fixtures" / "speech"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", nargs="?", default="base", choices=("base", "tiny.en"))
    parser.add_argument("--first-words-s", default=str(FIRST_WORDS_S))
    args = parser.parse_args()
    first_words = None if args.first_words_s == "off" else float(args.first_words_s)
    with tempfile.TemporaryDirectory() as cache:
        transcriber = WhisperTranscriber(args.model, Path(cache))
        transcriber.load()
        transcriber.warm_up()
        config = answer_config(Settings(), "en")
        config = replace(
            config,
            stream=StreamConfig(tentative=args.model.endswith(".en"), first_words_s=first_words),
        )
        seconds: list[float] = []
        for clip in CLIPS:
            began: list[float] = []
            first: list[float] = []

            def on_partial(
                committed: str, tentative: str, began: list[float] = began, first: list[float] = first
            ) -> None:
                if (committed or tentative) and not first:
                    first.append(time.perf_counter() - began[0])

            live = LiveTranscription(transcriber, config, callbacks=LiveCallbacks(on_partial=on_partial))
            live.start()
            began.append(time.perf_counter())
            feed_file(live, SPEECH / clip, realtime=True)
            live.wait_final(120)
            value = first[0] if first else float("nan")
            seconds.append(value)
            print(f"{clip:24s} first partial after {value:5.2f} s of audio")
        print(f"{args.model} first_words_s={first_words}: median {statistics.median(seconds):.2f} s")


if __name__ == "__main__":
    main()
