"""Screenshots of every screen for the README, taken from the real window under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.ui.make_screenshots [OUT_DIR]

Everything on screen is real: a PulseAudio virtual microphone (tests/support/pulse.py) hears a real speech
clip for the first answer while the live transcript is grabbed, the other answers are typed (built from each
question's expected points), and the offline engine writes the report. Data goes to a temporary
MOCKMATE_HOME.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parents[2]
CLIP = REPO / "tests" / "fixtures" / "speech" / "jfk.wav"


def wait_until(condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not reach the expected state")
        QApplication.processEvents()
        QThread.msleep(10)


def grab(widget: QWidget, out: Path, name: str) -> None:
    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def good_answer(points: list[str]) -> str:
    said = ". ".join(p.rstrip(".") for p in points[:4]) or "I would clarify the goal first"
    return (f"{said}. For example, at my last job I led this work for our payments API: I measured first, "
            "changed the PostgreSQL indexes and added a Redis cache, and p95 latency fell by 40 percent.")


def main(out: Path) -> int:
    sys.path.insert(0, str(REPO))
    from tests.support.pulse import VirtualMic

    home = Path(tempfile.mkdtemp(prefix="mockmate-shots-"))
    os.environ["MOCKMATE_HOME"] = str(home)
    os.environ.pop("GEMINI_API_KEY", None)
    mic = VirtualMic.start(home)
    try:
        return _run(out, home, mic)
    finally:
        mic.stop()


def _run(out: Path, home: Path, mic: object) -> int:
    from mockmate_desktop.app import AppContext
    from mockmate_desktop.domain.enums import EngineChoice
    from mockmate_desktop.ui.interview_controller import Phase
    from mockmate_desktop.ui.launch import build_window, qt_application
    from tests.support import pdfs
    from tests.support.gemini_server import FakeGeminiServer

    app = qt_application()
    ctx = AppContext.create()
    ctx.settings.whisper_model = "tiny.en"
    window = build_window(ctx)
    window.resize(1240, 780)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    grab(window, out, "01-first-run")
    window.first_run.start_button.click()
    wait_until(lambda: window.speech_status.transcriber is not None or window.speech_status.error is not None)

    resume = home / "resume.pdf"
    resume.write_bytes(pdfs.single_column_resume())
    window.go("setup")
    setup = window.setup
    setup.job_title.setText("Senior Backend Engineer")
    setup.job_description.setPlainText(pdfs.JOB_DESCRIPTION)
    setup.resume.choose(str(resume))
    wait_until(lambda: setup.resume.profile is not None)
    setup.voice_radio.setChecked(True)
    setup.engine.setCurrentIndex(setup.engine.findData(EngineChoice.OFFLINE))
    setup.validate()
    grab(window, out, "03-setup")
    setup.start()

    controller = window.interview.controller
    page = window.interview
    wait_until(lambda: controller.phase is Phase.LISTENING)
    mic.play(CLIP)  # type: ignore[attr-defined]
    wait_until(lambda: len(page.transcript.committed.split()) >= 6 and bool(page.transcript.tentative), 60)
    grab(window, out, "04-interview-live")
    wait_until(lambda: controller.phase is not Phase.LISTENING, 60)
    wait_until(lambda: controller.phase in (Phase.LISTENING, Phase.DONE, Phase.REPORTING))
    page.type_button.click()
    shot = False
    while controller.phase not in (Phase.REPORTING, Phase.DONE):
        wait_until(lambda: controller.phase in (Phase.TYPING, Phase.REPORTING, Phase.DONE))
        if controller.phase is not Phase.TYPING:
            break
        assert controller.question is not None
        page.typed.setPlainText(good_answer(controller.question.expected_points))
        if not shot:
            grab(window, out, "05-interview-typed")
            shot = True
        page._submit()
        wait_until(lambda: controller.phase is not Phase.TYPING)
    wait_until(lambda: window.current_page == "report" and window.report.session is not None)
    window.banner.dismiss()
    for index, name in enumerate(("07-report-summary", "08-report-performance", "09-report-questions",
                                  "10-report-delivery")):
        window.report.tabs.setCurrentIndex(index)
        if name == "09-report-questions":
            window.report.questions.list.setCurrentRow(0)
        grab(window, out, name)

    window.go("resume")
    resume_page = window.resume
    resume_page.picker.choose(str(resume))
    wait_until(lambda: resume_page.picker.profile is not None)
    resume_page.job_title.setText("Senior Backend Engineer")
    resume_page.job_description.setPlainText(pdfs.JOB_DESCRIPTION)
    resume_page.analyze()
    wait_until(lambda: resume_page.analysis is not None)
    grab(window, out, "11-resume-analyzer")

    window.home.open_demo()
    wait_until(lambda: window.current_page == "report" and window.report.session is not None
               and window.report.session.is_demo)
    grab(window, out, "12-demo-report")

    window.go("home")
    wait_until(lambda: window.home.table.rowCount() >= 2)
    window.home.table.selectRow(0)
    grab(window, out, "02-home")

    with FakeGeminiServer() as server:
        ctx.settings.gemini_base_url = server.base_url
        window.go("settings")
        settings = window.settings_page
        settings.key.setText("AIza-this-key-was-revoked")
        settings.test_key.click()
        wait_until(lambda: settings.key_result.text().startswith("✘"), 60)
        grab(window, out, "13-settings-error-banner")
    window.close()
    window.tasks.wait_for_done(60_000)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"))
