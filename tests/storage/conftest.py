"""A real store in the test's own empty data folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.sqlite_store import SqliteStore


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.from_environment()


@pytest.fixture
def store(paths: AppPaths) -> Iterator[SqliteStore]:
    opened = SqliteStore.open(paths)
    yield opened
    opened.close()
