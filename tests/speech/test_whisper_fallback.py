"""A window whose prompted greedy decode fails is decoded greedily without the prompt before any sampling:
the rule (pure) and the real tiny.en on the answer where sampling with the prompt lost 15 s of speech."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.vocabulary import InterviewVocabulary
from mockmate_desktop.services.answer_sources import transcribe_audio
from mockmate_desktop.speech.whisper import WhisperTranscriber
from mockmate_desktop.speech.whisper_fallback import accepted, without_text_prompt
from tests.support.audio import load_fixture

SOT_PREV, SOT, EN, TRANSCRIBE = 50361, 50258, 50259, 50359


@dataclass(frozen=True)
class Options:  # faster-whisper's defaults
    compression_ratio_threshold: float | None = 2.4
    log_prob_threshold: float | None = -1.0
    no_speech_threshold: float | None = 0.6


@pytest.mark.parametrize(
    ("logprob", "ratio", "no_speech", "expected"),
    [
        (-0.35, 1.6, 0.45, True),  # confident speech
        (-1.96, 0.3, 0.46, False),  # unlikely: the prompted decode that stopped after "The"
        (-0.20, 3.1, 0.10, False),  # repetitive: a loop
        (-1.50, 1.0, 0.82, True),  # unlikely but Whisper hears silence: skipped, nothing to retry
        (-0.20, 3.1, 0.90, False),  # a confident loop is not silence
    ],
)
def test_what_faster_whisper_would_accept(
    logprob: float, ratio: float, no_speech: float, expected: bool
) -> None:
    assert accepted(logprob, ratio, no_speech, Options()) is expected


def test_thresholds_switched_off_accept_anything() -> None:
    assert accepted(-9.0, 9.0, 0.0, Options(None, None, None))


def test_only_the_text_part_of_the_prompt_is_removed() -> None:
    prompted = [SOT_PREV, 1000, 2000, 3000, SOT, EN, TRANSCRIBE]
    assert without_text_prompt(prompted, SOT) == [SOT, EN, TRANSCRIBE]
    assert without_text_prompt([SOT, EN, TRANSCRIBE], SOT) is None  # nothing to retry without


@pytest.mark.slow
def test_a_prompt_whisper_is_unsure_with_neither_samples_nor_leaks_into_the_answer(
    tiny_model: WhisperTranscriber, caplog: pytest.LogCaptureFixture
) -> None:
    """espeak_answer_16k as `mockmate interview` hears a file, with a backend interview's vocabulary. Its second
    pass's greedy decode with the prompt stops after "The"; stock faster-whisper then sampled, and in 2 of 8
    runs wrote "PostgreSQL, Python. PostgreSQL, Python." over 20 s of speech (a CI run lost "replica" so)."""
    vocabulary = InterviewVocabulary.build(
        job_text="Backend engineer: Python, PostgreSQL and Docker; on-call for customer incidents.",
        role="Backend Engineer",
    ).for_question("Tell me about a time you brought a new practice or idea into your team.")
    caplog.set_level(logging.DEBUG, logger="faster_whisper")
    audio = load_fixture("espeak_answer_16k")
    text = transcribe_audio(tiny_model, audio, Language.EN, "answer_01.wav", vocabulary).text
    messages = [r.getMessage() for r in caplog.records if r.name == "faster_whisper"]
    assert any("without the prompt" in m for m in messages), messages  # the case this test is about
    assert not [m for m in messages if "with temperature 0.2" in m], messages  # never sampled
    assert "postgresql" not in text.lower() and "python" not in text.lower(), text  # never said
    assert "I started by measuring" in text and "separate replica" in text, text
