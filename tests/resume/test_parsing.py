"""The local parser: sections, name, contact detection and redaction, structured parts."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.resume_parsing import (
    find_contact,
    normalise_text,
    parse_resume,
    redact_contact,
    split_sections,
)

RESUME = """Priya Nair
Product Designer

priya.nair@example.com | (020) 7946 0018 | linkedin.com/in/priyanair | www.priya.design

PROFILE
Designer with 5 years of experience in fintech and health.

WORK EXPERIENCE
Senior Product Designer at Monzo    Jan 2021 - Present
• Led the redesign of onboarding in Figma; completion rose 18%.
• Ran usability testing with 40 customers every quarter.
Product Designer | Babylon Health | 2018 – 2020
• Built the design system used by 6 squads.

EDUCATION
MA Interaction Design
Royal College of Art
2016 - 2018

SKILLS
Figma, Prototyping, User research, Design systems
Soft skills: Facilitation, Storytelling

CERTIFICATIONS
Google UX Design Certificate

PROJECTS
Bloom: A habit tracker prototyped in Figma and tested with 12 users.

AWARDS
Red Dot Award 2022

LANGUAGES
English, Hindi, Malayalam
"""


def test_sections_in_order() -> None:
    names = [s.name for s in split_sections(RESUME)]
    assert names == [
        "Header", "Summary", "Experience", "Education", "Skills", "Certifications", "Projects", "Awards",
        "Languages",
    ]  # fmt: skip


def test_structured_fields() -> None:
    parsed = parse_resume(RESUME)
    assert parsed.name == "Priya Nair" and parsed.headline == "Product Designer"
    assert parsed.summary.startswith("Designer with 5 years")
    first, second = parsed.experience
    assert (first.title, first.organisation, first.period) == (
        "Senior Product Designer",
        "Monzo",
        "Jan 2021 - Present",
    )
    assert len(first.highlights) == 2 and "Figma" in first.highlights[0]
    assert (second.title, second.organisation, second.period) == (
        "Product Designer",
        "Babylon Health",
        "2018 – 2020",
    )
    (education,) = parsed.education
    assert education.qualification == "MA Interaction Design"
    assert education.institution == "Royal College of Art" and education.period == "2016 - 2018"
    assert {"Figma", "Prototyping", "User research", "Design systems"} <= set(parsed.skills_technical)
    assert {"Facilitation", "Storytelling"} <= set(parsed.skills_soft)
    assert "Usability testing" in parsed.skills_technical  # shown in use in Experience
    assert parsed.certifications == ["Google UX Design Certificate"]
    assert parsed.projects[0].name == "Bloom" and "Figma" in parsed.projects[0].technologies
    assert parsed.awards == ["Red Dot Award 2022"]
    assert parsed.languages == ["English", "Hindi", "Malayalam"]


def test_contact_is_found_and_redacted() -> None:
    contact = find_contact(RESUME)
    assert contact.emails == ["priya.nair@example.com"]
    assert contact.phones == ["(020) 7946 0018"]
    assert "linkedin.com/in/priyanair" in contact.urls and "www.priya.design" in contact.urls
    redacted = redact_contact(RESUME)
    for secret in ("priya.nair@example.com", "7946", "linkedin.com", "priya.design"):
        assert secret not in redacted
    assert "[email]" in redacted and "[phone]" in redacted and "[link]" in redacted
    assert "Jan 2021 - Present" in redacted and "2016 - 2018" in redacted  # dates are not phone numbers
    assert parse_resume(RESUME).model_dump_json().count("example.com") == 0


@pytest.mark.parametrize(
    "phone", ["+44 7700 900123", "+1 (415) 555-0132", "+91 98765 43210", "07700 900 123", "+33 6 12 34 56 78"]
)
def test_phone_formats(phone: str) -> None:
    assert "[phone]" in redact_contact(f"Call {phone} today")


@pytest.mark.parametrize(
    "text", ["2014 - 2018", "2019–2024", "served 2,000,000 requests", "version 3.11.4", "ASP.NET and Node.js"]
)
def test_not_contact(text: str) -> None:
    assert redact_contact(text) == text


def test_normalise_folds_ligatures_and_controls() -> None:
    assert normalise_text("ﬁnance\x00 \x07data\r\nnext") == "finance data\nnext"


def test_no_sections_still_gives_skills() -> None:
    parsed = parse_resume("Sam Lee\nI build React apps in TypeScript and deploy them on AWS.")
    assert parsed.name == "Sam Lee"
    assert {"React", "TypeScript", "AWS"} <= set(parsed.skills_technical)


def test_empty_text() -> None:
    parsed = parse_resume("")
    assert parsed.name == "" and parsed.experience == [] and parsed.skills_technical == []


def test_other_common_layouts() -> None:
    parsed = parse_resume(
        "JOHN O'CONNOR\nMarketing Manager | Dublin\n\nPROFESSIONAL EXPERIENCE:\nMarketing Manager\n"
        "Acme Foods Ltd.\n03/2019 – 05/2023\n* Grew organic traffic 3x through SEO.\n\n"
        "Data Scientist — Zalando, Berlin (2020 – present)\n- Built forecasting with XGBoost.\n\n"
        "KEY SKILLS:\nSEO • SEM • HubSpot • Google Analytics\n"
    )
    assert parsed.name == "John O'Connor"
    first, second = parsed.experience
    assert (first.title, first.organisation, first.period) == (
        "Marketing Manager",
        "Acme Foods Ltd.",
        "03/2019 – 05/2023",
    )
    assert (second.title, second.organisation, second.period) == (
        "Data Scientist",
        "Zalando, Berlin",
        "2020 – present",
    )
    assert parsed.skills_technical[:4] == ["SEO", "SEM", "HubSpot", "Google Analytics"]
