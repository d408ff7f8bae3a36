"""Screenshots of every screen for the README, taken from the real window under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.ui.make_screenshots [OUT_DIR]

It runs a real interview (offline engine, typed answers so no sound server is needed) to get real reports,
and stops at each screen to grab it. Data goes to a temporary MOCKMATE_HOME.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ANSWERS = (
    "At my last job our nightly batch took six hours. I profiled it, found an N plus one query in the ORM, "
    "added an index and a small cache, and the run dropped to forty minutes, which let analysts start on time.",
    "I start from the access patterns. For relational data with joins and strict consistency I use PostgreSQL; "
    "for very high write volume with simple key lookups I consider a document or key value store.",
    "We disagreed about test coverage targets. I suggested we measure flaky tests for two weeks, shared the "
    "data with the team, and we agreed to fix the worst ten first. Flaky failures fell by half.",
    "I would break the problem down, clarify requirements, and sketch an API first.",
    "um I think it was fine",
    "I automated our deployment with GitHub Actions and Terraform, cutting release time from a day to an hour.",
)


def wait_until(app: QApplication, condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not reach the expected state")
        app.processEvents()
        QApplication.instance().thread().msleep(10)  # type: ignore[union-attr]


def grab(widget: QWidget, out: Path, name: str) -> None:
    QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="mockmate-shots-"))
    os.environ["MOCKMATE_HOME"] = str(home)
    os.environ.pop("GEMINI_API_KEY", None)
    from mockmate_desktop.app import AppContext
    from mockmate_desktop.domain.enums import EngineChoice
    from mockmate_desktop.ui.interview_controller import Phase
    from mockmate_desktop.ui.launch import build_window, qt_application

    app = qt_application()
    ctx = AppContext.create()
    ctx.settings.whisper_model = "tiny.en"
    window = build_window(ctx)
    window.resize(1240, 780)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    grab(window, out, "01-first-run")
    window.first_run.start_button.click()
    wait_until(app, lambda: window.speech_status.transcriber is not None or window.speech_status.error is not None)

    window.go("setup")
    setup = window.setup
    setup.job_title.setText("Backend Engineer")
    setup.job_description.setPlainText(
        "We are hiring a backend engineer: Python, PostgreSQL, AWS, Docker, CI/CD, REST APIs. You will design "
        "services, improve performance and mentor juniors. Nice to have: Kubernetes, Terraform."
    )
    setup.typed_radio.setChecked(True)
    setup.engine.setCurrentIndex(setup.engine.findData(EngineChoice.OFFLINE))
    setup.validate()
    grab(window, out, "03-setup")
    setup.start()
    controller = window.interview.controller
    answers = iter(ANSWERS * 3)
    shot_taken = False
    while controller.phase is not Phase.DONE:
        wait_until(app, lambda: controller.phase in (Phase.TYPING, Phase.DONE))
        if controller.phase is Phase.DONE:
            break
        text = next(answers)
        window.interview.typed.setPlainText(text)
        if not shot_taken:
            grab(window, out, "04-interview-typed")
            shot_taken = True
        window.interview.typed.setPlainText(text)
        window.interview._submit()
        wait_until(app, lambda: controller.phase is not Phase.TYPING)
    wait_until(app, lambda: window.current_page == "report" and window.report.session is not None)
    for index, name in enumerate(("05-report-summary", "06-report-performance", "07-report-questions",
                                  "08-report-delivery")):
        window.report.tabs.setCurrentIndex(index)
        grab(window, out, name)
    window.go("home")
    wait_until(app, lambda: window.home.table.rowCount() > 0)
    window.home.table.selectRow(0)
    grab(window, out, "02-home")
    window.go("settings")
    grab(window, out, "10-settings")
    window.close()
    window.tasks.wait_for_done(60_000)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
