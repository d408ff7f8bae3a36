"""A Hindi interview's report reads in Hindi in the window and the PDF: headings, the delivery table and its
guidance notes (English under Hindi headings before), the date, around the engine's Hindi sentences.

Seen on a real display (tests/journey/test_hindi_journey.py); English technical words in Latin script
("filler", "heuristic") are how Indian offices say them and are allowed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from mockmate_desktop.domain.enums import Language, Source
from mockmate_desktop.domain.interview import InterviewSession
from mockmate_desktop.domain.report_html import report_document
from mockmate_desktop.domain.report_text import render_markdown
from mockmate_desktop.ui.fonts import register_bundled_fonts
from tests.support.report_english import ENGLISH_HEADINGS, english_left
from tests.support.ui_sessions import complete_session, session_in

# The English guidance notes' words, none of which belongs in a Hindi report.
ENGLISH_NOTES = ("rough guide", "spontaneous speech", "typical of conversation", "lost thread", "undersell")


def hindi_session() -> InterviewSession:
    return session_in(Language.HI, "डेटा एनालिस्ट")


def _english_left(text: str) -> list[str]:
    return english_left(text, (*ENGLISH_HEADINGS, *ENGLISH_NOTES))


def test_the_delivery_tab_of_a_hindi_report_is_in_hindi(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    session = hindi_session()
    window.services.store.save_session(session)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    page = window.report
    assert page.title.text() == "डेटा एनालिस्ट — 20 नवंबर 2026"
    delivery = page.delivery
    headers = [delivery.table.horizontalHeaderItem(c).text() for c in range(delivery.table.columnCount())]
    assert headers[:3] == ["उत्तर", "अवधि", "शब्द/मिनट"]
    assert delivery.table.item(0, 0).text() == "पूरा इंटरव्यू"
    text = delivery.text.toPlainText()
    assert "मार्गदर्शन (सीमाएँ, फ़ैसले नहीं)" in text
    assert "हिंदी की बोलने की गति का कोई प्रकाशित मानक नहीं है" in text
    assert "MockMate का अपना अनुमान" in text
    shown = " ".join(
        [page.title.text(), *headers, delivery.text.toPlainText(), page.summary.text.toPlainText()]
    )
    assert not _english_left(shown), _english_left(shown)


def test_the_printed_hindi_report_has_hindi_guidance() -> None:
    printed = html.unescape(report_document(hindi_session()).html)
    for words in ("20 नवंबर 2026", "पूरा इंटरव्यू", "मार्गदर्शन", "बात का सिरा छूट गया", "कुल स्कोर: "):
        assert words in printed, words
    assert not _english_left(printed), _english_left(printed)


def test_the_hindi_markdown_export_words_its_delivery_in_hindi() -> None:
    # It listed "words_per_minute: 100–165 wpm" and "गति: 120 wpm" under the Hindi notes.
    markdown = render_markdown(hindi_session())
    delivery = markdown.split("## प्रस्तुति", 1)[1]
    assert "गति: 120 शब्द/मिनट" in delivery
    assert "- गति: 100-165 शब्द/मिनट. हिंदी की बोलने की गति" in delivery
    assert "- लंबे ठहराव: अधिकतम 2 ठहराव (2 सेकंड या उससे लंबे)." in delivery
    for english in ("wpm ·", "words_per_minute", "per minute", "per answer", "pauses of"):
        assert english not in delivery, english


def test_the_english_markdown_export_words_its_bands_as_the_window_does() -> None:
    # English listed the bands as "Fillers: –5 per min" (for "at most 5"); it now words them as every language.
    markdown = render_markdown(complete_session(Source.OFFLINE))
    assert "Pace: 120 wpm" in markdown
    assert "- Pace: 100-165 words/min. Conversational pace. (Speech-rate studies)" in markdown
    assert "- Fillers: at most 5 per min. A few are natural." in markdown


QUESTIONS = (
    "मान लीजिए आपको एहसास होता है कि आपके नेतृत्व वाला project अपनी deadline से दो हफ़्ते पीछे रहेगा। आप क्या करेंगे?",
    "ऐसी workplace के बारे में बताइए जहाँ आपने अपना सबसे अच्छा काम किया। वहाँ आपके लिए क्या अच्छा था?",
    "पिछले हफ़्ते किसी key metric में गिरावट क्यों आई, इसका analysis आप कैसे करेंगे?",
)


def test_hindi_question_rows_are_tall_enough_for_their_wrapped_lines(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    # Rows were sized with the Latin font's line height: one was cut to a line with "…", the next drawn over
    # its neighbour. Each row must hold its label and question as the Devanagari font wraps them.
    assert "Noto Sans Devanagari" in register_bundled_fonts()
    session = hindi_session()
    assert session.reports.questions is not None
    items = session.reports.questions.items
    for question, item, text in zip(session.questions[: len(items)], items, QUESTIONS, strict=True):
        question.text = item.question = text
    window.resize(1180, 760)
    window.services.store.save_session(session)
    with qtbot.waitSignal(window.report.loaded, timeout=10_000):
        window.open_report(session.id)
    rows = window.report.questions.list
    metrics = QFontMetrics(QFont("Noto Sans Devanagari", rows.font().pointSize()))
    width = rows.viewport().width() - 8  # the item's text margins
    for row in range(rows.count()):
        text = rows.item(row).text()
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
        assert rows.visualItemRect(rows.item(row)).height() >= needed, (row, text)
