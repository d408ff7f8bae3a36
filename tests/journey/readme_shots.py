"""The README's screenshots, from the real window on Xvfb (openbox decorations included, cropped to the window).

    .venv/bin/python -m pytest -q tests/journey/test_spoken_journey.py     # leaves its steps in build/
    .venv/bin/python -m tests.journey.readme_shots [docs/screenshots]

The interview screens come from the spoken journey's screenshots (a real spoken answer through the virtual
microphone); the report tabs from the demo report (labelled Demo on screen), opened as `mockmate demo` opens it,
because the journey's recorded speech is not about the job and scores near zero.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from .driver import REPO, AppUnderTest
from .xsession import XSession

JOURNEY = REPO / "build" / "journey-shots" / "test_three_spoken_answers_to_a_report"
FROM_JOURNEY = {
    "01-first-run": "first-run",
    "02-home": "home",
    "03-setup": "setup-spoken",
    "04-interview-live": "answer2-speaking",
    "06-interview-review": "review",
}
DEMO_TABS = {
    "07-report-summary": "Summary",
    "08-report-performance": "Performance Analysis",
    "09-report-questions": "Question by Question",
    "10-report-delivery": "Delivery",
}


def crop_to_window(shot: Path, out: Path) -> None:
    """The screen is black around the window: trim it away."""
    subprocess.run(["convert", str(shot), "-trim", "+repage", str(out)], check=True)


def main(out: Path) -> int:
    for name, step in FROM_JOURNEY.items():
        found = sorted(JOURNEY.glob(f"[0-9][0-9]-{step}.png"))
        if not found:
            print(f"no journey screenshot '{step}' in {JOURNEY}: run the spoken journey first", file=sys.stderr)
            return 1
        crop_to_window(found[0], out / f"{name}.png")
    with tempfile.TemporaryDirectory(prefix="readme-shots-") as tmp:
        work = Path(tmp)
        x = XSession.start(work)
        home = work / "home"
        home.mkdir()
        app = AppUnderTest.start(x, home, work, action="demo")
        try:
            app.wait_state(page="report", report_is_demo=True, timeout=120)
            for name, tab in DEMO_TABS.items():
                app.click_tab("reportTabs", tab)
                app.wait_state(page="report", report_tab=tab)
                crop_to_window(app.shot(name), out / f"{name}.png")
        finally:
            app.stop()
            x.stop()
    print(f"README screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"))
