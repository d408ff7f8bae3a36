"""The pure streaming core fed VAD probabilities and pass results at explicit frame times (no threads)."""

from __future__ import annotations

from mockmate_desktop.domain.delivery import WordTiming
from mockmate_desktop.domain.end_of_turn import EndOfTurnConfig, EndOfTurnPolicy
from mockmate_desktop.domain.segmentation import EndReason, SegmenterConfig
from mockmate_desktop.domain.stream_core import Pass, StreamConfig, StreamCore
from mockmate_desktop.domain.transcript import Transcript

F = 0.032


def n(seconds: float) -> int:
    return round(seconds / F)


def feed(core: StreamCore, pattern: list[tuple[float, float]]) -> None:
    for probability, seconds in pattern:
        for _ in range(n(seconds)):
            core.push(probability)


def result(job: Pass, words: list[tuple[str, float, float]]) -> Transcript:
    """A pass result whose words are given on the answer's timeline (converted to the pass's own)."""
    offset = job.audio_start * F
    return Transcript(
        text=" ".join(w for w, _, _ in words),
        words=[WordTiming(word=w, start=s - offset, end=e - offset) for w, s, e in words],
    )


def core(**stream: object) -> StreamCore:
    config = StreamConfig(speculate=False, **stream)  # type: ignore[arg-type]
    return StreamCore(SegmenterConfig(auto_end=False, min_stretch_s=3.0), config)


def test_the_tail_of_a_stretch_is_decided_by_the_next_pass_that_hears_what_followed() -> None:
    c = core()
    feed(c, [(0.9, 3.5), (0.1, 0.6)])  # speech 0-3.5 s, then a pause: the first stretch is cut
    first = c.next_pass()
    assert first is not None and first.stretch is not None and first.context == 0
    c.accept(first, result(first, [("it", 0.2, 0.5), ("became", 0.6, 1.2), ("so", 2.9, 3.4)]))
    # "so" lies in the last 1.2 s before the cut: held back, shown as tentative, not committed.
    assert c.committed_text == "it became" and c.tentative_text == "so"
    feed(c, [(0.9, 3.0)])
    c.stop(EndReason.STOPPED)
    second = c.next_pass()
    assert second is not None and second.final
    # The pass reaches back over the held word, with a margin before it.
    assert second.audio_start * F <= 2.9 - 0.3
    c.accept(second, result(second, [("became", 1.0, 1.3), ("slow", 2.9, 3.4), ("then", 6.6, 7.0)]))
    assert c.final is not None
    assert c.final.text == "it became slow then"
    assert [w.start for w in c.final.words] == sorted(w.start for w in c.final.words)
    assert c.stats.reheard_words == 1


def test_held_words_a_later_pass_cannot_hear_are_kept_as_first_heard() -> None:
    c = core(max_context_s=3.0)
    feed(c, [(0.9, 3.5), (0.1, 6.0), (0.9, 2.0)])  # a 6 s pause: the context cannot reach back
    first = c.next_pass()
    assert first is not None
    c.accept(first, result(first, [("we", 0.2, 0.5), ("shipped", 2.8, 3.4)]))
    c.stop(EndReason.STOPPED)
    second = c.next_pass()
    assert second is not None and second.audio_start * F > 3.4
    c.accept(second, result(second, [("done", second.start * F + 0.3, second.start * F + 0.8)]))
    assert c.final is not None and c.final.text == "we shipped done"


def test_context_words_are_dropped_by_time_and_boundary_repeats_by_text() -> None:
    c = core(reheard_s=0.0)
    feed(c, [(0.9, 3.5), (0.1, 0.6)])
    first = c.next_pass()
    assert first is not None
    c.accept(first, result(first, [("the", 1.0, 1.2), ("cache", 3.0, 3.45)]))
    feed(c, [(0.9, 2.0)])
    c.stop(EndReason.STOPPED)
    second = c.next_pass()
    assert second is not None
    start = second.start * F
    c.accept(
        second,
        result(
            second,
            [("the", 1.0, 1.2), ("cache", start - 0.1, start + 0.1), ("warmed", start + 0.5, start + 1.0)],
        ),
    )
    assert c.final is not None and c.final.text == "the cache warmed"


def test_a_speculative_pass_at_the_last_pause_is_the_final_part() -> None:
    c = StreamCore(SegmenterConfig(auto_end=False), StreamConfig(speculate=True))
    feed(c, [(0.9, 2.0), (0.1, 0.3)])  # 2 s of speech (below a stretch), then 0.3 s of silence
    job = c.next_pass()
    assert job is not None and job.stretch is None  # speculative
    c.accept(job, result(job, [("done", 0.5, 1.5)]))
    assert c.tentative_text == "done" and c.next_pass() is None  # covered: no second speculation
    c.stop(EndReason.STOPPED)
    assert c.next_pass() is None  # the queued final stretch reused the speculative pass
    assert c.final is not None and c.final.text == "done"
    assert c.stats.reused_tentative and c.stats.tentative_passes == 1


