"""Which engine each choice builds: auto follows the key, Gemini always has the offline fallback."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import EngineChoice, Source
from mockmate_desktop.engine.factory import build_engine, resolve_choice
from mockmate_desktop.engine.fallback import FallbackEngine
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.engine.protocols import EngineError


def test_auto_is_offline_without_a_key() -> None:
    app = AppContext.create()
    assert resolve_choice(EngineChoice.AUTO, app.settings) is EngineChoice.OFFLINE
    engine = build_engine(EngineChoice.AUTO, app.settings, app.paths.gemini_cache_dir)
    assert isinstance(engine, OfflineEngine) and engine.source is Source.OFFLINE


def test_auto_is_gemini_with_offline_fallback_when_a_key_is_set() -> None:
    app = AppContext.create()
    app.settings.gemini_api_key = SecretStr("test-key-123456")
    engine = build_engine(EngineChoice.AUTO, app.settings, app.paths.gemini_cache_dir)
    assert isinstance(engine, FallbackEngine)
    assert engine.source is Source.GEMINI and isinstance(engine.offline, OfflineEngine)


def test_gemini_without_key_and_replay_without_recordings_are_clear_errors() -> None:
    app = AppContext.create()
    with pytest.raises(EngineError, match="API key"):
        build_engine(EngineChoice.GEMINI, app.settings, app.paths.gemini_cache_dir)
    with pytest.raises(EngineError, match="no recorded Gemini session"):
        build_engine(EngineChoice.REPLAY, app.settings, app.paths.gemini_cache_dir)


def test_asking_about_the_model_against_the_local_gemini_server() -> None:
    """The one "ask Gemini about the model" probe, used by doctor and by Settings → Test."""
    from mockmate_desktop.core.settings import Settings
    from mockmate_desktop.engine.gemini.probe import ask_about_model
    from tests.support.fake_gemini import FakeGeminiServer

    with FakeGeminiServer() as server:
        settings = Settings(gemini_base_url=server.base_url, gemini_timeout_s=5.0)
        name = ask_about_model(settings, key=server.api_key, model="gemini-2.5-flash", timeout_s=5.0)
        assert "gemini" in name.lower()
        with pytest.raises(EngineError):
            ask_about_model(settings, key="wrong-key-000000", model="gemini-2.5-flash", timeout_s=5.0)
    with pytest.raises(EngineError, match="Enter a Gemini API key"):
        ask_about_model(Settings(), key="  ", model="gemini-2.5-flash", timeout_s=5.0)
