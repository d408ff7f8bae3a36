"""Whisper base joined from its two real PyPI parts: checked, rebuilt when damaged, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mockmate_desktop.speech.model_files import (
    BASE_SHA256,
    BASE_SIZE,
    assemble_base,
    base_model_ok,
    base_part_paths,
    model_dir,
    sha256_of,
    tiny_en_dir,
)
from mockmate_desktop.speech.protocols import SpeechUnavailableError
from mockmate_desktop.speech.whisper import WhisperTranscriber


def test_tiny_en_comes_complete_from_its_package() -> None:
    folder = tiny_en_dir()
    assert (folder / "model.bin").stat().st_size > 10_000_000
    assert model_dir("tiny.en", Path("/nonexistent")) == folder


def test_base_is_joined_checked_and_rebuilt_when_damaged(base_model_cache: Path) -> None:
    folder = assemble_base(base_model_cache)
    model = folder / "model.bin"
    assert model.stat().st_size == BASE_SIZE
    assert sha256_of(model) == BASE_SHA256
    assert all((folder / n).is_file() for n in ("config.json", "tokenizer.json", "vocabulary.txt"))
    assert not list(folder.glob("*.tmp"))

    # Damage: truncated (a crash mid-copy) -> rebuilt.
    with model.open("r+b") as handle:
        handle.truncate(1000)
    assert not base_model_ok(folder)
    assert assemble_base(base_model_cache) == folder
    assert model.stat().st_size == BASE_SIZE and base_model_ok(folder)

    # Damage of the same size (bit rot) -> the hash catches it -> rebuilt.
    with model.open("r+b") as handle:
        handle.seek(5_000_000)
        handle.write(b"\xff" * 16)
    assert not base_model_ok(folder)
    assemble_base(base_model_cache)
    assert sha256_of(model) == BASE_SHA256


def test_corrupted_part_gives_a_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    parts = []
    for part in base_part_paths():
        copy = tmp_path / "parts" / part.parent.parent.name / part.name
        copy.parent.mkdir(parents=True)
        shutil.copyfile(part, copy)
        parts.append(copy)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copyfile(base_part_paths()[0].parent / name, parts[0].parent / name)
    with parts[1].open("r+b") as handle:
        handle.seek(1234)
        handle.write(b"corrupted!")
    cache = tmp_path / "cache"
    with pytest.raises(SpeechUnavailableError, match=r"damaged.*reinstall"):
        assemble_base(cache, parts=parts)
    assert not (cache / "whisper-base" / "model.bin").exists()
    assert not list((cache / "whisper-base").glob("*.tmp"))

    parts[1].unlink()
    with pytest.raises(FileNotFoundError):
        assemble_base(cache, parts=parts)


def test_unknown_model_and_english_only_model_errors(tiny_model: WhisperTranscriber) -> None:
    with pytest.raises(SpeechUnavailableError, match="unknown Whisper model"):
        model_dir("small", Path("/tmp"))
    with pytest.raises(SpeechUnavailableError, match="only understands English"):
        tiny_model.transcribe(__import__("numpy").zeros(16000, dtype="float32"), language="fr")
