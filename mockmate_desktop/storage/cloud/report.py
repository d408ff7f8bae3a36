"""What one sync did (counts, errors, status line) and how it retries."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass
class SyncReport:
    uid: str
    pushed: int = 0  # outbox entries completed
    documents_written: int = 0
    files_uploaded: int = 0
    pulled: int = 0  # cloud records that changed something locally
    files_downloaded: int = 0
    failed: int = 0  # outbox entries that failed in this run (still pending)
    pending: int = 0  # outbox entries left after the run
    errors: list[str] = field(default_factory=list)
    # Cloud records set aside this run (failed validation; reported once, see quarantine.py) and records
    # whose change time lay in the future (clamped; they never win a conflict).
    quarantined: list[str] = field(default_factory=list)
    clamped: list[str] = field(default_factory=list)
    duration_s: float = 0.0

    @property
    def state(self) -> Literal["synced", "pending", "error"]:
        if self.errors:
            return "error"
        return "pending" if self.pending else "synced"

    def status_line(self) -> str:
        notes = ""
        if self.quarantined:
            notes += f" {len(self.quarantined)} cloud record(s) failed validation and were set aside."
        if self.clamped:
            notes += f" {len(self.clamped)} cloud record(s) dated in the future were not allowed to win."
        if self.state == "synced":
            return "Synced." + notes
        if self.state == "pending":
            return f"{self.pending} change(s) waiting to sync." + notes
        return f"Sync error: {self.errors[0]} ({self.pending} change(s) waiting)." + notes

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "status": self.status_line(),
            "pushed": self.pushed,
            "documents_written": self.documents_written,
            "files_uploaded": self.files_uploaded,
            "pulled": self.pulled,
            "files_downloaded": self.files_downloaded,
            "failed": self.failed,
            "pending": self.pending,
            "errors": self.errors,
            "quarantined": self.quarantined,
            "clamped": self.clamped,
            "duration_s": round(self.duration_s, 3),
        }


@dataclass
class RetryPolicy:
    attempts: int = 4
    base_delay_s: float = 0.5
    max_delay_s: float = 8.0

    def delay(self, attempt: int) -> float:
        base = min(self.max_delay_s, self.base_delay_s * (2.0**attempt))
        return float(base * (0.5 + random.random() / 2))  # jitter: machines that failed together retry apart