def test_after_a_pause_and_more_speech_only_the_rest_is_transcribed_at_the_stop() -> None:
    c = StreamCore(SegmenterConfig(auto_end=False, cut_pause_s=0.4), StreamConfig(speculate=True))
    feed(c, [(0.9, 4.0), (0.1, 0.3)])  # a 0.3 s pause: too short to cut, long enough to speculate
    spec = c.next_pass()
    assert spec is not None and spec.stretch is None
    c.accept(spec, result(spec, [("we", 0.2, 0.5), ("cached", 0.6, 1.2), ("reads", 3.2, 3.9)]))
    feed(c, [(0.9, 3.0)])  # the candidate goes on and presses Stop right at the end of speech
    c.stop(EndReason.STOPPED)
    final = c.next_pass()
    assert final is not None and final.final
    # Only the speech after the pause is new; the context reaches back over the held "reads".
    assert final.start == spec.end and final.audio_start * F <= 3.2 - 0.1
    assert c.committed_text == "we cached" and c.stats.split_at_pause == 1
    c.accept(final, result(final, [("reads", 3.2, 3.9), ("first", 6.7, 7.2)]))
    assert c.final is not None and c.final.text == "we cached reads first"


def test_a_tentative_pass_mid_speech_is_not_a_seam() -> None:
    c = StreamCore(SegmenterConfig(auto_end=False), StreamConfig(speculate=True, tentative=True))
    feed(c, [(0.9, 2.0)])  # no pause: a tentative pass ends mid-word
    shown = c.next_pass()
    assert shown is not None and not shown.at_pause
    c.accept(shown, result(shown, [("we", 0.2, 0.5), ("cach", 1.6, 2.0)]))
    feed(c, [(0.9, 2.0)])
    c.stop(EndReason.STOPPED)
    final = c.next_pass()
    assert final is not None and final.start == shown.start and c.stats.split_at_pause == 0


def test_without_prefix_reuse_the_whole_stretch_is_heard_again() -> None:
    c = StreamCore(SegmenterConfig(auto_end=False), StreamConfig(speculate=True, reuse_prefix=False))
    feed(c, [(0.9, 4.0), (0.1, 0.3)])
    spec = c.next_pass()
    assert spec is not None
    c.accept(spec, result(spec, [("we", 0.2, 0.5)]))
    feed(c, [(0.9, 3.0)])
    c.stop(EndReason.STOPPED)
    final = c.next_pass()
    assert final is not None and final.start == spec.start and c.stats.split_at_pause == 0


def test_queued_stretches_are_merged_into_one_pass() -> None:
    c = core()
    feed(c, [(0.9, 3.5), (0.1, 0.6), (0.9, 3.5), (0.1, 0.6), (0.9, 3.5), (0.1, 0.6)])
    job = c.next_pass()
    assert job is not None and job.stretch is not None
    assert job.start == 0 and (job.end - job.start) * F > 9.0


def test_tentative_passes_only_when_asked_and_only_with_new_audio() -> None:
    quiet = core()
    feed(quiet, [(0.9, 2.0)])
    assert quiet.next_pass() is None
    c = core(tentative=True)
    feed(c, [(0.9, 2.0)])
    job = c.next_pass()
    assert job is not None and job.stretch is None
    c.accept(job, result(job, [("hello", 0.5, 1.0)]))
    assert c.next_pass() is None  # under a second of new audio since that pass
    feed(c, [(0.9, 1.1)])
    assert c.next_pass() is not None


def eot_core() -> StreamCore:
    return StreamCore(
        SegmenterConfig(first_word_grace_s=1.0),
        StreamConfig(speculate=True),
        EndOfTurnPolicy(EndOfTurnConfig(finished_silence_s=5.0, unfinished_extra_s=3.0)),
    )


def speak_then_pause(c: StreamCore, last_words: str) -> None:
    feed(c, [(0.9, 2.0), (0.1, 0.3)])
    job = c.next_pass()
    assert job is not None and job.stretch is None
    words = last_words.split()
    c.accept(job, result(job, [(w, 0.2 + 0.3 * i, 0.4 + 0.3 * i) for i, w in enumerate(words)]))


def test_finished_words_end_the_answer_after_the_set_silence_and_not_before() -> None:
    c = eot_core()
    speak_then_pause(c, "We moved the cache to Redis.")
    feed(c, [(0.1, 4.5)])  # 4.8 s of silence: a thinking pause, not an end
    assert c.ended is None
    feed(c, [(0.1, 0.3)])
    assert c.ended is EndReason.SILENCE


def test_trailing_words_wait_longer() -> None:
    c = eot_core()
    speak_then_pause(c, "and then we")
    feed(c, [(0.1, 7.5)])
    assert c.ended is None
    feed(c, [(0.1, 0.5)])
    assert c.ended is EndReason.SILENCE


