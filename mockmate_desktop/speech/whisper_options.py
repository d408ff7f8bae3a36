"""How the app should build its Whisper transcriber for live answers: `WhisperTranscriber(model, cache,
**APP_WHISPER)`. Measured by `mockmate bench speech` (docs/issue-notes/issue-15c.md); kept apart from
speech/whisper.py so that the CLI can show these defaults without importing numpy."""

from __future__ import annotations

from typing import Final, TypedDict


class WhisperOptions(TypedDict):
    cpu_threads: int
    workers: int


# Two calls at once, one core each: an answer's last pass starts beside a pass still running at the stop.
APP_WHISPER: Final[WhisperOptions] = {"cpu_threads": 1, "workers": 2}
