"""ruff and mypy are part of the suite so that CI keeps the code clean, not only a developer's habit."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "mockmate_desktop", "tests", "packaging")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_with_domain_strict() -> None:
    result = _run("mypy", "mockmate_desktop")
    assert result.returncode == 0, result.stdout + result.stderr
