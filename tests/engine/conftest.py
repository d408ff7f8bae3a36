"""Fixtures for engine tests: a running local Gemini-compatible server per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fake_gemini import FakeGeminiServer


@pytest.fixture
def fake_gemini() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer() as server:
        yield server
