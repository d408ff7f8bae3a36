"""The first words go on screen early even where tentative passes are off (defect 8: words 12 s late), and the
live pipeline reports the silence that is counting towards the end of an answer (the window's countdown)."""

from __future__ import annotations

from mockmate_desktop.domain.end_of_turn import EndOfTurnConfig, EndOfTurnPolicy
from mockmate_desktop.domain.segmentation import SegmenterConfig
from mockmate_desktop.domain.stream_core import StreamConfig, StreamCore
from tests.speech.test_stream_core import F, feed, n, result


def base_like(first_words_s: float | None) -> StreamCore:
    """As the live answer runs base: no tentative passes, speculative passes at pauses."""
    config = StreamConfig(tentative=False, first_words_s=first_words_s)
    return StreamCore(SegmenterConfig(auto_end=False, min_stretch_s=3.0), config)


def test_one_pass_for_the_first_words_in_continuous_speech_then_none() -> None:
    assert base_like(None).next_pass() is None
    off = base_like(None)
    feed(off, [(0.9, 2.0)])
    assert off.next_pass() is None  # without it: nothing until the first pause
    c = base_like(1.0)
    feed(c, [(0.9, 0.9)])
    assert c.next_pass() is None  # under a second: too little to be worth a pass
    feed(c, [(0.9, 0.2)])
    job = c.next_pass()
    assert job is not None and job.stretch is None and (job.end - job.start) * F >= 1.0
    c.accept(job, result(job, [("so", 0.1, 0.4), ("in", 0.5, 0.7)]))
    assert c.tentative_text == "so in" and c.committed_text == ""
    feed(c, [(0.9, 3.0)])
    assert c.next_pass() is None  # words are on screen: base waits for pauses again


def test_a_first_try_that_heard_nothing_is_retried_with_new_audio() -> None:
    c = base_like(1.0)
    feed(c, [(0.9, 1.1)])
    job = c.next_pass()
    assert job is not None
    c.accept(job, result(job, []))
    assert c.next_pass() is None  # no new audio yet
    feed(c, [(0.9, 1.05)])
    assert c.next_pass() is not None


def test_silence_progress_counts_only_after_speech_with_the_policys_need() -> None:
    c = StreamCore(
        SegmenterConfig(first_word_grace_s=60.0),
        StreamConfig(speculate=True),
        EndOfTurnPolicy(EndOfTurnConfig(finished_silence_s=5.0, unfinished_extra_s=3.0)),
    )
    feed(c, [(0.1, 3.0)])
    assert c.silence_progress() is None  # thinking before the first word is never counted
    feed(c, [(0.9, 2.0)])
    assert c.silence_progress() is None  # speaking
    feed(c, [(0.1, 1.0)])
    progress = c.silence_progress()
    assert progress is not None
    silent, needed = progress
    assert abs(silent - n(1.0) * F) < 1e-9
    assert needed == 8.0  # the last words are not transcribed yet: the longer silence applies
    job = c.next_pass()  # the speculative pass at the pause hears a finished sentence
    assert job is not None
    c.accept(job, result(job, [("that", 3.1, 3.5), ("worked.", 3.6, 4.6)]))
    feed(c, [(0.1, 0.1)])
    progress = c.silence_progress()
    assert progress is not None and progress[1] == 5.0
