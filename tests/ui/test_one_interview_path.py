"""The same scripted interview through the terminal (`mockmate interview` in a subprocess) and through the
window (pytest-qt, clicking as a candidate would) stores the same questions, answers and sources: both faces
drive one orchestrator and neither keeps interview rules of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any
from uuid import UUID

from mockmate_desktop.domain.enums import Difficulty, EngineChoice, InterviewType
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.ui.interview_controller import Phase
from tests.conftest import FIXTURES, REPO_ROOT

TITLE = "Backend Engineer"
JD = "Python and PostgreSQL services; on-call; mentoring."
STRONG = (FIXTURES / "speech" / "espeak_answer_16k.txt").read_text(encoding="utf-8").strip()
# The second answer is thin on purpose: the engine asks a follow-up to it. STRONG is one performance story;
# scored by meaning, a question it does not answer may get a follow-up too, so spare answers follow.
SCRIPT = [STRONG, "I did my best.", STRONG, STRONG, STRONG, STRONG, STRONG, STRONG, STRONG, STRONG]


def _stored_facts(session: InterviewSession) -> dict[str, Any]:
    ordered = sorted(session.questions, key=lambda q: q.position)
    answers = [session.answer_for(q.id) for q in ordered]
    reports = session.reports
    return {
        "config": session.config.model_dump(mode="json", exclude={"id", "created_at", "updated_at"}),
        "questions": [(q.text, q.kind.value, q.source.value, q.parent_id is not None) for q in ordered],
        "answers": [(a.transcript, a.mode.value, a.skipped, a.input_ref) if a else None for a in answers],
        "report_sources": [r.source.value if r else None for r in (reports.summary, reports.performance,
                                                                  reports.questions, reports.delivery)],
        "score": reports.summary.overall_score if reports.summary else None,
        "status": session.status.value,
    }  # fmt: skip


def _terminal(home: str) -> dict[str, Any]:
    env = dict(os.environ, MOCKMATE_HOME=home)
    args = ["--job-title", TITLE, "--typed", "--engine", "offline", "--no-tts", "--type", "behavioural"]
    done = subprocess.run(
        [sys.executable, "-m", "mockmate_desktop", "interview", *args, "--jd-file", _jd_file(home)],
        cwd=REPO_ROOT,
        env=env,
        input="".join(f"{answer}\n\n" for answer in SCRIPT),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    session_id = UUID(next(x for x in done.stdout.splitlines() if x.startswith("Session ")).split()[1])
    from mockmate_desktop.core.paths import AppPaths
    from mockmate_desktop.storage.sqlite_store import SqliteStore

    store = SqliteStore.open(AppPaths.from_environment({"MOCKMATE_HOME": home}))
    try:
        return _stored_facts(store.get_session(session_id))
    finally:
        store.close()


def _jd_file(home: str) -> str:
    path = f"{home}-jd.txt"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(JD)
    return path


def test_terminal_and_window_store_the_same_interview(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    terminal = _terminal(str(tmp_path / "terminal-home"))

    window.go("setup")
    setup = window.setup
    setup.job_title.setText(TITLE)
    setup.job_description.setPlainText(JD)
    setup.interview_type.setCurrentIndex(setup.interview_type.findData(InterviewType.BEHAVIOURAL))
    setup.difficulty.setCurrentIndex(setup.difficulty.findData(Difficulty.INTERMEDIATE))
    setup.question_count.setValue(5)
    setup.typed_radio.setChecked(True)
    setup.engine.setCurrentIndex(setup.engine.findData(EngineChoice.OFFLINE))
    setup.start_button.click()
    controller = window.interview.controller
    page = window.interview
    with qtbot.waitSignal(window.report.loaded, timeout=180_000):
        for answer in SCRIPT:
            qtbot.waitUntil(
                lambda: controller.phase in (Phase.TYPING, Phase.REPORTING, Phase.DONE), timeout=60_000
            )
            if controller.phase is not Phase.TYPING:
                break
            with qtbot.waitSignal(controller.answer_saved, timeout=30_000):
                page.typed.setPlainText(answer)
                page.submit_button.click()
    assert controller.session is not None
    gui = _stored_facts(window.services.store.get_session(controller.session.id))

    assert gui["questions"] == terminal["questions"]
    assert gui["answers"] == terminal["answers"]
    assert gui["report_sources"] == terminal["report_sources"]
    assert (
        (gui["score"], gui["status"])
        == (terminal["score"], terminal["status"])
        == (gui["score"], "completed")
    )
    assert gui["config"] == terminal["config"]
    thin = next(i for i, a in enumerate(gui["answers"]) if a and a[0] == "I did my best.")
    assert gui["questions"][thin + 1][3]  # the thin answer got its follow-up, in both
