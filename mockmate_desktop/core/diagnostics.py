"""The shape of one `mockmate doctor` check. Each adapter package contributes its own checks."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class CheckStatus(StrEnum):
    OK = "ok"
    WARN = "warn"  # works, but degraded (e.g. no Gemini key: offline engine is used)
    FAIL = "fail"  # a feature cannot work until the user acts


@dataclass(frozen=True)
class Check:
    name: str
    status: CheckStatus
    detail: str
    fix: str = ""  # what the user should do; empty when status is OK

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
