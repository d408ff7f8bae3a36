"""The spoken technical-answers set: its texts, its generator, and the live pipeline on its answers."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from mockmate_desktop.domain.end_of_turn import EndOfTurnConfig
from mockmate_desktop.domain.segmentation import EndReason, SegmenterConfig
from mockmate_desktop.services.spoken_bench import job_terms, term_hits, term_insertions, vocabulary_for
from mockmate_desktop.speech.live import LiveConfig, LiveTranscription, feed_array
from mockmate_desktop.speech.protocols import SAMPLE_RATE
from mockmate_desktop.speech.spoken_set import cache_key, load_set, spoken_form, synthesize
from mockmate_desktop.speech.wavio import read_wav_16k_mono
from mockmate_desktop.speech.whisper import WhisperTranscriber


def test_the_set_has_enough_answers_voices_pauses_and_a_held_out_third() -> None:
    answers = [a for a in load_set() if a.language == "en"]
    assert len(answers) >= 40
    assert len({(a.voice, a.rate) for a in answers}) >= 6
    held = [a for a in answers if a.split == "heldout"]
    assert abs(len(held) - len(answers) / 3) <= 1
    paused = [a for a in answers if a.pauses]
    assert len(paused) >= 5 and all(2.0 <= p <= 4.0 for a in paused for p in a.pauses)
    assert sum(len(job_terms(a.reference, vocabulary_for(a))) for a in held) >= 30
    assert {a.language for a in load_set()} == {"en", "hi", "fr"}


def test_terms_are_spoken_as_candidates_say_them_and_scored_in_canonical_spelling() -> None:
    assert spoken_form("We kept PostgreSQL and gRPC on AWS.") == "We kept postgres Q L and G R P C on A W S."
    ref = "Kubernetes clusters on AWS run PostgreSQL."
    assert term_hits(ref, "kubernetes clusters on AWS run PostgreSQL.") == (2, 3)
    assert term_hits(ref, "Kubernetes clusters on AWS run Postgres SQL.") == (2, 3)


def test_a_term_written_where_none_was_said_counts_as_an_insertion() -> None:
    answer = next(a for a in load_set() if a.id == "a01")
    vocabulary = vocabulary_for(answer)
    assert term_insertions(answer.reference, answer.reference, vocabulary) == 0
    assert term_insertions(answer.reference, answer.reference + " Kafka and Kafka.", vocabulary) == 2


def test_synthesis_is_cached_by_content_and_pauses_are_real_silence(tmp_path: Path) -> None:
    answer = next(a for a in load_set() if a.pauses)
    first = synthesize(answer, tmp_path)
    assert synthesize(answer, tmp_path) == first and cache_key(answer) in first.name
    audio = read_wav_16k_mono(first)
    quiet = np.abs(audio) < 0.005
    longest = run = 0
    for q in quiet:
        run = run + 1 if q else 0
        longest = max(longest, run)
    assert longest / SAMPLE_RATE >= answer.pauses[0] - 0.05
    longer = answer.with_pause(3.0, 2)
    assert cache_key(longer) != cache_key(answer)


@pytest.mark.slow
def test_a_thinking_pause_does_not_end_the_answer_but_the_end_does(
    tiny_model: WhisperTranscriber, tmp_path: Path
) -> None:
    answer = next(a for a in load_set() if a.language == "en" and a.split == "tune" and a.pauses)
    audio = read_wav_16k_mono(synthesize(answer, tmp_path))
    trailing = np.zeros(int(9 * SAMPLE_RATE), dtype=np.float32)  # > 8 s even if the words look unfinished
    live = LiveTranscription(
        tiny_model,
        LiveConfig(segmenter=SegmenterConfig(end_silence_s=5.0), end_of_turn=EndOfTurnConfig()),
    )
    live.start()
    feed_array(live, np.concatenate([audio, trailing]), stop_at_end=False)
    final = live.wait_final(60)
    assert live.stats.end_reason is EndReason.SILENCE
    assert live.elapsed_s > len(audio) / SAMPLE_RATE + 4.5  # not at the thinking pause
    # The speech after the pause reached the final transcript: its last word ends near the answer's end, and
    # one of the last three words is heard (tiny.en mishears some: "problem winter wave" for "problem went
    # away" in one CI run).
    assert final is not None and final.words, final
    assert final.words[-1].end > len(audio) / SAMPLE_RATE - 2.0, final.words[-1]
    last_words = re.sub(r"[^\w ]", "", answer.script.split("]")[-1]).lower().split()[-3:]
    heard = set(re.sub(r"[^\w ]", "", final.text.lower()).split())
    assert heard & set(last_words), (last_words, final.text)


@pytest.mark.slow
def test_the_interview_vocabulary_brings_the_job_terms_back(
    base_model: WhisperTranscriber, tmp_path: Path
) -> None:
    answer = next(a for a in load_set() if a.id == "a01")  # tune split: PostgreSQL and Redis
    audio = read_wav_16k_mono(synthesize(answer, tmp_path))
    vocabulary = vocabulary_for(answer)
    live = LiveTranscription(
        base_model, LiveConfig(segmenter=SegmenterConfig(auto_end=False), vocabulary=vocabulary)
    )
    live.start()
    feed_array(live, audio)
    final = live.wait_final(60)
    assert final is not None
    assert term_hits(answer.reference, final.text, vocabulary) == (2, 2), final.text
