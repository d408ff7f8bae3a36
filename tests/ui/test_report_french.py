"""A French interview's report reads in French in the window and the PDF: headings, labels, charts, the
delivery table and its guidance, the date, around the engine's French sentences.

Seen on a real display (tests/journey/test_french_journey.py): French feedback under "Top strengths",
"Category scores", "Guidance (ranges, not verdicts)", "Whole interview", "Made by: Offline engine
(heuristic)" and "02 Dec 2026", while the line above the tabs said "Moteur hors ligne : ...".
"""

from __future__ import annotations

import html
import re

from mockmate_desktop.domain.enums import Language, Source
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.domain.report_html import report_document
from mockmate_desktop.domain.report_text import render_markdown
from tests.support.report_english import english_left
from tests.support.ui_sessions import complete_session, session_in

NBSP = "\u00a0"


def french_session() -> InterviewSession:
    return session_in(Language.FR, "Analyste de données")


def test_every_tab_of_a_french_report_is_headed_in_french(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    session = french_session()
    window.services.store.save_session(session)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    page = window.report
    assert page.title.text() == "Analyste de données — 20 nov. 2026"

    summary = page.summary
    assert summary.gauge.caption == "Note globale"
    assert summary.probability_label.text() == f"Probabilité de sélection{NBSP}: 62{NBSP}% (élevée)"
    assert summary.source_label.text().startswith(f"Produit par{NBSP}: Moteur hors ligne (heuristique)")
    text = summary.text.toPlainText()
    assert "En bref" in text and "Principaux points forts" in text and "Principaux points à améliorer" in text

    performance = page.performance
    assert performance.chart is not None and performance.chart.chart().title() == "Notes par catégorie (0-10)"
    text = performance.text.toPlainText()
    for heading in ("Notes par catégorie", "Connaissances techniques", "Compétences solides", "Lacunes"):
        assert heading in text, heading

    delivery = page.delivery
    headers = [delivery.table.horizontalHeaderItem(c).text() for c in range(delivery.table.columnCount())]
    assert headers[:3] == ["Réponse", "Durée", "Mots/min"]
    assert delivery.table.item(0, 0).text() == "Tout l'entretien"
    text = delivery.text.toPlainText()  # Qt gives a non-breaking space back as a plain one
    assert "Repères (des plages, pas des verdicts)" in text and "Débit : 100-165 mots/min." in text
    assert "Le français se dit avec plus de syllabes" in text

    assert page.questions.answer_title.text() == f"Q1{NBSP}: votre réponse"
    shown = " ".join(
        [page.title.text(), summary.probability_label.text(), summary.source_label.text(), *headers]
        + [w.toPlainText() for w in (summary.text, performance.text, delivery.text, page.questions.detail)]
    )
    assert not english_left(shown), english_left(shown)


def test_the_printed_french_report_has_no_english_headings() -> None:
    document = report_document(french_session())
    printed = html.unescape(document.html)
    assert document.title == f"Rapport d'entretien{NBSP}: Analyste de données"
    titles = {chart.key: chart.title for chart in document.charts}
    assert titles == {
        "chart-categories": "Notes par catégorie (0-10)",
        "chart-pace": "Débit (mots par minute)",
        "chart-fillers": "Mots de remplissage par minute",
    }
    assert document.charts[0].labels[1] == "Connaissances techniques"
    for words in ("20 nov. 2026", "Tout l'entretien", "Repères", "Durée", f"Note globale{NBSP}:"):
        assert words in printed, words
    assert not english_left(printed), english_left(printed)


def test_an_english_report_keeps_its_words() -> None:
    document = report_document(complete_session(Source.OFFLINE))
    assert document.title == "Interview report: Backend Engineer"
    for words in (
        "20 Nov 2026",
        "Whole interview",
        "Guidance (ranges, not verdicts)",
        "Category scores (0-10)",
    ):
        assert words in document.html or words in {c.title for c in document.charts}, words


def test_the_french_markdown_export_sets_a_space_before_every_colon() -> None:
    # The STAR line and the per-answer delivery lines still wrote "STAR: " and "- Q1: ".
    markdown = render_markdown(french_session())
    assert f"STAR{NBSP}: " in markdown and f"- Q1{NBSP}: " in markdown
    assert not re.search(r"\w: ", markdown), re.findall(r".{15}\w: .{10}", markdown)


def test_a_french_report_quotes_the_candidate_in_french_quotation_marks(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    # The engine's French sentences quote with « », but the exports and the performance tab put the same
    # words between English marks: '> "…"' in Markdown, “…” in the PDF and the window.
    session = french_session()
    markdown = render_markdown(session)
    printed = html.unescape(report_document(session).html)
    assert f"> «{NBSP}" in markdown and '> "' not in markdown
    assert f"«{NBSP}" in printed and "“" not in printed
    window.services.store.save_session(session)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    performance = window.report.performance.text.toPlainText()
    assert "« I profiled it »" in performance.replace(NBSP, " ") and "“" not in performance
    english = render_markdown(complete_session(Source.OFFLINE))
    assert '> "' in english and "«" not in english
