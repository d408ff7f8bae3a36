"""The clocks around one spoken answer: "Still thinking?", the end-of-answer countdown, the review's auto-continue.

Presentation timing on the GUI thread only (QTimers, never a sleep). When an answer ends is decided by the live
pipeline (domain/end_of_turn.py); this object only shows the end coming, from the silence progress the
pipeline reports, and never ends an answer itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from ..core.settings import Settings

# Pauses shorter than this are breaths between sentences: a countdown on each of them would flicker and
# pressure a candidate who is simply speaking at their own pace.
COUNTDOWN_AFTER_S = 2.0
# Long enough to read the last sentence and reach R; short enough that a practice run keeps its pace
# (Space or Enter skips the wait, so a fast candidate never waits for it).
REVIEW_AUTO_CONTINUE_S = 4


@dataclass(frozen=True)
class AnswerTiming:
    thinking_s: float = 20.0  # settings.thinking_time_s: silence before any speech that asks "Still thinking?"
    countdown_after_s: float = COUNTDOWN_AFTER_S
    review_s: int = REVIEW_AUTO_CONTINUE_S

    @classmethod
    def from_settings(cls, settings: Settings) -> AnswerTiming:
        return cls(thinking_s=settings.thinking_time_s)


class AnswerTimers(QObject):
    still_thinking = Signal(bool)  # show / hide the "Still thinking?" card
    end_countdown = Signal(int)  # seconds until the silence ends the answer; 0: no countdown shown
    review_countdown = Signal(int)  # seconds until the review moves on by itself; 0: it waits for a choice
    review_elapsed = Signal()  # the review's auto-continue ran out: accept the take

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timing = AnswerTiming()
        self._thinking = QTimer(self)
        self._thinking.setSingleShot(True)
        self._thinking.timeout.connect(lambda: self._set_prompt(True))
        self._review = QTimer(self)
        self._review.setInterval(1000)
        self._review.timeout.connect(self._review_tick)
        self.heard_speech = False
        self.prompting = False
        self.countdown = 0
        self.review_left = 0

    @property
    def running(self) -> bool:
        """A clock is still due to fire (the thinking time or the review's auto-continue)."""
        return self._thinking.isActive() or self._review.isActive()

    # listening ------------------------------------------------------------------------------------------
    def listen(self, timing: AnswerTiming) -> None:
        """Listening has (re)started for a question: wait `thinking_s` for the first words."""
        self.stop()
        self.timing = timing
        self.heard_speech = False
        self._thinking.start(round(timing.thinking_s * 1000))

    def keep_thinking(self) -> None:
        """The "Start answering" button: hide the card and give the candidate the thinking time again."""
        self._set_prompt(False)
        if not self.heard_speech:
            self._thinking.start(round(self.timing.thinking_s * 1000))

    def prompt_now(self) -> None:
        """The thinking time has already passed (a take with no words ended on silence): ask at once."""
        self._thinking.stop()
        self._set_prompt(True)

    def voice(self, state: str) -> None:
        """The live pipeline's state; speech hides the card and any countdown."""
        if state == "speaking":
            self.heard_speech = True
            self._thinking.stop()
            self._set_prompt(False)
            self._set_countdown(0)

    def silence(self, silent_s: float, needed_s: float) -> None:
        """Silence after speech: show what is left of the silence that ends the answer, once it is long."""
        if not self.heard_speech or silent_s < self.timing.countdown_after_s:
            self._set_countdown(0)
            return
        self._set_countdown(max(1, math.ceil(needed_s - silent_s)))

    # review ---------------------------------------------------------------------------------------------
    def review(self, auto_continue: bool) -> None:
        """A take is on screen for review; with words in it, it moves on by itself after `review_s`."""
        self.stop()
        if auto_continue and self.timing.review_s > 0:
            self.review_left = self.timing.review_s
            self.review_countdown.emit(self.review_left)
            self._review.start()

    def hold_review(self) -> None:
        """The candidate is reading or selecting the text: stop moving on by itself; Space/Enter still do."""
        if self._review.isActive():
            self._review.stop()
            self.review_left = 0
            self.review_countdown.emit(0)

    def _review_tick(self) -> None:
        self.review_left -= 1
        if self.review_left <= 0:
            self._review.stop()
            self.review_left = 0
            self.review_countdown.emit(0)
            self.review_elapsed.emit()
        else:
            self.review_countdown.emit(self.review_left)

    # all ------------------------------------------------------------------------------------------------
    def stop(self) -> None:
        """Leave listening or review: every clock stops and nothing of theirs stays on screen."""
        self._thinking.stop()
        self._set_prompt(False)
        self._set_countdown(0)
        if self._review.isActive() or self.review_left:
            self._review.stop()
            self.review_left = 0
            self.review_countdown.emit(0)

    def _set_prompt(self, shown: bool) -> None:
        if shown != self.prompting:
            self.prompting = shown
            self.still_thinking.emit(shown)

    def _set_countdown(self, seconds: int) -> None:
        if seconds != self.countdown:
            self.countdown = seconds
            self.end_countdown.emit(seconds)
