"""Cloud documents that failed validation, set aside on this machine so that one bad (or planted) document
never blocks the rest of a sync. Each is reported once, when first seen; the same bytes are then skipped
quietly, and a changed document is checked again. The list lives in `cloud-quarantine.json`."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...core.files import atomic_write_text

log = logging.getLogger(__name__)

QUARANTINE_FILE_NAME = "cloud-quarantine.json"


def fingerprint(doc: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class QuarantinedDoc:
    path: str
    reason: str
    fingerprint: str
    first_seen: str


class Quarantine:
    def __init__(self, home: Path) -> None:
        self.path = home / QUARANTINE_FILE_NAME

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("the cloud quarantine list could not be read (%s); starting afresh", type(exc).__name__)
            return {}
        return data if isinstance(data, dict) else {}

    def entries(self) -> list[QuarantinedDoc]:
        return [
            QuarantinedDoc(path, str(e.get("reason", "")), str(e.get("fingerprint", "")), str(e.get("first_seen", "")))
            for path, e in sorted(self._load().items())
            if isinstance(e, dict)
        ]

    def known(self, path: str, doc: dict[str, Any]) -> bool:
        """True when exactly this document was already set aside (skip it without a word)."""
        entry = self._load().get(path)
        return isinstance(entry, dict) and entry.get("fingerprint") == fingerprint(doc)

    def add(self, path: str, doc: dict[str, Any], reason: str) -> None:
        data = self._load()
        data[path] = {
            "reason": reason,
            "fingerprint": fingerprint(doc),
            "first_seen": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        atomic_write_text(self.path, json.dumps(data, indent=1))

    def release(self, path: str) -> None:
        """The document is valid (or gone) now."""
        data = self._load()
        if data.pop(path, None) is not None:
            atomic_write_text(self.path, json.dumps(data, indent=1))
