"""Intake of real PDFs made in the tests: layouts that work, and every kind of bad file, each refused clearly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mockmate_desktop.core.helper_process import ROLE_VARIABLE, helper_command
from mockmate_desktop.domain.enums import Source
from mockmate_desktop.resume.errors import ResumeError, ResumeErrorCode
from mockmate_desktop.resume.intake import ResumeIntake
from mockmate_desktop.resume.limits import IntakeLimits
from mockmate_desktop.resume.pdf_text import read_pdf_text
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.conftest import REPO_ROOT
from tests.support import pdfs

WriteFile = Callable[[str, bytes], Path]


def _refusal(intake: ResumeIntake, path: Path, **kwargs: object) -> ResumeError:
    with pytest.raises(ResumeError) as caught:
        intake.ingest_file(path, **kwargs)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize(
    "builder", [pdfs.single_column_resume, pdfs.two_column_resume, pdfs.skills_table_resume]
)
def test_layouts_give_the_same_profile(
    builder: Callable[[], bytes], intake: ResumeIntake, write_file: WriteFile
) -> None:
    result = intake.ingest_file(write_file("cv.pdf", builder()))
    profile = result.profile
    assert profile.source == Source.OFFLINE and profile.name == "Asha Verma"
    assert {"Python", "Kubernetes", "PostgreSQL", "Docker", "AWS"} <= set(profile.skills_technical)
    assert profile.experience and profile.experience[0].title == "Senior Backend Engineer"
    assert profile.experience[0].organisation == "Northwind Analytics"
    # contact details never reach the stored profile
    dumped = profile.model_dump_json()
    assert pdfs.EMAIL not in dumped and "7700 900123" not in dumped and "github.com/ashaverma" not in dumped


@pytest.mark.parametrize("row_by_row", [False, True])
def test_two_column_sections_are_not_mixed(
    row_by_row: bool, intake: ResumeIntake, write_file: WriteFile
) -> None:
    # Drawn row by row, the file's own text order alternates columns (pypdf's plain mode reads "Summary"
    # right after the name); layout mode plus the gutter split restores the reading order.
    profile = intake.ingest_file(write_file("cv.pdf", pdfs.two_column_resume(row_by_row=row_by_row))).profile
    assert len(profile.experience) == 2
    assert profile.experience[0].highlights[0].endswith("serving 2M requests a day.")
    assert profile.education[0].institution == "University of Leeds"
    assert profile.certifications == pdfs.CERTIFICATIONS
    assert "Stakeholder management" in profile.skills_soft


def test_plain_mode_would_mix_row_by_row_columns() -> None:
    """Why layout mode: the measurement that decided it, kept as a test."""
    import io

    from pypdf import PdfReader

    plain = PdfReader(io.BytesIO(pdfs.two_column_resume(row_by_row=True))).pages[0].extract_text()
    assert plain.split("\n")[:2] == ["Asha Verma", "Summary"]
    ours = read_pdf_text(pdfs.two_column_resume(row_by_row=True)).text.split("\n")
    assert ours[:4] == ["Asha Verma", pdfs.EMAIL, pdfs.PHONE, "Skills"]


def test_skills_table_rows_stay_together() -> None:
    text = read_pdf_text(pdfs.skills_table_resume()).text
    assert "Platforms | Kubernetes, Docker, AWS | 4" in text


def test_unicode_and_ligatures(intake: ResumeIntake, write_file: WriteFile) -> None:
    profile = intake.ingest_file(write_file("josé-ñúñez-履歴書.pdf", pdfs.unicode_resume())).profile
    assert profile.name == "José Ñúñez-Zoë"
    assert "financial dashboards" in profile.text  # the 'ﬁ' ligature is folded by NFKC
    assert {"Python", "Kubernetes", "Power BI"} <= set(profile.skills_technical)
    assert "Русский" in profile.languages and "français" in profile.languages
    assert "jose.nunez@example.org" not in profile.text and "56 78" not in profile.text
    assert profile.original_name == "josé-ñúñez-履歴書.pdf"


def test_same_file_is_processed_once(intake: ResumeIntake, store: SqliteStore, write_file: WriteFile) -> None:
    data = pdfs.single_column_resume()
    first = intake.ingest_file(write_file("a.pdf", data))
    second = intake.ingest_file(write_file("renamed copy.pdf", data))
    assert not first.reused and second.reused
    assert second.profile.id == first.profile.id and second.profile.original_name == "a.pdf"
    assert len(store.list_resumes()) == 1
    assert len(list(store.paths.resumes_dir.iterdir())) == 1


def test_original_is_kept_privately_under_a_generated_name(
    intake: ResumeIntake, store: SqliteStore, write_file: WriteFile
) -> None:
    data = pdfs.single_column_resume()
    profile = intake.ingest_file(write_file("my resume.pdf", data)).profile
    assert profile.stored_path is not None
    kept = store.resolve(profile.stored_path)
    assert kept.parent == store.paths.resumes_dir and kept.read_bytes() == data
    assert "my resume" not in kept.name and kept.suffix == ".pdf"
    assert os.stat(kept).st_mode & 0o777 == 0o600
    assert store.find_resume_by_sha256(profile.file_sha256) is not None


@pytest.mark.parametrize(
    "name",
    [
        "..%2F..%2Fetc%2Fpasswd.pdf",
        "名前 résumé 🚀.pdf",
        ("x" * 240) + ".pdf",
        "-rf --no-preserve-root.pdf",
        "evil\u202egpj.pdf",
    ],
)
def test_hostile_file_names(
    name: str, intake: ResumeIntake, store: SqliteStore, write_file: WriteFile
) -> None:
    profile = intake.ingest_file(write_file(name, pdfs.single_column_resume())).profile
    assert profile.stored_path is not None
    kept = store.resolve(profile.stored_path)
    assert kept.parent == store.paths.resumes_dir
    assert len(kept.stem) == 32 and all(c in "0123456789abcdef" for c in kept.stem)
    assert "/" not in profile.original_name and len(profile.original_name) <= 120
    assert "\u202e" not in profile.original_name


def test_display_name_drops_folders() -> None:
    from mockmate_desktop.resume.sources import display_name

    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("..\\..\\Windows\\evil.pdf") == "evil.pdf"
    assert display_name("\x00\x01") == "resume"


def test_zero_bytes(intake: ResumeIntake, write_file: WriteFile) -> None:
    error = _refusal(intake, write_file("empty.pdf", b""))
    assert error.code == ResumeErrorCode.EMPTY and "empty" in str(error)


def test_truncated(intake: ResumeIntake, write_file: WriteFile) -> None:
    error = _refusal(intake, write_file("cut.pdf", pdfs.truncated_pdf()))
    assert error.code == ResumeErrorCode.TRUNCATED and "incomplete" in str(error)


@pytest.mark.parametrize("builder", [pdfs.corrupt_pdf, pdfs.scrambled_pdf])
def test_corrupt(builder: Callable[[], bytes], intake: ResumeIntake, write_file: WriteFile) -> None:
    error = _refusal(intake, write_file("bad.pdf", builder()))
    assert error.code == ResumeErrorCode.CORRUPT and "damaged" in str(error)


def test_png_renamed_pdf(intake: ResumeIntake, write_file: WriteFile) -> None:
    error = _refusal(intake, write_file("photo.pdf", pdfs.not_a_pdf()))
    assert error.code == ResumeErrorCode.NOT_PDF and "not a PDF" in str(error)


def test_encrypted_needs_its_password(intake: ResumeIntake, write_file: WriteFile) -> None:
    path = write_file("locked.pdf", pdfs.encrypted_pdf(user_password="s3cret"))
    error = _refusal(intake, path)
    assert error.code == ResumeErrorCode.PASSWORD_REQUIRED and error.needs_password
    assert "password" in str(error)
    wrong = _refusal(intake, path, password="guess")
    assert wrong.code == ResumeErrorCode.PASSWORD_WRONG and wrong.needs_password
    profile = intake.ingest_file(path, password="s3cret").profile
    assert profile.name == "Asha Verma" and "Kubernetes" in profile.skills_technical


def test_encrypted_with_empty_user_password_opens_without_asking(
    intake: ResumeIntake, write_file: WriteFile
) -> None:
    profile = intake.ingest_file(write_file("restricted.pdf", pdfs.encrypted_pdf(user_password=""))).profile
    assert profile.name == "Asha Verma"


def test_too_large_is_refused_before_reading(intake: ResumeIntake, tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)  # sparse: nothing is written or read
    error = _refusal(intake, path)
    assert error.code == ResumeErrorCode.TOO_LARGE and "10 MB" in str(error)


def test_hundreds_of_pages(intake: ResumeIntake, write_file: WriteFile) -> None:
    error = _refusal(intake, write_file("book.pdf", pdfs.many_pages_pdf(300)))
    assert error.code == ResumeErrorCode.TOO_MANY_PAGES and "300 pages" in str(error)


def test_thirty_pages_are_accepted(intake: ResumeIntake, write_file: WriteFile) -> None:
    result = intake.ingest_file(write_file("long.pdf", pdfs.many_pages_pdf(30)))
    assert "Page 30:" in result.text


def test_image_only_offline_says_paste_the_text(intake: ResumeIntake, write_file: WriteFile) -> None:
    error = _refusal(intake, write_file("scan.pdf", pdfs.image_only_pdf()))
    assert error.code == ResumeErrorCode.NO_TEXT_LAYER
    assert "no text layer" in str(error) and "Paste the text" in str(error)


def test_parsing_is_time_bounded(write_file: WriteFile) -> None:
    limits = IntakeLimits(parse_timeout_s=0.05)  # less than a Python start: always trips
    started = time.monotonic()
    with pytest.raises(ResumeError) as caught:
        read_pdf_text(pdfs.single_column_resume(), limits=limits)
    assert caught.value.code == ResumeErrorCode.TIMEOUT and "stopped" in str(caught.value)
    assert time.monotonic() - started < 5


def test_decompression_bomb_does_not_hang_or_crash(intake: ResumeIntake, write_file: WriteFile) -> None:
    started = time.monotonic()
    error = _refusal(intake, write_file("bomb.pdf", pdfs.decompression_bomb_pdf()))
    assert error.code in {ResumeErrorCode.NO_TEXT_LAYER, ResumeErrorCode.TOO_COMPLEX, ResumeErrorCode.CORRUPT}
    assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    ("builder", "code"),
    [
        (pdfs.cyclic_page_tree_pdf, ResumeErrorCode.CORRUPT),
        (pdfs.self_referencing_form_pdf, ResumeErrorCode.NO_TEXT_LAYER),
    ],
)
def test_pathological_structures_end_with_a_clear_refusal(
    builder: Callable[[], bytes], code: ResumeErrorCode, intake: ResumeIntake, write_file: WriteFile
) -> None:
    started = time.monotonic()
    error = _refusal(intake, write_file("odd.pdf", builder()))
    assert error.code == code and time.monotonic() - started < 30


def test_frozen_builds_start_the_reader_as_their_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    # A PyInstaller build has no `python -m`: it runs its own executable again with the role in the environment.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert helper_command("pdf-worker") == ([sys.executable], {ROLE_VARIABLE: "pdf-worker"})


def test_the_role_entry_point_reads_a_pdf_in_a_child_process() -> None:
    # The frozen executable's own entry script, run for the role: the same child, with the same limits.
    header = json.dumps({"password": None, "max_pages": 30, "memory_bytes": 0}).encode() + b"\n"
    child = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "entry.py")],
        input=header + pdfs.single_column_resume(),
        capture_output=True,
        env={**os.environ, ROLE_VARIABLE: "pdf-worker", "PYTHONPATH": str(REPO_ROOT)},
        timeout=60,
        check=True,
    )
    result = json.loads(child.stdout)
    assert result["ok"] and "Kubernetes" in "".join(result["pages"])


def test_missing_file_and_folder(intake: ResumeIntake, tmp_path: Path) -> None:
    assert _refusal(intake, tmp_path / "nope.pdf").code == ResumeErrorCode.NOT_FOUND
    assert _refusal(intake, tmp_path).code == ResumeErrorCode.UNREADABLE


def test_nothing_is_stored_after_a_refusal(
    intake: ResumeIntake, store: SqliteStore, write_file: WriteFile
) -> None:
    for name, data in (("a.pdf", b""), ("b.pdf", pdfs.truncated_pdf()), ("c.pdf", pdfs.image_only_pdf())):
        with pytest.raises(ResumeError):
            intake.ingest_file(write_file(name, data))
    assert list(store.list_resumes()) == []
    assert list(store.paths.resumes_dir.iterdir()) == []


def test_winansi_accents_euro_and_dashes(intake: ResumeIntake, write_file: WriteFile) -> None:
    profile = intake.ingest_file(write_file("lebenslauf.pdf", pdfs.winansi_resume())).profile
    assert profile.name == "Jürgen Müller"
    assert "Straße & Söhne GmbH, 2019 – 2024" in profile.text and "30 000 €" in profile.text
    assert "naïve café-grade “quick wins”" in profile.text
    assert {"Python", "Go", "Terraform", "Kubernetes"} <= set(profile.skills_technical)
