"""What the French and Hindi journeys share: the keyboard layout a user of that language types with, and the
report page's words read part by part, checked for English headings left behind."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from tests.ui.test_report_french import ENGLISH_HEADINGS

from .driver import AppUnderTest
from .xsession import XSession

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
        name: found for name, text in texts.items() if (found := [h for h in ENGLISH_HEADINGS if h in text])
    }
