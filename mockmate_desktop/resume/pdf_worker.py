"""What runs inside the PDF-reading child process: pypdf, and nothing else of the app.

`python -m mockmate_desktop.resume.pdf_worker` reads one JSON line (password, limits) and then the PDF
bytes on stdin, and writes one JSON object on stdout. It may be killed at any moment: a pathological PDF
(deeply nested objects, decompression bombs) costs the app a process, not a hang.
A plain subprocess rather than multiprocessing: spawn re-imports the parent's `__main__`, which re-runs
a CLI entry point without a main guard.
"""

from __future__ import annotations

import io
import json
import logging
import sys
from typing import Any

from .columns import reading_order, tidy_cells


def extract(data: bytes, password: str | None, max_pages: int) -> dict[str, Any]:
    """Text of every page (layout mode, columns split) or an error code with a detail."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError
    except ImportError:  # pragma: no cover - pypdf is a hard dependency; this is for broken installs
        return {"ok": False, "code": "internal", "detail": "pypdf is not installed: pip install pypdf"}
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        # Many "protected" PDFs only restrict printing: an empty user password opens them.
        if encrypted and not reader.decrypt(""):
            if not password:
                return {"ok": False, "code": "password_required", "detail": ""}
            if not reader.decrypt(password):
                return {"ok": False, "code": "password_wrong", "detail": ""}
        page_count = len(reader.pages)
        if page_count == 0:
            return {"ok": False, "code": "corrupt", "detail": "no pages"}
        if page_count > max_pages:
            return {"ok": False, "code": "too_many_pages", "detail": str(page_count)}
        pages = [_page_text(page) for page in reader.pages]
    except DependencyError as exc:
        return {"ok": False, "code": "unsupported_encryption", "detail": str(exc)}
    except FileNotDecryptedError:
        return {"ok": False, "code": "password_required", "detail": ""}
    except MemoryError:
        return {"ok": False, "code": "too_complex", "detail": "out of memory"}
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, RecursionError, OSError, EOFError, ZeroDivisionError) as exc:  # fmt: skip
        # pypdf raises a wide range of exceptions on damaged files; every one means "cannot be read".
        return {"ok": False, "code": "corrupt", "detail": f"{type(exc).__name__}: {exc}"[:300]}
    return {"ok": True, "pages": pages, "page_count": page_count, "encrypted": encrypted}


def _page_text(page: Any) -> str:
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode is newer and less forgiving than plain mode on odd fonts
        layout = ""
    plain = page.extract_text() or ""
    # Layout text can lose glyphs that plain mode keeps (fonts without widths); then plain is safer.
    if len("".join(layout.split())) < 0.8 * len("".join(plain.split())):
        return plain
    return tidy_cells(reading_order(layout))


def main() -> None:
    """Entry point of the child process."""
    header = json.loads(sys.stdin.buffer.readline() or b"{}")
    data = sys.stdin.buffer.read()
    memory_bytes = int(header.get("memory_bytes", 0))
    if memory_bytes:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        except (ImportError, ValueError, OSError):  # not available on Windows; the time limit still holds
            pass
    try:
        result = extract(data, header.get("password"), int(header.get("max_pages", 30)))
    except Exception as exc:  # last resort: report instead of dying silently
        result = {"ok": False, "code": "corrupt", "detail": f"{type(exc).__name__}: {exc}"[:300]}
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
