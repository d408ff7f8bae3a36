"""The report's date in each language's own form."""

from __future__ import annotations

from datetime import datetime

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.report_headings import short_date

DAY = datetime(2026, 12, 2, 10, 0)


def test_english_keeps_its_form_and_french_and_hindi_drop_the_leading_zero() -> None:
    assert short_date(DAY, Language.EN) == "02 Dec 2026"
    assert short_date(DAY, Language.FR) == "2 déc. 2026"
    assert short_date(DAY, Language.HI) == "2 दिसंबर 2026"
    assert short_date(datetime(2026, 11, 24), Language.FR) == "24 nov. 2026"
