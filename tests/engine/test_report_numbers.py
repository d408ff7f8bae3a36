"""One way of writing numbers per report language. A French report wrote "moyenne 4.6/10", "z +1.74" and
"15%" beside its own "50 %"; an English one said "Selection probability: 4%" above "Selection chance 4 %".
Now French writes "4,6/10" and "15\u00a0%", English and Hindi "4.6/10" and "15%", in the Markdown export and
the PDF's HTML alike. The candidate's own words and the model answers are text and are left out of the check.
"""

from __future__ import annotations

import html
import re

import pytest

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.domain.report_html import report_document
from mockmate_desktop.domain.report_text import render_markdown
from mockmate_desktop.domain.reports import ReportSet
from mockmate_desktop.services.reports import delivery_report
from tests.support.offline_sessions import answered_session
from tests.support.ui_sessions import delivery

# The figures in the answers are written the way each language writes them, so that they can only hide a
# wrong figure of the report's, never cause one; they are taken out before the checks all the same.
ANSWERS = {
    "fr": "Dans mon dernier poste, j'ai réduit la latence de notre API de 800 ms à 120 ms en ajoutant un cache "
    "Redis et en optimisant les requêtes PostgreSQL avec des index. J'ai mesuré avec des traces, puis j'ai "
    "déployé progressivement sur Kubernetes. Le taux d'erreur est passé de 2,5 % à 0,3 %.",
    "en": "In my last role I cut our API latency from 800 ms to 120 ms by adding a Redis cache and indexing "
    "PostgreSQL queries. I measured with traces, then rolled out gradually on Kubernetes. The error rate fell "
    "from 2.5% to 0.3%.",
    "hi": "मेरी पिछली नौकरी में मैंने Redis कैश जोड़कर और PostgreSQL क्वेरी में इंडेक्स लगाकर API की देरी 800 ms "
    "से 120 ms कर दी। फिर Kubernetes पर धीरे-धीरे डिप्लॉय किया। error rate 2.5% से 0.3% रह गया।",
}
NBSP = "\u00a0"
DECIMAL_POINT = re.compile(r"\d\.\d")
DECIMAL_COMMA = re.compile(r"\d,\d")
TIGHT_PERCENT = re.compile(r"\d%")
SPACED_PERCENT = re.compile(r"\d[ \u00a0\u202f]%")
PLAIN_SPACE_PERCENT = re.compile(r"\d %")


def reported(language: str) -> InterviewSession:
    """A finished spoken interview with all four reports, its answers timed (so the delivery figures,
    bands and per-answer feedback carry decimals too)."""
    session, engine = answered_session(
        {
            "job_title": "Backend engineer",
            "job_description": "Python, PostgreSQL, Redis, REST APIs, Kubernetes.",
            "language": language,
            "interview_type": "technical",
        },
        ANSWERS[language],
    )
    for answer in session.answers:
        answer.delivery = delivery(187.5, 7, 42.5)
    session.reports = ReportSet(
        summary=engine.summary_report(session),
        performance=engine.performance_report(session),
        questions=engine.questions_report(session),
        delivery=delivery_report(session),
    )
    return session


def _outside_quotes(text: str, session: InterviewSession) -> str:
    """The report without the candidate's words, quotes of them and the model answers."""
    answer = ANSWERS[session.config.language.value]
    for sentence in sorted([answer, *re.split(r"(?<=[.।])\s+", answer)], key=len, reverse=True):
        text = text.replace(sentence, " ")
    questions = session.reports.questions
    for item in questions.items if questions is not None else []:
        text = text.replace(item.model_answer, " ")
    # The figures the feedback lists from the answer ("Concrete figures (800, 120, 2.5%, 0.3%)") are quotes.
    for figure in re.findall(r"\d+(?:[.,]\d+)?\s?%?", answer):
        text = re.sub(rf"(?<![\d.,]){re.escape(figure)}(?!\d|[.,]\d)", " ", text)
    text = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"", " ", text)
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def _texts(session: InterviewSession) -> dict[str, str]:
    printed = html.unescape(re.sub(r"<[^>]+>", " ", report_document(session).html))
    return {"markdown": render_markdown(session), "pdf": printed}


def test_a_french_report_writes_decimal_commas_and_a_no_break_space_before_percent() -> None:
    session = reported("fr")
    for kind, text in _texts(session).items():
        shown = _outside_quotes(text, session)
        assert DECIMAL_POINT.findall(shown) == [], (kind, re.findall(r".{30}\d\.\d.{30}", shown))
        assert TIGHT_PERCENT.findall(shown) == [], (kind, re.findall(r".{30}\d%.{10}", shown))
        assert PLAIN_SPACE_PERCENT.findall(shown) == [], (kind, re.findall(r".{30}\d %.{10}", shown))
        # Not an empty check: the report does show decimals and percentages, French style.
        assert DECIMAL_COMMA.search(shown), kind
        assert f"{session.reports.summary.selection_probability}{NBSP}%" in shown, kind  # type: ignore[union-attr]


@pytest.mark.parametrize("language", ["en", "hi"])
def test_an_english_or_hindi_report_writes_percent_without_a_space(language: str) -> None:
    session = reported(language)
    for kind, text in _texts(session).items():
        shown = _outside_quotes(text, session)
        assert SPACED_PERCENT.findall(shown) == [], (kind, re.findall(r".{40}\d %.{10}", shown))
        assert DECIMAL_COMMA.findall(shown) == [], (kind, re.findall(r".{30}\d,\d.{30}", shown))
        assert DECIMAL_POINT.search(shown), kind
        assert f"{session.reports.summary.selection_probability}%" in shown, kind  # type: ignore[union-attr]


def test_the_english_report_names_its_selection_chance_one_way() -> None:
    """ "Selection probability: 4%" at the top and "Selection chance 4 % is an estimate" below it."""
    session = reported(Language.EN.value)
    summary = session.reports.summary
    assert summary is not None
    p = summary.selection_probability
    markdown = render_markdown(session)
    assert f"Selection probability: {p}% (" in markdown
    assert f"Selection chance {p}% is an estimate" in markdown
    assert "gives 50% at 60/100" in markdown and "kept between 1 and 99%." in markdown
