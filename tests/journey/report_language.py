"""What the French and Hindi journeys share: the keyboard layout a user of that language types with; the
report page's words read part by part, checked for English headings left behind; and the report walked as a
person does it: every tab, every question's row, the PDF export, Home and back."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tests.support.report_english import english_left

from .driver import AppUnderTest
from .test_person_journey import TITLE, _save_as
from .xsession import XSession

REPORT_TABS = ("Summary", "Performance Analysis", "Question by Question", "Delivery")
# The report page's parts that hold words (labels and the tabs' text).
REPORT_PARTS = (
    "report.title",
    "report.provenance",
    "report.summary.probability_label",
    "report.summary.source_label",
    "report.summary.text",
    "report.performance.text",
    "report.delivery.text",
    "report.questions.answer_title",
    "report.questions.detail",
)


@contextmanager
def keyboard_layout(x_display: XSession, *setxkbmap_args: str) -> Iterator[None]:
    """The X keyboard set with `setxkbmap ARGS` for the block, and the layout before it restored after."""
    before = x_display.run("setxkbmap", "-query")
    layout = next((line.split()[-1] for line in before.splitlines() if line.startswith("layout:")), "us")
    x_display.run("setxkbmap", *setxkbmap_args)
    try:
        yield
    finally:
        x_display.run("setxkbmap", "-layout", layout)


def squashed(text: str) -> str:
    """Without spaces and hyphens: the PDF breaks lines anywhere, and pdftotext joins "vous-" + "même"."""
    return re.sub(r"[\s\-‐]", "", text)


def report_texts(app: AppUnderTest) -> dict[str, str]:
    """What the report page shows in words, part by part."""
    return {name: app.widget(name)["text"] for name in REPORT_PARTS}


def english_in(texts: dict[str, str]) -> dict[str, list[str]]:
    """The English report headings found in each text (none belongs in a French or Hindi report)."""
    return {
        name: found for name, text in texts.items() if (found := english_left(text))
    }


def walk_report_tabs(app: AppUnderTest) -> tuple[str, dict[str, str]]:
    """The report that opened by itself after the interview, and stays: every tab by a real click, nothing
    jumps to Home, no English heading anywhere. (The session's id, what the report page shows.)"""
    state = app.wait_state(page="report", report_tab="Summary", timeout=180)
    app.wait_state(active_window=TITLE, modal=None)
    assert app.state()["page"] == "report"
    for tab in REPORT_TABS:
        app.click_tab("reportTabs", tab)
        app.wait_state(page="report", report_tab=tab)
        app.shot(f"report-{tab.lower().replace(' ', '-')}")
    texts = report_texts(app)
    assert not english_in(texts), english_in(texts)
    return state["report_session"], texts


def walk_question_rows(app: AppUnderTest, numbers: Sequence[str], answer_title: str, model_answer: str) -> None:
    """Each question's feedback, by clicking its row: headed "<number><answer_title>", with the model answer's
    heading and no English heading under every one."""
    app.click_tab("reportTabs", "Question by Question")
    app.wait_state(page="report", report_tab="Question by Question")
    for row, number in enumerate(numbers):
        app.click_row("questionList", row)
        # The row's click shows its feedback at once (on the click's event-loop pass).
        title = app.wait_widget("report.questions.answer_title", text=f"{number}{answer_title}")
        detail = app.widget("questionDetail")["text"]
        assert detail.startswith(number) and model_answer in detail, (title, detail)
        assert not english_in({"detail": detail}), english_in({"detail": detail})
        if row in (0, 2):
            app.shot(f"report-question-row{row + 1}")
    assert app.state()["page"] == "report"


def export_pdf(app: AppUnderTest, pdf: Path) -> None:
    """The report exported as a PDF to `pdf` through the Export menu and the save dialog."""
    pdf.unlink(missing_ok=True)
    app.click("reportExport")
    app.click_menu_action("reportExportMenu", "export-pdf")
    _save_as(app, pdf)
    app.wait_state(**{"banner~": f"Exported to {pdf}"}, timeout=60)
    app.shot("exported-pdf")
    assert pdf.stat().st_size > 0


def home_and_back(app: AppUnderTest, session_id: str) -> None:
    """Home, then the report again with a double click on its row."""
    app.click("reportBack")
    app.wait_state(page="home", home_rows=1)
    app.shot("home")
    app.click_row("sessionsTable", 0, double=True)
    app.wait_state(page="report", report_session=session_id)
    app.wait_state(active_window=TITLE, modal=None)
    assert app.state()["page"] == "report"
    app.shot("report-reopened")
