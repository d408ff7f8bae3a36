"""The question bank's expected points and model answers in Hindi and French.

They live beside the bank in `i18n/<language>.json`, one object keyed by bank id:
`{"expected_points": [...], "model_answer": "..."}`, with the points in the English order. A hi/fr interview
is then scored against, and reports, the points in its own language. A translation that does not fit its
entry (another number of points, an empty text) is left out with a warning rather than stopping the app:
that question then falls back to the English texts, as every question did before.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ...domain.enums import Language

log = logging.getLogger(__name__)

FOLDER = "i18n"
TRANSLATED = (Language.HI, Language.FR)


@dataclass(frozen=True)
class Translation:
    expected_points: tuple[str, ...]
    model_answer: str


@dataclass(frozen=True)
class Translations:
    """Language -> bank id -> its translation."""

    by_language: dict[Language, dict[str, Translation]] = field(default_factory=dict)

    def get(self, language: Language, entry_id: str) -> Translation | None:
        return self.by_language.get(language, {}).get(entry_id)


def _parse(raw: object, points_by_id: dict[str, int], origin: str) -> dict[str, Translation]:
    if not isinstance(raw, dict):
        log.warning("%s: expected a JSON object keyed by question id; ignored", origin)
        return {}
    found: dict[str, Translation] = {}
    for entry_id, item in raw.items():
        expected = points_by_id.get(entry_id)
        points = item.get("expected_points") if isinstance(item, dict) else None
        answer = item.get("model_answer") if isinstance(item, dict) else None
        usable = (
            expected is not None
            and isinstance(points, list)
            and len(points) == expected
            and all(isinstance(p, str) and p.strip() for p in points)
            and isinstance(answer, str)
            and answer.strip()
        )
        if not usable:
            log.warning("%s: translation of %s does not fit its question; English is used", origin, entry_id)
            continue
        found[entry_id] = Translation(tuple(p.strip() for p in points), answer.strip())  # type: ignore[union-attr]
    return found


def load_translations(root: Path, points_by_id: dict[str, int]) -> Translations:
    """The translations under `root/i18n`; `points_by_id` gives each bank entry's number of English points."""
    by_language: dict[Language, dict[str, Translation]] = {}
    for language in TRANSLATED:
        path = root / FOLDER / f"{language.value}.json"
        if not path.is_file():
            continue
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("Question bank translations %s cannot be read (%s); English is used", path.name, exc)
            continue
        by_language[language] = _parse(raw, points_by_id, f"{FOLDER}/{path.name}")
    return Translations(by_language)
