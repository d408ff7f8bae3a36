"""Fuzzing the settings loader: any settings.json and any MOCKMATE_* environment still gives Settings.

Every invalid value is reported once, naming its key, and replaced by that field's default; a secret is
never repeated back; nothing raises.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mockmate_desktop.core.settings import Settings, load_settings
from tests.fuzz.checks import hostile_text

ENV_NAMES = [
    "MOCKMATE_WHISPER_MODEL", "MOCKMATE_TTS_RATE", "MOCKMATE_GEMINI_MODEL", "MOCKMATE_GEMINI_BASE_URL",
    "MOCKMATE_MICROPHONE", "MOCKMATE_TTS_VOICE_EN", "GEMINI_API_KEY", "MOCKMATE_FIREBASE_PROJECT_ID",
]  # fmt: skip
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(hostile_text, inner, max_size=3)),
    max_leaves=6,
)
file_documents = st.one_of(
    st.dictionaries(st.sampled_from(sorted(Settings.model_fields)), json_values, max_size=6).map(json.dumps),
    json_values.map(json.dumps),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.just("[" * 100_000),  # nesting deep enough to exhaust the parser's recursion
)
# What a shell can put in the environment: no NUL, and only the surrogates of undecodable bytes.
env_text = hostile_text.map(lambda t: "".join(c for c in t if c != "\x00" and not 0xD800 <= ord(c) < 0xDC80))


@pytest.fixture(scope="module")
def settings_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-settings") / "settings.json"


@pytest.fixture(scope="module")
def log_records() -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mockmate_desktop.core.settings")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


@given(file_documents, st.dictionaries(st.sampled_from(ENV_NAMES), env_text, max_size=4))
@example('{"gemini_timeout_s": -5}', {})
@example("{}", {"MOCKMATE_WHISPER_MODEL": "huge", "MOCKMATE_TTS_RATE": "fast"})
@example('{"gemini_api_key": 12345678901234}', {})  # an invalid secret is reported without its value
@example("[" * 100_000, {})  # RecursionError, not ValueError
def test_any_settings_file_and_environment_load(
    settings_file: Path, log_records: list[logging.LogRecord], document: str, env: dict[str, str]
) -> None:
    settings_file.write_text(document, encoding="utf-8", errors="surrogateescape")
    log_records.clear()
    saved = {name: os.environ.get(name) for name in ENV_NAMES}
    try:
        for name in ENV_NAMES:
            os.environ.pop(name, None)
        os.environ.update(env)
        settings = load_settings(settings_file)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    assert isinstance(settings, Settings)
    warned = [r.getMessage() for r in log_records if r.levelno == logging.WARNING]
    assert all("\n" not in line for line in warned)
    for name in env:
        if name.startswith("MOCKMATE_") and any(name + "=" in line for line in warned):
            assert sum(name + "=" in line for line in warned) == 1  # once, naming the key
    if "gemini_api_key" in document:
        assert all("12345678901234" not in line for line in warned)
