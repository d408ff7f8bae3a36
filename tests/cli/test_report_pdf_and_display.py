"""`mockmate report --format pdf` (the window's renderer) and `mockmate` without a display, as a user runs them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mockmate_desktop.domain.enums import Source
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.cli.conftest import RunCli
from tests.domain.test_numbering import with_follow_up
from tests.support.ui_sessions import complete_session


def test_report_as_pdf_holds_the_whole_report_with_charts(
    store: SqliteStore, run_cli: RunCli, tmp_path: Path
) -> None:
    session = with_follow_up(complete_session(Source.OFFLINE, job_title="Platform Engineer", demo=True))
    store.save_session(session)
    out = tmp_path / "report.pdf"
    done = run_cli("report", str(session.id)[:8], "--format", "pdf", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Wrote {out}  (DEMO session)"
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(raw.split())  # lines wrap where the page is full
    for expected in (
        "Interview report: Platform Engineer",
        "DEMO: shipped demo content",
        "Overall score: 68/100",
        "Category scores",
        "Q1: Tell me about a time you improved a slow system.",
        "Q2 follow-up: Describe a disagreement",
        "Made by: Offline engine",
        "Whole interview",
    ):
        assert expected in text, expected
    # The charts are pictures on the pages: render the first page and find the blue of the bars in it.
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
                   check=True)
    page = next(tmp_path.glob("p*.png"))
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(page))
    blue = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).blue() > 200 and QColor(image.pixel(x, y)).red() < 80
    )
    assert blue > 50, "no chart bars on the first page"


def test_pdf_needs_an_output_file(store: SqliteStore, run_cli: RunCli) -> None:
    session = complete_session(Source.OFFLINE)
    store.save_session(session)
    done = run_cli("report", str(session.id), "--format", "pdf")
    assert done.returncode != 0
    assert "--out" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def _without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_no_display_prints_one_line_and_exits_1(tmp_path: Path) -> None:
    import sys

    from tests.conftest import REPO_ROOT

    for command, display in ((["gui"], None), (["demo"], None), ([], ":87")):
        env = _without_display() | {"MOCKMATE_HOME": str(tmp_path / "home")}
        if display:
            env["DISPLAY"] = display
        done = subprocess.run(
            [sys.executable, "-m", "mockmate_desktop", *command],
            cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 1, (command, done.returncode, done.stderr)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, done.stderr
        assert "xvfb-run" in lines[0] and "display" in lines[0]
