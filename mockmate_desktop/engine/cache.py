"""A local record of Gemini exchanges, keyed by a stable hash of the request, for replay without a network.

One JSON file per request under `AppPaths.gemini_cache_dir`, written atomically and private (0600). The
key covers what decides the answer: model, system prompt, data parts (file parts by their sha256) and the
schema name. Nothing in a request depends on ids or clocks, so the same interview asks the same requests.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.files import atomic_write_text, ensure_private_dir

if TYPE_CHECKING:
    from .gemini.parts import DataPart

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
_KEY_SHAPE = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class CachedExchange:
    key: str
    model: str
    schema: str
    response_json: str
    recorded_at: str
    labels: tuple[str, ...] = ()


def request_key(model: str, system: str, parts: list[DataPart], schema_name: str) -> str:
    payload = {
        "format": CACHE_FORMAT,
        "model": model,
        "system": system,
        "parts": [p.fingerprint() for p in parts],
        "schema": schema_name,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class RequestCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        if not _KEY_SHAPE.match(key):
            raise ValueError("not a cache key")
        return self.folder / f"{key}.json"

    def get(self, key: str) -> CachedExchange | None:
        path = self._path(key)
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return CachedExchange(
                key=key,
                model=str(data["model"]),
                schema=str(data["schema"]),
                response_json=str(data["response_json"]),
                recorded_at=str(data.get("recorded_at", "")),
                labels=tuple(data.get("labels", ())),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # A damaged entry counts as missing: replay then says so instead of serving garbage.
            log.warning("gemini cache entry %s unreadable (%s)", path.name, exc)
            return None

    def put(
        self, key: str, *, model: str, schema: str, response_json: str, labels: tuple[str, ...] = ()
    ) -> CachedExchange:
        entry = CachedExchange(
            key=key,
            model=model,
            schema=schema,
            response_json=response_json,
            recorded_at=datetime.now(UTC).isoformat(),
            labels=labels,
        )
        ensure_private_dir(self.folder)
        body = {
            "format": CACHE_FORMAT,
            "model": entry.model,
            "schema": entry.schema,
            "labels": list(entry.labels),
            "recorded_at": entry.recorded_at,
            "response_json": entry.response_json,
        }
        atomic_write_text(self._path(key), json.dumps(body, ensure_ascii=False, indent=1))
        return entry

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*.json")) if self.folder.is_dir() else 0
