"""Delivery analytics on constructed word timings with known answers."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.delivery import WordTiming
from mockmate_desktop.domain.delivery_metrics import combine, compute_delivery, find_fillers, guidance_bands


def timeline(
    text: str, start: float = 0.0, word_s: float = 0.3, gaps: dict[int, float] | None = None
) -> list[WordTiming]:
    """Words of `text` back to back, each `word_s` long; `gaps[i]` inserts silence before word i."""
    words, t = [], start
    for i, word in enumerate(text.split()):
        t += (gaps or {}).get(i, 0.0)
        words.append(WordTiming(word=word, start=t, end=t + word_s))
        t += word_s
    return words


def fillers(text: str, language: str = "en", gaps: dict[int, float] | None = None) -> list[str]:
    return [f for _, f in find_fillers(timeline(text, gaps=gaps), language)]


def test_pace_pauses_and_first_word() -> None:
    # 40 words of 0.3 s from t=2.0, a 0.5 s pause before word 10 and a 2.5 s pause before word 30.
    words = timeline(" ".join(f"w{i}" for i in range(40)), start=2.0, gaps={10: 0.5, 30: 2.5})
    m = compute_delivery(words, duration_s=20.0, language="en")
    speaking = 40 * 0.3 + 0.5 + 2.5
    assert m.word_count == 40
    assert m.speaking_time_s == pytest.approx(speaking)
    assert m.words_per_minute == pytest.approx(40 / (speaking / 60), abs=0.1)
    assert m.time_to_first_word_s == pytest.approx(2.0)
    assert m.pause_count == 2
    assert len(m.long_pauses) == 1 and m.long_pauses[0].duration == pytest.approx(2.5)
    assert m.duration_s == 20.0


def test_sound_fillers_always_count() -> None:
    assert fillers("Um, I built it, uh, in Python. Erm yes") == ["um", "uh", "erm"]


def test_like_only_counts_as_a_filler() -> None:
    assert fillers("I like Python and things like caching") == []
    assert fillers("It was, like, really hard") == ["like"]
    assert fillers("It was like, really hard") == ["like"]
    assert fillers("It was like really hard", gaps={3: 0.5, 2: 0.5}) == ["like"]  # set off by pauses
    assert fillers("I would like to join") == []


def test_so_and_you_know_only_as_fillers() -> None:
    assert fillers("So, I started by measuring") == ["so"]
    assert fillers("I did so that it scales and so on") == []
    assert fillers("I think so.") == []
    assert fillers("It was, you know, slow") == ["you know"]
    assert fillers("you know the answer") == []
    assert fillers("so um we started") == ["so", "um"]


def test_rates_hedges_and_repeats() -> None:
    text = "Um I think the cache helped. Maybe the cache was, like, the key. Uh the cache really"
    words = timeline(text)
    m = compute_delivery(words, duration_s=6.0, language="en")
    assert m.filler_count == 3
    assert {t.term: t.count for t in m.fillers} == {"um": 1, "like": 1, "uh": 1}
    assert m.fillers_per_100_words == pytest.approx(100 * 3 / 17, abs=0.01)
    minutes = (17 * 0.3) / 60
    assert m.fillers_per_minute == pytest.approx(3 / minutes, abs=0.01)
    assert {t.term: t.count for t in m.hedges} == {"i think": 1, "maybe": 1}
    assert m.most_repeated[0].term == "cache" and m.most_repeated[0].count == 3


def test_hindi_and_french_lists() -> None:
    assert fillers("हम्म मैंने, मतलब, कोड लिखा", "hi") == ["हम्म", "मतलब"]
    assert fillers("euh j'ai, du coup, écrit le code", "fr") == ["euh", "du coup"]
    assert fillers("j'ai écrit du code", "fr") == []
    hedges = compute_delivery(timeline("je pense que peut-être ça marche"), 3.0, "fr").hedges
    assert {t.term for t in hedges} == {"je pense", "peut-être"}


def test_no_words_and_combine() -> None:
    empty = compute_delivery([], duration_s=5.0, language="en")
    assert empty.word_count == 0 and empty.time_to_first_word_s is None and empty.duration_s == 5.0
    a = compute_delivery(timeline("um one two three four", start=1.0), 3.0, "en")
    b = compute_delivery(timeline("five six uh seven", start=3.0), 5.0, "en")
    total = combine([a, b])
    assert total.word_count == 9 and total.filler_count == 2
    assert total.speaking_time_s == pytest.approx(a.speaking_time_s + b.speaking_time_s)
    assert total.time_to_first_word_s == pytest.approx(2.0)
    assert total.words_per_minute == pytest.approx(9 / (total.speaking_time_s / 60), abs=0.1)
    assert combine([]).word_count == 0


@pytest.mark.parametrize("language", ["en", "hi", "fr"])
def test_guidance_bands_have_sources(language: str) -> None:
    bands = {b.metric: b for b in guidance_bands(language)}
    assert (bands["words_per_minute"].low, bands["words_per_minute"].high) == (100, 165)
    assert bands["fillers_per_minute"].high == 5
    assert all(b.source and b.note for b in bands.values())


def test_vad_silences_reveal_pauses_hidden_inside_stretched_words() -> None:
    # Whisper stretched word 5 over a 0.8 s silence (no gap between words); the VAD saw it.
    words = timeline("one two three four five six seven", start=0.5)
    assert compute_delivery(words, 3.0, "en").pause_count == 0
    silences = [(0.0, 0.5), (1.7, 2.5), (2.6, 2.8)]  # leading silence and a 0.2 s blip are not pauses
    m = compute_delivery(words, 3.0, "en", silences=silences)
    assert m.pause_count == 1 and m.long_pauses == []
