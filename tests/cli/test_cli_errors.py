"""The CLI ends in one line on stderr and exit 1 when the data folder cannot be used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_unusable_data_folder_gives_one_line_and_exit_1(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    result = subprocess.run(
        [sys.executable, "-m", "mockmate_desktop", "sessions", "list"],
        env={"MOCKMATE_HOME": str(blocker / "home"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mockmate: ")
    assert "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mockmate_desktop", "no-such-command"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
