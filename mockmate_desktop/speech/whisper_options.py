"""How the app should build its Whisper transcriber for live answers: `WhisperTranscriber(model, cache,
**APP_WHISPER)`. Measured by `mockmate bench speech` (docs/issue-notes/issue-15c.md); kept apart from
speech/whisper.py so that the CLI can show these defaults without importing numpy."""

from __future__ import annotations

from typing import Final, TypedDict


class WhisperOptions(TypedDict):
    cpu_threads: int
    workers: int


# One call at a time on both cores. Two calls at once, one core each (`workers=2`), let a last pass start
# beside a running one, but after the stream core's cover fix that case did not come up in 16 bench answers,
# and the bench's live part peaked at 643.5 MB with it (with beam 5) against 572 MB for this setting
# (docs/issue-notes/issue-15c.md; the 600 MB target).
APP_WHISPER: Final[WhisperOptions] = {"cpu_threads": 2, "workers": 1}
