"""Speech fixtures: the real Whisper models, loaded once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmate_desktop.speech.whisper import WhisperTranscriber
from tests.support.pulse import virtual_mic_fixture

virtual_mic = virtual_mic_fixture(scope="module")


@pytest.fixture(scope="session")
def base_model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private model cache: the base model is joined here once per session from its real parts."""
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="session")
def tiny_model(base_model_cache: Path) -> Iterator[WhisperTranscriber]:
    model = WhisperTranscriber("tiny.en", base_model_cache)
    model.load()
    yield model


@pytest.fixture(scope="session")
def base_model(base_model_cache: Path) -> Iterator[WhisperTranscriber]:
    model = WhisperTranscriber("base", base_model_cache)
    model.load()
    yield model
