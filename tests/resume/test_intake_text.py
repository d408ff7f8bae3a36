"""Pasted text and .txt files: accepted in the usual encodings, refused clearly when they are not text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mockmate_desktop.resume.errors import ResumeError, ResumeErrorCode
from mockmate_desktop.resume.intake import ResumeIntake
from mockmate_desktop.storage.sqlite_store import SqliteStore

WriteFile = Callable[[str, bytes], Path]

TEXT = """Léa Martin
Data Analyst
lea.martin@example.fr · +33 6 98 76 54 32
Experience
Data Analyst, Société Générale 2020 - 2024
- Built Tableau dashboards and SQL reports for the risk team.
Skills
SQL, Tableau, Python, Excel
"""


def test_pasted_text(intake: ResumeIntake, store: SqliteStore) -> None:
    result = intake.ingest_text(TEXT)
    profile = result.profile
    assert profile.name == "Léa Martin" and profile.original_name == "Pasted text"
    assert {"SQL", "Tableau", "Python", "Excel"} <= set(profile.skills_technical)
    assert "lea.martin@example.fr" not in profile.text and "[email]" in profile.text
    assert profile.stored_path is not None and store.resolve(profile.stored_path).suffix == ".txt"
    assert intake.ingest_text(TEXT + "\n\n").reused  # the same text, tidied the same way


@pytest.mark.parametrize(
    ("encoding", "warned"), [("utf-8", False), ("utf-8-sig", False), ("utf-16", False), ("cp1252", True)]
)
def test_txt_encodings(encoding: str, warned: bool, intake: ResumeIntake, write_file: WriteFile) -> None:
    result = intake.ingest_file(write_file("cv.txt", TEXT.replace("·", "-").encode(encoding)))
    assert result.profile.name == "Léa Martin"
    assert any("Windows-1252" in w for w in result.warnings) is warned


def test_binary_renamed_txt(intake: ResumeIntake, write_file: WriteFile) -> None:
    with pytest.raises(ResumeError) as caught:
        intake.ingest_file(write_file("cv.txt", b"PK\x03\x04\x00\x00binary"))
    assert caught.value.code == ResumeErrorCode.NOT_TEXT


def test_other_file_types_are_refused(intake: ResumeIntake, write_file: WriteFile) -> None:
    with pytest.raises(ResumeError) as caught:
        intake.ingest_file(write_file("cv.docx", b"PK\x03\x04 a word document"))
    assert caught.value.code == ResumeErrorCode.UNSUPPORTED_TYPE and "PDF or .txt" in str(caught.value)


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\x00\x00"])
def test_empty_text(text: str, intake: ResumeIntake) -> None:
    with pytest.raises(ResumeError) as caught:
        intake.ingest_text(text)
    assert caught.value.code == ResumeErrorCode.EMPTY


def test_text_too_long(intake: ResumeIntake) -> None:
    with pytest.raises(ResumeError) as caught:
        intake.ingest_text("Python developer. " * 10_000)
    assert caught.value.code == ResumeErrorCode.TEXT_TOO_LONG and "characters" in str(caught.value)


def test_gemini_engine_without_key_is_a_clear_error(intake: ResumeIntake) -> None:
    with pytest.raises(ResumeError) as caught:
        intake.ingest_text(TEXT, engine="gemini")
    assert caught.value.code == ResumeErrorCode.ENGINE and "no Gemini API key" in str(caught.value)
