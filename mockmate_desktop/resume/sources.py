"""Getting resume bytes and text from what the candidate gives: a file path or pasted text.

Everything is checked here before any parser sees it: existence, size, type by content (not by name),
text encoding. The original name is kept only for display, cleaned of path parts and control characters.
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..domain.resume_parsing import normalise_text
from .errors import ResumeError, ResumeErrorCode
from .limits import IntakeLimits
from .pdf_text import PdfText, check_pdf_bytes, read_pdf_text

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
_DISPLAY_NAME_MAX = 120


@dataclass
class ResumeSource:
    data: bytes
    original_name: str
    kind: str  # "pdf" or "text"
    sha256: str
    text: str = ""  # extracted or decoded text (not yet redacted)
    pdf: PdfText | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def suffix(self) -> str:
        return ".pdf" if self.kind == "pdf" else ".txt"


def display_name(name: str) -> str:
    """A file name safe to show and store: no folders, no control characters, bounded length."""
    base = PureWindowsPath(PurePosixPath(name.replace("\x00", "")).name).name
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip().strip(".") or "resume"
    if len(base) > _DISPLAY_NAME_MAX:
        _stem, dot, ext = base.rpartition(".")
        keep = ext if dot and len(ext) <= 8 else ""
        base = base[: _DISPLAY_NAME_MAX - len(keep) - 2].rstrip() + "…" + (f".{keep}" if keep else "")
    return base


def read_file(path: Path, limits: IntakeLimits) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ResumeError(
            ResumeErrorCode.NOT_FOUND, f"No file at {path}. Check the path and try again."
        ) from exc
    except OSError as exc:
        raise ResumeError(ResumeErrorCode.UNREADABLE, f"The file cannot be opened: {exc.strerror}.") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ResumeError(ResumeErrorCode.UNREADABLE, f"{path.name or path} is not a regular file.")
    if info.st_size > limits.max_bytes:
        raise ResumeError(
            ResumeErrorCode.TOO_LARGE,
            f"The file is {info.st_size / 1024 / 1024:.1f} MB; resumes up to {limits.max_bytes // 1024 // 1024} "
            "MB are accepted. Export a smaller PDF (fewer images) or paste the text instead.",
        )
    try:
        with open(path, "rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise ResumeError(ResumeErrorCode.UNREADABLE, f"The file cannot be read: {exc.strerror}.") from exc
    if len(data) > limits.max_bytes:
        raise ResumeError(ResumeErrorCode.TOO_LARGE, "The file is larger than the 10 MB limit.")
    return data


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Text from a .txt file in UTF-8 (with or without BOM), UTF-16 (with BOM) or Windows-1252."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise ResumeError(ResumeErrorCode.NOT_TEXT, "The text file is damaged (invalid UTF-16).") from exc
    if b"\x00" in data[:4096]:
        raise ResumeError(
            ResumeErrorCode.NOT_TEXT,
            "This file is not plain text (it contains binary data). Use a PDF or a .txt file, or paste the text.",
        )
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    warnings.append("The text file was not UTF-8; it was read as Windows-1252. Check accented letters.")
    return text, warnings


def check_text(text: str, limits: IntakeLimits) -> str:
    text = normalise_text(text)
    if not text.strip():
        raise ResumeError(ResumeErrorCode.EMPTY, "The resume text is empty. Paste the text of your resume.")
    if len(text) > limits.max_text_chars:
        raise ResumeError(
            ResumeErrorCode.TEXT_TOO_LONG,
            f"The resume text has {len(text):,} characters; up to {limits.max_text_chars:,} are accepted "
            "(about 25 pages). Shorten it to the resume itself.",
        )
    return text


def load_path(path: Path | str, limits: IntakeLimits) -> ResumeSource:
    """A resume file, type decided by content: PDF signature, else text for .txt-like names."""
    path = Path(path)
    name = display_name(os.fsdecode(path.name))
    data = read_file(path, limits)
    digest = hashlib.sha256(data).hexdigest()
    suffix = Path(name).suffix.lower()
    if data[:1024].find(b"%PDF-") >= 0 or suffix == ".pdf" or not data:
        source = ResumeSource(data=data, original_name=name, kind="pdf", sha256=digest)
        check_pdf_bytes(data, limits)  # before the store lookup too: a bad file is refused the same way
        return source
    if suffix not in TEXT_SUFFIXES:
        raise ResumeError(
            ResumeErrorCode.UNSUPPORTED_TYPE,
            f"'{name}' is not a PDF or a text file. Save the resume as PDF or .txt, or paste its text.",
        )
    text, warnings = decode_text(data)
    return ResumeSource(
        data=data,
        original_name=name,
        kind="text",
        sha256=digest,
        text=check_text(text, limits),
        warnings=warnings,
    )


def load_pasted(text: str, limits: IntakeLimits, *, name: str = "Pasted text") -> ResumeSource:
    clean = check_text(text, limits)
    data = clean.encode("utf-8")
    return ResumeSource(
        data=data,
        original_name=display_name(name),
        kind="text",
        sha256=hashlib.sha256(data).hexdigest(),
        text=clean,
    )


def extract_pdf(source: ResumeSource, limits: IntakeLimits, password: str | None) -> None:
    """Fills `source.text` and `source.pdf`; an image-only PDF leaves the text empty."""
    pdf = read_pdf_text(source.data, password=password, limits=limits)
    source.pdf = pdf
    text = normalise_text(pdf.text)
    if len("".join(text.split())) < limits.min_text_chars:
        source.text = ""
        return
    source.text = check_text(text, limits)
    if pdf.empty_pages:
        pages = ", ".join(str(n) for n in pdf.empty_pages)
        source.warnings.append(
            f"Page(s) {pages} of {pdf.page_count} have no text layer (scanned?); their content was not read."
        )
