"""Spoken answers for journeys and the journey benchmark: real speech played into the PulseAudio virtual
microphone while the real window listens, ended the way a person ends them (Space or the Stop button).

    wav = answer_wav(folder, "pause", ("librivox_0870", "librivox_0880"), gap_s=4.0)
    spoken = speak(app, mic, wav)                 # waits for "listening", plays, waits for the end of the clip
    app.key("space")                               # or app.click("interview.stop_button")
    final = accept_answer(app, answers_before)     # the review step when the window has one, else the save

No sleeps: every wait is on the app's state (probe) or on the player process.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mockmate_desktop.speech.wavio import write_wav
from tests.support.audio import joined
from tests.support.pulse import VirtualMic

from .driver import AppUnderTest, JourneyError

# The controller's phase while the final transcript waits for the candidate (issue 12's review step).
REVIEW = "review"


def answer_wav(folder: Path, name: str, clips: tuple[str, ...], gap_s: float = 0.8) -> Path:
    """Fixture recordings (tests/fixtures/speech) joined with `gap_s` of silence between them."""
    audio, _reference = joined(clips, gap_s)
    return write_wav(folder / f"{name}.wav", audio)


@dataclass(frozen=True)
class Spoken:
    played_at: float  # time.monotonic() when the player was started
    ended_at: float  # when the player process had played the whole clip
    events: list[dict[str, Any]]  # the window's events while it played (phase, transcript, question)

    def phase_changes(self) -> list[str]:
        return [str(e["value"]) for e in self.events if e["kind"] == "phase"]

    def first_words_at(self) -> float | None:
        """When the window first showed words of this answer (GUI-thread time of the text change)."""
        return next((float(e["t"]) for e in self.events if e["kind"] == "transcript" and e["value"]), None)


def speak(
    app: AppUnderTest,
    mic: VirtualMic,
    wav: Path,
    *,
    timeout: float = 180,
    shot: str | None = None,
    shot_at_word: str = "",
) -> Spoken:
    """Once the window listens, play `wav` into the microphone and wait until all of it was played;
    `shot`: a screenshot of that name once words (`shot_at_word`, if given) show, while the clip plays
    unless the transcript comes late."""
    import time

    state = app.wait_state(timeout, page="interview", **{"interview_phase|": ["listening", REVIEW]})
    if state["interview_phase"] == REVIEW:
        app.shot("FAILED-stray-take")
        raise JourneyError("before any answer was spoken, a take nobody gave is under review")
    if state["mic_open"] is not None:  # words spoken before the microphone delivers audio are not heard
        app.wait_state(timeout, interview_phase="listening", mic_open=True)
    app.events()  # what happened before this answer is not part of it
    played_at = time.monotonic()
    player = mic.play(wav)
    if shot is not None:
        app.wait_state(timeout, **{"live_transcript!": ""})
        if shot_at_word:  # a later word for a fuller picture, if the live transcript shows it
            app.ask({"op": "wait", "state": {"live_transcript~": shot_at_word}, "timeout": 20}, 20)
        app.shot(shot)
    if player.wait(timeout=timeout) != 0:
        raise JourneyError(f"paplay could not play {wav}")
    ended_at = time.monotonic()
    return Spoken(played_at, ended_at, app.events())


def words_shown_at(app: AppUnderTest, spoken: Spoken, *, timeout: float = 60) -> float:
    """When the window first showed words of this answer, waiting for them if none were shown while the
    clip played (a busy machine transcribes late)."""
    if spoken.first_words_at() is None:
        app.wait_state(timeout, **{"live_transcript!": ""})
        spoken.events.extend(app.events())
    shown = spoken.first_words_at()
    if shown is None:
        raise JourneyError("the live transcript shows words, but no transcript event was recorded")
    return shown


def accept_answer(
    app: AppUnderTest, answers_before: int, *, linger: bool = False, timeout: float = 120
) -> dict[str, Any]:
    """After Space/Stop: the final transcript until the answer is saved. With a review step the candidate
    presses Enter (Next question) at once, or with `linger` reads it (a screenshot) and lets the review go on
    by itself after its countdown.
    Returns the state with the saved answer as `last_answer` (and the reviewed text as `review_text`)."""
    state = app.wait_state(timeout, **{"interview_phase!": "listening"})
    if state["interview_phase"] in ("transcribing", REVIEW):
        state = app.wait_state(timeout, **{"interview_phase!": "transcribing"})
    reviewed: dict[str, Any] = {}
    if state["interview_phase"] == REVIEW:
        reviewed["review_text"] = app.wait_widget("finalTranscript", timeout)["text"]
        if linger:
            app.shot("review")
        else:
            # Enter accepts only in the review; a click that lands after the review went on by itself would
            # hit the next answer's Stop button, which sits where Next question was.
            app.key("Return")
    return {**app.wait_state(timeout, **{"answers_saved>": answers_before}), **reviewed}
