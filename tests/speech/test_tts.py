"""pyttsx3 + espeak-ng synthesise questions to cached WAV files on one worker thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmate_desktop.core.settings import Settings
from mockmate_desktop.speech.tts import Pyttsx3Synthesizer
from mockmate_desktop.speech.wavio import read_wav_16k_mono
from mockmate_desktop.speech.whisper import WhisperTranscriber
from tests.support.audio import wer_percent


@pytest.fixture
def tts(tmp_path: Path) -> Iterator[Pyttsx3Synthesizer]:
    synth = Pyttsx3Synthesizer(Settings(tts_rate_wpm=160), tmp_path / "tts")
    yield synth
    synth.close()


@pytest.mark.parametrize(
    "language,text",
    [
        ("en", "What is your greatest strength?"),
        ("hi", "आपकी सबसे बड़ी ताकत क्या है?"),
        ("fr", "Quelle est votre plus grande qualité ?"),
    ],
)
def test_each_language_gets_audio(tts: Pyttsx3Synthesizer, language: str, text: str) -> None:
    path = tts.synthesize(text, language)
    audio = read_wav_16k_mono(path)
    assert len(audio) > 16000 * 0.8 and float(abs(audio).max()) > 0.05


def test_cache_and_prefetch(tts: Pyttsx3Synthesizer, tmp_path: Path) -> None:
    first = tts.prepare("Describe a conflict in your team.", "en")
    second = tts.prepare("Why this company?", "en")  # the next question, synthesised ahead
    path = first.result(30)
    assert second.result(30).is_file()
    mtime = path.stat().st_mtime_ns
    again = tts.prepare("Describe a conflict in your team.", "en")
    assert again.done() and again.result() == path and path.stat().st_mtime_ns == mtime
    slower = Pyttsx3Synthesizer(Settings(tts_rate_wpm=120), tmp_path / "tts")
    try:
        assert slower.cache_path("Why this company?", "en") != tts.cache_path("Why this company?", "en")
    finally:
        slower.close()


@pytest.mark.slow
def test_spoken_question_is_intelligible(tts: Pyttsx3Synthesizer, tiny_model: WhisperTranscriber) -> None:
    text = "Tell me about a time you solved a difficult problem at work."
    heard = tiny_model.transcribe(read_wav_16k_mono(tts.synthesize(text, "en")), language="en").text
    assert wer_percent(text, heard) <= 25.0


def test_back_to_back_questions_in_changing_languages_all_get_audio(
    tts: Pyttsx3Synthesizer, capfd: pytest.CaptureFixture[str]
) -> None:
    """espeak runs asynchronously under pyttsx3: each file must be complete when synthesize() returns, and
    the driver's "Audio saved" line must never reach stdout (it would corrupt `--json` output)."""
    import json

    from tests.conftest import REPO_ROOT

    bank = json.loads((REPO_ROOT / "assets" / "question_bank" / "behavioural_beginner.json").read_text())
    for question in bank[:8]:
        for language in ("hi", "fr", "en"):
            path = tts.synthesize(question["text"][language], language)
            size = path.stat().st_size
            audio = read_wav_16k_mono(path)
            assert len(audio) > 16000 and float(abs(audio).max()) > 0.05, (language, question["id"])
            assert path.stat().st_size == size  # nothing was still writing to it
    assert "Audio saved" not in capfd.readouterr().out
