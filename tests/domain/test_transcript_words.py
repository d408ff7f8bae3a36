"""Whisper's word pieces joined into a transcript: French elisions and hyphenated words stay whole.

Found on a real display: a spoken French answer was shown, reviewed and saved as "J 'ai créé ... c 'est",
because Whisper gives "j'ai" as the pieces "j" and "'ai" and every piece was joined with a space.
"""

from __future__ import annotations

from mockmate_desktop.domain.delivery import WordTiming
from mockmate_desktop.domain.segmentation import EndReason, SegmenterConfig
from mockmate_desktop.domain.stream_core import StreamConfig, StreamCore
from mockmate_desktop.domain.transcript import Transcript, continues_word, join_words

F = 0.032


def test_elisions_and_hyphens_continue_the_word_before_them() -> None:
    pieces = ["J", "'ai", "créé", "l", "'équipe", ",", "que", "faites", "-vous", "?", "aujourd", "’hui"]
    assert join_words(pieces) == "J'ai créé l'équipe , que faites-vous ? aujourd’hui"


def test_a_lone_dash_or_quote_and_empty_pieces_stay_as_they_were() -> None:
    assert join_words(["cinq", "-", "sept", "", "'", "fin"]) == "cinq - sept ' fin"
    assert join_words(["'ai"]) == "'ai"  # nothing before it to continue
    assert join_words(["I", "don't", "know"]) == "I don't know"
    assert not continues_word("-") and continues_word("-vous") and continues_word("'est")


def test_a_live_french_answer_is_committed_with_its_elisions_whole() -> None:
    core = StreamCore(SegmenterConfig(auto_end=False, min_stretch_s=3.0), StreamConfig(speculate=False))
    for _ in range(round(2.0 / F)):
        core.push(0.9)
    core.stop(EndReason.STOPPED)
    job = core.next_pass()
    assert job is not None
    offset = job.audio_start * F
    heard = [("C", 0.1, 0.2), ("'est", 0.2, 0.4), ("l", 0.5, 0.6), ("'équipe", 0.6, 1.0), ("qui", 1.1, 1.3)]
    words = [WordTiming(word=w, start=s - offset, end=e - offset) for w, s, e in heard]
    core.accept(job, Transcript(text="C'est l'équipe qui", words=words))
    assert core.final is not None
    assert core.final.text == "C'est l'équipe qui"
