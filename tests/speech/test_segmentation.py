"""End-pointing and chunking on constructed VAD probabilities (32 ms frames)."""

from mockmate_desktop.domain.segmentation import EndReason, Segmenter, SegmenterConfig, Stretch

F = 0.032


def frames(seconds: float) -> int:
    return round(seconds / F)


def run(seg: Segmenter, pattern: list[tuple[float, float]]) -> list[Stretch]:
    out: list[Stretch] = []
    for probability, seconds in pattern:
        for _ in range(frames(seconds)):
            out.extend(seg.push(probability))
    return out


def test_cuts_in_the_middle_of_a_pause_after_enough_speech() -> None:
    seg = Segmenter(SegmenterConfig(min_stretch_s=3.0, cut_pause_s=0.4, auto_end=False))
    out = run(seg, [(0.9, 2.0), (0.1, 0.5), (0.9, 2.0), (0.1, 0.5), (0.9, 1.0)])
    # The first pause comes after 2 s (< min stretch): no cut; the second after 4.5 s: one cut.
    assert len(out) == 1
    cut = out[0]
    assert cut.start == 0 and cut.has_speech and not cut.final
    pause_start = frames(2.0 + 0.5 + 2.0)
    assert pause_start < cut.end < pause_start + frames(0.5)
    final = seg.finish(EndReason.STOPPED)
    assert final[0].final and final[0].has_speech
    # The next stretch starts 0.2 s before its first speech frame: the rest of the pause is not transcribed.
    next_speech = frames(2.0 + 0.5 + 2.0 + 0.5)
    assert cut.end <= final[0].start == next_speech - frames(0.2)
    assert seg.ended is EndReason.STOPPED
    assert seg.finish(EndReason.STOPPED) == []


def test_ends_after_configured_silence_following_speech() -> None:
    seg = Segmenter(SegmenterConfig(end_silence_s=1.5))
    out = run(seg, [(0.0, 1.0), (0.9, 2.0), (0.1, 1.4)])
    assert seg.ended is None and out == []
    out = run(seg, [(0.1, 0.2)])
    assert seg.ended is EndReason.SILENCE
    assert out[-1].final and out[-1].has_speech
    # Leading silence is trimmed to the pad and trailing silence is not transcribed.
    assert out[-1].start == frames(1.0) - frames(0.2)
    assert out[-1].end <= frames(3.0) + frames(0.2) + 1


def test_no_speech_within_grace_period_ends_without_speech() -> None:
    seg = Segmenter(SegmenterConfig(first_word_grace_s=2.0))
    out = run(seg, [(0.05, 2.5)])
    assert seg.ended is EndReason.NO_SPEECH
    assert out == [Stretch(out[0].start, out[0].end, has_speech=False, final=True)]


def test_maximum_length_ends_the_answer() -> None:
    seg = Segmenter(SegmenterConfig(max_answer_s=10.0, max_stretch_s=20.0))
    run(seg, [(0.9, 11.0)])
    assert seg.ended is EndReason.MAX_LENGTH


def test_long_stretch_without_long_pause_is_cut_at_its_last_short_gap() -> None:
    seg = Segmenter(SegmenterConfig(max_stretch_s=6.0, cut_pause_s=0.4, auto_end=False))
    out = run(seg, [(0.9, 4.0), (0.1, 0.2), (0.9, 3.0)])
    assert len(out) == 1
    gap = frames(4.0)
    assert gap <= out[0].end <= gap + frames(0.2)


def test_hysteresis_keeps_speech_through_uncertain_frames() -> None:
    seg = Segmenter(SegmenterConfig(end_silence_s=0.5))
    run(seg, [(0.9, 0.5), (0.4, 1.0)])  # between thresholds: still speaking
    assert seg.ended is None and seg.speaking


def test_silent_spans_from_frame_probabilities() -> None:
    from mockmate_desktop.domain.segmentation import silent_spans

    probs = [0.9] * 10 + [0.1] * 20 + [0.9] * 5 + [0.1] * 5 + [0.9] * 3 + [0.1] * 15
    spans = silent_spans(probs, frame_s=0.032, min_s=0.3)
    assert [(round(a, 3), round(b, 3)) for a, b in spans] == [(0.32, 0.96), (1.376, 1.856)]
