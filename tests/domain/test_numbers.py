"""The one number formatter: English output exactly as the f-strings it replaced wrote it, French with a
decimal comma and a no-break space before %, Hindi (modern usage) like English."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain import numbers
from mockmate_desktop.domain.enums import Language

EN, HI, FR = Language.EN, Language.HI, Language.FR
NBSP = "\u00a0"


@pytest.mark.parametrize("value", [0.0, 0.04, 1.0, 4.55, 4.6, 6.95, 10.0, -0.99, 123.456])
@pytest.mark.parametrize("places", [0, 1, 2])
def test_english_and_hindi_are_byte_identical_to_the_f_strings_they_replace(
    value: float, places: int
) -> None:
    for language in (EN, HI):
        assert numbers.decimal(value, language, places) == f"{value:.{places}f}"
        assert numbers.general(value, language) == f"{value:g}"
        assert numbers.signed(value, language, places) == f"{value:+.{places}f}"
        assert numbers.share(value / 10, language) == f"{value / 10:.0%}"
        assert numbers.out_of(value, 10, language) == f"{value:g}/10"


def test_french_uses_a_decimal_comma() -> None:
    assert numbers.decimal(4.56, FR) == "4,6"
    assert numbers.decimal(5.0, FR) == "5,0"
    assert numbers.decimal(120.4, FR, 0) == "120"
    assert numbers.general(4.6, FR) == "4,6"
    assert numbers.general(10.0, FR) == "10"
    assert numbers.out_of(6.9, 10, FR) == "6,9/10"
    assert numbers.out_of(46, 100, FR) == "46/100"


def test_signed_keeps_its_sign_and_minus_as_today() -> None:
    assert numbers.signed(1.744, EN) == "+1.74"
    assert numbers.signed(-0.99, EN) == "-0.99"
    assert numbers.signed(1.744, FR) == "+1,74"
    assert numbers.signed(-0.99, FR) == "-0,99"
    assert numbers.signed(0.35, HI) == "+0.35"


def test_percent_has_one_form_per_language() -> None:
    assert numbers.percent(15, EN) == "15%"
    assert numbers.percent(15, HI) == "15%"
    assert numbers.percent(15, FR) == f"15{NBSP}%"
    assert numbers.percent(14.6, FR) == f"15{NBSP}%"
    assert numbers.share(0.61, EN) == "61%"
    assert numbers.share(0.61, FR) == f"61{NBSP}%"


def test_fill_localises_numeric_fields_and_leaves_text_alone() -> None:
    template = "p {p:.0%}, z {z:+.2f}, {s:g}/10, {q:.1f}, {n} of {quote}"
    values = {"p": 0.61, "z": -0.99, "s": 4.6, "q": 7.55, "n": 3, "quote": "2.5 % in 1.5 s"}
    assert numbers.fill(template, EN, **values) == template.format(**values)
    assert numbers.fill(template, HI, **values) == template.format(**values)
    assert numbers.fill(template, FR, **values) == f"p 61{NBSP}%, z -0,99, 4,6/10, 7,5, 3 of 2.5 % in 1.5 s"


def test_fill_takes_placeholders_named_like_its_own_parameters() -> None:
    assert numbers.fill("{template} {language}", FR, template="a", language=1.5) == "a 1,5"


def test_bool_is_not_a_number() -> None:
    assert numbers.fill("{flag}", FR, flag=True) == "True"