def test_untranscribed_speech_waits_as_if_unfinished() -> None:
    c = eot_core()
    feed(c, [(0.9, 2.0), (0.1, 6.0)])  # no pass has run: the last words are unknown
    assert c.ended is None


def test_silence_before_any_speech_never_ends_the_answer() -> None:
    c = eot_core()
    feed(c, [(0.1, 60.0)])
    assert c.ended is None and c.state == "listening"


def test_end_of_turn_verdicts_give_reasons() -> None:
    policy = EndOfTurnPolicy()
    assert policy.judge("It worked.").finished is True
    assert str(policy.judge("because")) == 'ends on "because"'
    assert policy.judge("we tried, ").finished is False
    assert policy.judge("So...").finished is False
    assert policy.judge("").finished is None
    assert EndOfTurnPolicy(EndOfTurnConfig(language="fr")).judge("parce que").finished is False
    assert EndOfTurnPolicy(EndOfTurnConfig(language="hi")).judge("हमने रेडिस चुना क्योंकि").finished is False
    assert policy.silence_needed("It worked.") == 5.0 and policy.silence_needed("and") == 8.0


def test_the_last_pass_can_run_beside_the_stretch_pass_still_running_at_the_stop() -> None:
    c = core()
    feed(c, [(0.9, 3.5), (0.1, 0.6)])
    running = c.next_pass()  # the first stretch's pass, still running when the candidate stops
    assert running is not None and running.stretch is not None
    assert c.pass_beside(running) is None  # the answer goes on: the next pass is not known yet
    feed(c, [(0.9, 2.0)])
    c.stop(EndReason.STOPPED)
    beside = c.pass_beside(running)
    assert beside is not None and beside.final and beside.start >= running.end
    # It reaches back over every word the running pass could hold back (its last 1.2 s of speech).
    assert beside.audio_start * F <= 3.5 - 1.2
    c.accept(running, result(running, [("it", 0.2, 0.5), ("became", 0.6, 1.2), ("so", 2.9, 3.4)]))
    after = c.next_pass()
    assert after is not None and beside.serves(after) and beside.context >= after.context
    c.accept(beside, result(beside, [("became", 1.0, 1.3), ("slow", 2.9, 3.4), ("then", 4.3, 4.8)]))
    assert c.final is not None and c.final.text == "it became slow then"


def test_the_last_pass_beside_a_speculative_pass_hears_only_the_speech_after_its_pause() -> None:
    c = StreamCore(SegmenterConfig(auto_end=False, cut_pause_s=0.4), StreamConfig(speculate=True))
    feed(c, [(0.9, 4.0), (0.1, 0.3)])
    spec = c.next_pass()
    assert spec is not None and spec.at_pause
    feed(c, [(0.9, 3.0)])
    c.stop(EndReason.STOPPED)
    beside = c.pass_beside(spec)
    assert beside is not None and beside.start == spec.end and beside.audio_start * F <= 4.0 - 1.2
    c.accept(spec, result(spec, [("we", 0.2, 0.5), ("cached", 0.6, 1.2), ("reads", 3.2, 3.9)]))
    after = c.next_pass()
    assert after is not None and beside.serves(after)
    c.accept(beside, result(beside, [("reads", 3.2, 3.9), ("first", 6.7, 7.2)]))
    assert c.final is not None and c.final.text == "we cached reads first"


def test_a_beside_pass_does_not_stand_for_a_different_next_pass() -> None:
    c = StreamCore(SegmenterConfig(auto_end=False, cut_pause_s=0.4), StreamConfig(speculate=True))
    feed(c, [(0.9, 4.0), (0.1, 0.3)])
    spec = c.next_pass()
    assert spec is not None
    feed(c, [(0.9, 3.0)])
    c.stop(EndReason.STOPPED)
    beside = c.pass_beside(spec)
    assert beside is not None
    c.accept(spec, result(spec, []))  # the speculative pass heard nothing: the whole stretch is heard again
    after = c.next_pass()
    assert after is not None and after.start == spec.start and not beside.serves(after)


def test_a_speculative_pass_still_running_when_its_stretch_is_cut_is_used_for_that_stretch() -> None:
    c = StreamCore(
        SegmenterConfig(auto_end=False, min_stretch_s=3.0, cut_pause_s=0.5), StreamConfig(speculate=True)
    )
    feed(c, [(0.9, 4.0), (0.1, 0.3)])
    spec = c.next_pass()
    assert spec is not None and spec.at_pause
    feed(c, [(0.1, 0.4)])  # while it runs the pause grows: the stretch is cut and queued
    c.stop(EndReason.STOPPED)
    assert c.pass_beside(spec) is None  # nothing to run beside it: it will be the final part itself
    c.accept(spec, result(spec, [("we", 0.2, 0.5), ("cached", 0.6, 1.2), ("reads", 3.2, 3.9)]))
    assert c.next_pass() is None  # not heard again
    assert c.final is not None and c.final.text == "we cached reads" and c.stats.reused_tentative
