"""Text out of a PDF, safely: checks before parsing, parsing in a child process with a time limit.

Every failure becomes a `ResumeError` with a message for the candidate.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

from ..core.helper_process import helper_command
from ..core.process_env import child_environment
from .errors import ResumeError, ResumeErrorCode
from .limits import IntakeLimits

log = logging.getLogger(__name__)

_PDF_MAGIC = b"%PDF-"
_EOF_MARKER = b"%%EOF"


@dataclass(frozen=True)
class PdfText:
    pages: list[str]
    page_count: int
    encrypted: bool = False
    empty_pages: list[int] = field(default_factory=list)  # 1-based numbers of pages without text

    @property
    def text(self) -> str:
        return "\n\n".join(page for page in self.pages if page.strip())

    @property
    def has_text_layer(self) -> bool:
        return bool(self.text.strip())


def check_pdf_bytes(data: bytes, limits: IntakeLimits) -> None:
    """Cheap checks that need no parser: size, the PDF signature, a complete file."""
    if not data:
        raise ResumeError(ResumeErrorCode.EMPTY, "The file is empty (0 bytes). Choose the resume file again.")
    if len(data) > limits.max_bytes:
        raise ResumeError(
            ResumeErrorCode.TOO_LARGE,
            f"The file is {len(data) / 1024 / 1024:.1f} MB; resumes up to "
            f"{limits.max_bytes // 1024 // 1024} MB are accepted. Export a smaller PDF (fewer images) "
            "or paste the text instead.",
        )
    if _PDF_MAGIC not in data[:1024]:
        raise ResumeError(
            ResumeErrorCode.NOT_PDF,
            "This file is not a PDF, even though its name may end in .pdf. Export the resume as PDF, "
            "or save it as a .txt file, or paste the text.",
        )
    # Anywhere, not only in the last bytes: printers, mail gateways and signing tools append data after
    # %%EOF, and readers (pypdf included) find the last marker; a cut-off file has none at all.
    if _EOF_MARKER not in data:
        raise ResumeError(
            ResumeErrorCode.TRUNCATED,
            "The PDF is incomplete: its end is missing, as after an interrupted download or copy. "
            "Download or export it again.",
        )


def read_pdf_text(data: bytes, *, password: str | None = None, limits: IntakeLimits | None = None) -> PdfText:
    limits = limits or IntakeLimits()
    check_pdf_bytes(data, limits)
    result = _run_worker(data, password, limits)
    if not result.get("ok"):
        raise _error_for(str(result.get("code")), str(result.get("detail", "")), limits)
    pages = [str(p) for p in result["pages"]]
    return PdfText(
        pages=pages,
        page_count=int(result["page_count"]),
        encrypted=bool(result["encrypted"]),
        empty_pages=[n for n, page in enumerate(pages, start=1) if not page.strip()],
    )


def _run_worker(data: bytes, password: str | None, limits: IntakeLimits) -> dict[str, Any]:
    header = {"password": password, "max_pages": limits.max_pages, "memory_bytes": limits.worker_memory_bytes}
    # The same child process in a checkout and in a frozen build, so the time and memory limits hold in both.
    command, role_env = helper_command("pdf-worker")
    env = child_environment(
        {"PYTHONPATH": os.pathsep.join(p for p in sys.path if p), "PYTHONIOENCODING": "utf-8", **role_env}
    )
    try:
        completed = subprocess.run(
            command,
            input=json.dumps(header).encode() + b"\n" + data,
            capture_output=True,
            timeout=limits.parse_timeout_s,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:  # run() has already killed the child
        raise _timeout(limits) from exc
    except OSError as exc:
        raise ResumeError(
            ResumeErrorCode.TOO_COMPLEX,
            f"The PDF reader could not be started ({exc}). Paste the text instead.",
        ) from exc
    try:
        result = json.loads(completed.stdout.decode("utf-8"))
    except ValueError:
        result = None
    if not isinstance(result, dict):
        # The child died without answering: memory limit, or a crash inside a C library.
        log.warning("PDF reader exited with %s: %s", completed.returncode, completed.stderr[-500:])
        raise ResumeError(
            ResumeErrorCode.TOO_COMPLEX,
            "This PDF could not be read: the reader stopped while processing it. Export it again or paste "
            "the text instead.",
        )
    return result


def _timeout(limits: IntakeLimits) -> ResumeError:
    return ResumeError(
        ResumeErrorCode.TIMEOUT,
        f"Reading this PDF took longer than {limits.parse_timeout_s:.0f} seconds, so it was stopped. "
        "The file may be damaged or unusually complex: export it again, or paste the text.",
    )


def _error_for(code: str, detail: str, limits: IntakeLimits) -> ResumeError:
    if code == "password_required":
        return ResumeError(
            ResumeErrorCode.PASSWORD_REQUIRED,
            "This PDF is protected by a password. Enter the password to open it, or export an unprotected copy.",
        )
    if code == "password_wrong":
        return ResumeError(ResumeErrorCode.PASSWORD_WRONG, "That password does not open this PDF. Try again.")
    if code == "too_many_pages":
        return ResumeError(
            ResumeErrorCode.TOO_MANY_PAGES,
            f"This PDF has {detail} pages; a resume of up to {limits.max_pages} pages is accepted. "
            "Export only the resume pages.",
        )
    if code == "too_complex":
        return ResumeError(
            ResumeErrorCode.TOO_COMPLEX, "This PDF is too complex to read. Export it again or paste the text."
        )
    if code == "unsupported_encryption":
        return ResumeError(
            ResumeErrorCode.PASSWORD_REQUIRED,
            "This PDF uses an encryption this installation cannot open (install the 'cryptography' package), "
            "or export an unprotected copy.",
        )
    return ResumeError(
        ResumeErrorCode.CORRUPT,
        "This PDF is damaged and cannot be read. Export or download it again, or paste the text instead.",
    )
