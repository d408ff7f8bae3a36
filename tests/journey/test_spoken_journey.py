"""A candidate who speaks their answers, on a real X display (Xvfb + openbox) with a real keyboard and mouse
(xdotool) and a microphone that hears real recorded speech (the PulseAudio virtual microphone):

first run -> setup (spoken answers, the default) -> three spoken answers, one with a 4 s thinking pause in the
middle that must not end it, ended by Space or the Stop button -> the report and every tab -> Export as PDF
(pdftotext reads it back) -> Home -> reopen the report. Screenshots of every step go to
build/journey-shots/<test>/.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.support.pulse import VirtualMic

from .conftest import StartApp
from .driver import AppUnderTest
from .test_person_journey import TITLE, _pdf_text, _save_as
from .voice import accept_answer, answer_wav, speak, words_shown_at

pytestmark = pytest.mark.slow

REPORT_TABS = ("Summary", "Performance Analysis", "Question by Question", "Delivery")


def _answer(
    app: AppUnderTest, mic: VirtualMic, wav: Path, number: int, *, stop: str, said: tuple[str, ...]
) -> dict[str, Any]:
    """Speak `wav`, end the answer with `stop` ("space" or "button"), and return the state once it is saved
    and the next question is being asked; `said`: words that must be in the saved transcript."""
    question = app.wait_state(interview_phase="listening", timeout=120)["interview_question"]
    saved_before = app.state()["answers_saved"]
    spoken = speak(app, mic, wav, shot=f"answer{number}-speaking", shot_at_word=said[-1].split()[0])
    # The whole clip played and the window still listens: no silence inside it ended the answer.
    assert spoken.phase_changes() == [], (
        f"answer {number} changed phase while spoken: {spoken.phase_changes()}"
    )
    words_shown_at(app, spoken)  # the words reach the screen before the candidate stops
    app.wait_state(interview_phase="listening")
    if stop == "space":
        app.key("space")
    else:
        app.click("interview.stop_button")
    state = accept_answer(app, saved_before, linger=number == 1)
    # The final transcript the candidate reviews (when the window has a review step) and the saved one.
    for final in (state.get("review_text"), state["last_answer"]):
        missing = [w for w in said if final is not None and w not in final.lower()]
        assert not missing, f"answer {number}: {missing} not in the final transcript {final!r}"
    app.wait_state(**{"interview_question!": question}, timeout=60)
    app.shot(f"answer{number}-next-question")
    return state


def test_three_spoken_answers_to_a_report(
    start_app: StartApp, microphone: VirtualMic, tmp_path: Path, record_property: Any
) -> None:
    app = start_app(env={**microphone.env, "MOCKMATE_WHISPER_MODEL": "tiny.en"})
    app.new_user_to_setup("Data Analyst")
    assert app.state()["active_window"] == TITLE
    app.wait_widget("setup.mic_check")  # spoken answers are the default: the microphone check shows
    app.shot("setup-spoken")
    app.key("Return")  # Enter in the job title starts
    app.wait_state(page="interview", interview_label="Q1 of 5", timeout=90)

    clips = tmp_path / "clips"
    clips.mkdir()
    _answer(app, microphone, answer_wav(clips, "a1", ("goforward",)), 1, stop="space", said=("forward",))
    # A thinking pause of 4 s between two sentences: the answer goes on, and what follows the pause is kept.
    paused = answer_wav(clips, "a2", ("librivox_0870", "librivox_0880"), gap_s=4.0)
    _answer(app, microphone, paused, 2, stop="space", said=("dashwood", "young man"))
    _answer(app, microphone, answer_wav(clips, "a3", ("librivox_0890",)), 3, stop="button", said=("selfish",))

    processes = app.ask({"op": "processes"})
    # Whisper runs in its child process (speech/whisper_process.py): none of its libraries in the window's.
    assert processes["whisper_libraries_loaded"] == [], processes
    assert any("whisper" in c["command"] for c in processes["children"]), processes

    app.click("interview.end_button")
    app.wait_state(modal="End the interview")
    app.key("alt+y")
    state = app.wait_state(page="report", report_tab="Summary", timeout=120)
    session_id = state["report_session"]
    app.wait_state(active_window=TITLE, modal=None)
    for tab in REPORT_TABS:
        app.click_tab("reportTabs", tab)
        app.wait_state(page="report", report_tab=tab)
        app.shot(f"report-{tab.lower().replace(' ', '-')}")

    pdf = tmp_path / "spoken.pdf"
    app.click("reportExport")
    app.click_menu_action("reportExportMenu", "export-pdf")
    _save_as(app, pdf)
    app.wait_state(**{"banner~": f"Exported to {pdf}"}, timeout=60)
    text = _pdf_text(pdf).lower()
    assert "interview report: data analyst" in text
    for words in ("go forward", "young man", "selfish"):
        assert words in text, f"{words!r} is not in the PDF"

    app.click("reportBack")
    app.wait_state(page="home", home_rows=1)
    banner = app.wait_widget("banner")  # "Exported to …": read, then dismissed with its button on the right
    app.x.click(banner["x"] + banner["w"] - 45, banner["y"] + banner["h"] // 2)
    app.wait_widget("banner", visible=False)
    app.shot("home")
    app.click_row("sessionsTable", 0, double=True)
    app.wait_state(page="report", report_session=session_id)
    app.shot("report-reopened")

    steps = {k: v for k, v in app.stalls_ms.items() if not k.startswith("01-")}
    record_property("event_loop_stall_ms_by_step", steps)
    print(f"spoken journey (load {os.getloadavg()[0]:.1f}): longest event-loop stall per step, ms")
    for step, stall in steps.items():
        print(f"  {step:32s} {stall:7.1f}")
    children = [f"{c['command'].split()[-1]} {c['peak_rss_mb']} MB" for c in processes["children"]]
    print(f"  peak RSS: window {processes['window_peak_rss_mb']} MB; children: {', '.join(children)}")
