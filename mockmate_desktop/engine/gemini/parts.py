"""What a request carries besides its instructions: delimited untrusted data (text or a PDF)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from ...domain import prompts


@dataclass(frozen=True)
class DataPart:
    """One block of untrusted data: text, or file bytes with their mime type (e.g. a scanned resume)."""

    label: str
    text: str | None = None
    data: bytes | None = None
    mime_type: str = "text/plain"

    def __post_init__(self) -> None:
        if (self.text is None) == (self.data is None):
            raise ValueError("a DataPart holds either text or bytes")

    @classmethod
    def pdf(cls, label: str, data: bytes) -> DataPart:
        return cls(label=label, data=data, mime_type="application/pdf")

    def fingerprint(self) -> dict[str, str]:
        """What identifies this part in a cache key: stable across runs, no raw bytes."""
        if self.text is not None:
            return {"label": self.label, "text": self.text}
        assert self.data is not None
        return {"label": self.label, "mime": self.mime_type, "sha256": hashlib.sha256(self.data).hexdigest()}


def to_sdk_parts(parts: list[DataPart], trailing_instruction: str | None = None) -> list[Any]:
    """SDK parts with every data block fenced; a file sits between its own open and close markers."""
    from google.genai import types

    out: list[Any] = []
    for part in parts:
        if part.text is not None:
            out.append(types.Part.from_text(text=prompts.render_data_block(part.label, part.text)))
            continue
        assert part.data is not None
        tag = prompts.block_tag(part.label, hashlib.sha256(part.data).hexdigest())
        out.append(types.Part.from_text(text=prompts.data_block_open(part.label, tag) + " (attached file)"))
        out.append(types.Part.from_bytes(data=part.data, mime_type=part.mime_type))
        out.append(types.Part.from_text(text=prompts.data_block_close(part.label, tag)))
    if not out:
        out.append(types.Part.from_text(text="(no data blocks are attached)"))
    if trailing_instruction:
        out.append(types.Part.from_text(text=trailing_instruction))
    return out
