"""A Hindi or French report stays in its language from the title to the last line: the engine's sentences
were localised already; the small words around them (who made it, the kind of interview, the selection band,
"none noted", section names, competencies) now are too. English reports say exactly what they said before."""

from __future__ import annotations

import re

import pytest

from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.domain.report_html import report_document
from mockmate_desktop.domain.report_text import render_markdown
from mockmate_desktop.domain.reports import ReportSet
from tests.support.offline_sessions import answered_session

ANSWERS = {"en": "I don't know.", "fr": "Je ne sais pas.", "hi": "मुझे नहीं पता।"}
ENGLISH = re.compile(
    r"None noted|Not available|Offline engine|very low|\btechnical\b|\bintermediate\b|\bcompleted\b|"
    r"Approach|Complexity|STAR structure|words/min|technical knowledge|\bFrench\b|\bHindi\b"
)


def _session(language: str) -> InterviewSession:
    session, engine = answered_session(
        {
            "job_title": "Backend",
            "job_description": "Python, PostgreSQL, Redis",
            "language": language,
            "interview_type": "technical",
            "difficulty": "intermediate",
        },
        ANSWERS[language],
    )
    session.reports = ReportSet(
        summary=engine.summary_report(session),
        performance=engine.performance_report(session),
        questions=engine.questions_report(session),
    )
    return session


@pytest.mark.parametrize("language", ["fr", "hi"])
def test_a_hindi_or_french_report_has_no_english_words_around_its_sentences(language: str) -> None:
    session = _session(language)
    html = report_document(session).html
    markdown = render_markdown(session)
    for text in (html, markdown):
        assert ENGLISH.findall(text) == []
    assert ("Moteur hors ligne" if language == "fr" else "ऑफ़लाइन इंजन") in html


def test_an_english_report_keeps_its_words() -> None:
    session = _session("en")
    html = report_document(session).html
    for expected in (
        "technical · intermediate · English · completed",
        "Offline engine (heuristic)",
        "(very low)",
    ):
        assert expected in html, expected
    assert "None noted." in html


def test_a_french_markdown_report_sets_a_space_before_its_colons_and_english_keeps_none() -> None:
    """The French PDF and window already wrote "Produit par : …"; the Markdown export wrote "Note globale:"."""
    french = render_markdown(_session("fr"))
    assert "Note globale\u00a0: " in french and "Produit par\u00a0: " in french
    assert not re.search(r"\w: ", french.replace("http://", "").replace("https://", "")), re.findall(
        r".{20}\w: .{10}", french
    )
    english = render_markdown(_session("en"))
    assert "Overall score: " in english and "\u00a0:" not in english
