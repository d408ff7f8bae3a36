"""Limits on what the resume intake accepts, and why these numbers.

- 10 MB: a text resume is 50-500 KB and a scanned one 1-5 MB; anything larger is not a resume, and the
  Gemini inline-file limit for one request is 20 MB in total.
- 30 pages: long academic CVs reach 10-20 pages; a 300-page file is a book or a mistake. Refused with a
  message rather than silently cut, so nobody is analysed on half a document.
- 30 s to read the text: `mockmate resume bench` measured 0.13-0.16 s (child process start included)
  for the test resumes and a 30-page file on 2 cores, so 30 s only trips on pathological files.
- 100,000 characters of text (pasted or extracted): ~25 pages of dense text.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class IntakeLimits:
    max_bytes: int = 10 * MB
    max_pages: int = 30
    parse_timeout_s: float = 30.0
    max_text_chars: int = 100_000
    min_text_chars: int = 40  # fewer non-space characters than this in a PDF: no usable text layer
    worker_memory_bytes: int = 2048 * MB
