"""The clocks around a spoken answer, on real QTimers with short timings (no sleeps: waitUntil/waitSignal)."""

from __future__ import annotations

from mockmate_desktop.ui.answer_timers import COUNTDOWN_AFTER_S, AnswerTimers, AnswerTiming


def test_still_thinking_after_the_thinking_time_and_again_after_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    timers = AnswerTimers()
    shown: list[bool] = []
    timers.still_thinking.connect(shown.append)
    timers.listen(AnswerTiming(thinking_s=0.2))
    assert not timers.prompting
    qtbot.waitUntil(lambda: timers.prompting, timeout=3_000)
    timers.keep_thinking()  # "Start answering": hidden, and asked again after another thinking time
    assert not timers.prompting
    qtbot.waitUntil(lambda: timers.prompting, timeout=3_000)
    timers.voice("speaking")  # the first words hide it for good
    assert not timers.prompting and shown == [True, False, True, False]
    timers.keep_thinking()
    assert not timers.running  # nothing can bring the card back once speech was heard


def test_speech_before_the_thinking_time_means_no_prompt(qtbot) -> None:  # type: ignore[no-untyped-def]
    timers = AnswerTimers()
    timers.listen(AnswerTiming(thinking_s=0.2))
    timers.voice("listening")
    assert timers.running
    timers.voice("speaking")
    assert not timers.running and not timers.prompting


def test_end_countdown_shows_late_in_a_silence_after_speech_and_speech_cancels_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    timers = AnswerTimers()
    counts: list[int] = []
    timers.end_countdown.connect(counts.append)
    timers.listen(AnswerTiming(thinking_s=20))
    timers.silence(3.0, 5.0)  # no speech yet: silence before the first word never counts down
    assert timers.countdown == 0
    timers.voice("speaking")
    timers.silence(COUNTDOWN_AFTER_S - 0.1, 5.0)  # a breath between sentences: nothing shown
    assert timers.countdown == 0
    timers.silence(2.4, 5.0)
    assert timers.countdown == 3  # what is left of the 5 s, rounded up
    timers.silence(2.5, 8.0)  # the words trail off: the policy needs longer, and the count says so
    assert timers.countdown == 6
    timers.silence(4.95, 5.0)
    assert timers.countdown == 1  # never "0 s" on screen
    timers.voice("speaking")
    assert timers.countdown == 0
    assert counts == [3, 6, 1, 0]
    timers.stop()
    assert timers.countdown == 0 and not timers.prompting


def test_review_counts_down_then_moves_on_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    timers = AnswerTimers()
    timers.timing = AnswerTiming(review_s=2)
    counts: list[int] = []
    timers.review_countdown.connect(counts.append)
    elapsed: list[bool] = []
    timers.review_elapsed.connect(lambda: elapsed.append(True))
    with qtbot.waitSignal(timers.review_elapsed, timeout=5_000):
        timers.review(auto_continue=True)
    assert counts == [2, 1, 0] and elapsed == [True]


def test_review_without_words_waits_and_stop_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    timers = AnswerTimers()
    timers.timing = AnswerTiming(review_s=1)
    elapsed: list[bool] = []
    timers.review_elapsed.connect(lambda: elapsed.append(True))
    timers.review(auto_continue=False)
    assert timers.review_left == 0 and not timers.running
    timers.review(auto_continue=True)
    assert timers.review_left == 1 and timers.running
    timers.stop()  # Re-record or Next pressed: the countdown is gone and never fires
    assert not timers.running and not elapsed and timers.review_left == 0


def test_holding_the_review_stops_the_auto_continue(qtbot) -> None:  # type: ignore[no-untyped-def]
    timers = AnswerTimers()
    timers.timing = AnswerTiming(review_s=3)
    counts: list[int] = []
    timers.review_countdown.connect(counts.append)
    timers.hold_review()  # nothing running: nothing happens
    timers.review(auto_continue=True)
    timers.hold_review()
    assert not timers.running and timers.review_left == 0 and counts == [3, 0]
