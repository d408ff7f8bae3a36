"""Hindi is drawn with the font the app ships, in the window and in an exported PDF, even on a machine with no
Devanagari font of its own (this CI machine has none: `fc-list` finds no Devanagari face)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtGui import QFontDatabase, QRawFont

from mockmate_desktop.domain.reports import ReportSet
from mockmate_desktop.ui.fonts import bundled_font_files, register_bundled_fonts
from mockmate_desktop.ui.report.pdf import pdf_bytes
from tests.support.offline_sessions import answered_session


def test_the_shipped_devanagari_font_is_registered_and_covers_hindi(qapp) -> None:  # type: ignore[no-untyped-def]
    assert bundled_font_files(), "the font package is a dependency of the app"
    families = register_bundled_fonts()
    assert "Noto Sans Devanagari" in families
    assert "Noto Sans Devanagari" in QFontDatabase.families()
    assert QFontDatabase.WritingSystem.Devanagari in QFontDatabase.writingSystems("Noto Sans Devanagari")
    raw = QRawFont(str(bundled_font_files()[0]), 12)
    assert all(raw.supportsCharacter(ord(ch)) for ch in "नमस्ते इंटरव्यू")


def test_a_hindi_report_exports_with_the_devanagari_font_embedded(qapp) -> None:  # type: ignore[no-untyped-def]
    session, engine = answered_session(
        {"job_title": "Backend", "job_description": "Python", "language": "hi"}, "मुझे नहीं पता।"
    )
    session.reports = ReportSet(
        summary=engine.summary_report(session), questions=engine.questions_report(session)
    )
    reader = PdfReader(io.BytesIO(pdf_bytes(session)))
    fonts = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("NotoSansDevanagari" in name for name in fonts), fonts
