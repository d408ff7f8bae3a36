"""Run the real `mockmate` command in a subprocess against the test's data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.conftest import REPO_ROOT

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli() -> RunCli:
    def run(
        *args: str, home: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        environ = os.environ | (env or {})
        if home is not None:
            environ["MOCKMATE_HOME"] = str(home)
        return subprocess.run(
            [sys.executable, "-m", "mockmate_desktop", *args],
            cwd=REPO_ROOT,
            env=environ,
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            timeout=300,
        )

    return run


@pytest.fixture
def store() -> Iterator[SqliteStore]:
    opened = SqliteStore.open(AppPaths.from_environment())
    yield opened
    opened.close()
