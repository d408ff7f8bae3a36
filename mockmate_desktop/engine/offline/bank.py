"""The offline question bank: JSON files under `assets/question_bank/`, validated on load.

Each file is a list of entries (see `BankEntry`). Texts may carry `{skill}` and `{role}` placeholders that
the planner fills; `skills` empty means the question fits any role.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ...core.assets import AssetsMissingError, assets_dir
from ...domain.enums import Difficulty, Language
from ..protocols import EngineError
from .bank_i18n import TRANSLATED, Translations, load_translations

QuestionType = Literal["technical", "behavioural", "overall"]
_PLACEHOLDER = re.compile(r"\{(skill|role)\}")


class BankError(EngineError):
    """The question bank is missing or damaged; the message names the file and what to do."""


class BankEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=80)
    type: QuestionType
    difficulty: Difficulty
    competency: str = Field(min_length=1)
    skills: tuple[str, ...] = ()
    text: dict[Language, str]
    expected_points: tuple[str, ...] = ()
    model_answer: str = ""
    follow_ups: dict[Language, tuple[str, ...]] = Field(default_factory=dict)
    # Filled from `i18n/<language>.json` when the bank is loaded (see `bank_i18n`), not from the entry's file.
    points_by_language: dict[Language, tuple[str, ...]] = Field(default_factory=dict)
    answers_by_language: dict[Language, str] = Field(default_factory=dict)

    @field_validator("text")
    @classmethod
    def _has_english(cls, value: dict[Language, str]) -> dict[Language, str]:
        if not value.get(Language.EN, "").strip():
            raise ValueError("every question needs an English text")
        return value

    def text_in(self, language: Language) -> str | None:
        found = self.text.get(language, "").strip()
        return found or None

    def points_in(self, language: Language) -> tuple[str, ...]:
        """The expected points in `language` where they are translated, else the English ones."""
        return self.points_by_language.get(language) or self.expected_points

    def english_points_for(self, language: Language, points: Sequence[str]) -> tuple[str, ...]:
        """The English wording of `points` (this entry's points in `language`, or some of them), so that an
        answer can be matched against both wordings; () when they are English already or not all known."""
        translated = self.points_by_language.get(language)
        if not translated:
            return ()
        wording = dict(zip(translated, self.expected_points, strict=True))
        found = tuple(wording[p] for p in points if p in wording)
        return found if points and len(found) == len(points) else ()

    def model_answer_in(self, language: Language) -> str:
        """The model answer in `language`, or "" when it has none in that language: a report then describes a
        strong answer in its own words rather than showing English."""
        if language is Language.EN:
            return self.model_answer
        return self.answers_by_language.get(language, "")

    def scoring_reference(self, language: Language) -> str:
        """The model answer an answer in `language` is compared with: the translation where there is one,
        otherwise the English one, which still says what a strong answer holds."""
        return self.model_answer_in(language) or self.model_answer

    def follow_ups_in(self, language: Language) -> tuple[str, ...]:
        return tuple(f for f in self.follow_ups.get(language, ()) if f.strip())

    @property
    def uses_skill(self) -> bool:
        return any("{skill}" in t for t in self.text.values())

    def matches_text(self, language: Language, text: str) -> bool:
        """Whether `text` is this entry's question with its placeholders filled (any values)."""
        template = self.text_in(language)
        if template is None:
            return False
        pattern = _template_regex(template)
        return re.fullmatch(pattern, text.strip(), flags=re.DOTALL) is not None


def _template_regex(template: str) -> str:
    pieces: list[str] = []
    last = 0
    for match in _PLACEHOLDER.finditer(template):
        literal = template[last : match.start()]
        elided = _ELIDABLE.search(literal)
        if elided is None:
            pieces.append(re.escape(literal))
        else:  # "poste de {role}" was filled as "poste d'analyste" (see `fill_role`)
            word = elided.group(1)
            pieces.append(re.escape(literal[: elided.start(1)]) + f"(?:{word} |{word[:-1]}['’])")
        pieces.append(".+?")
        last = match.end()
    pieces.append(re.escape(template[last:]))
    return "".join(pieces)


# French elides "de" and "que" before a vowel: "ce poste d'analyste", "en tant qu'ingénieur". A job title
# dropped into "poste de {role}" read "poste de Analyste de données".
_ELIDABLE = re.compile(r"\b(de|que) $")
_ELIDED_ROLE = re.compile(r"\b(de|que) \{role\}")
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"


def fill_role(template: str, role: str, language: Language) -> str:
    """The question with `{role}` filled by the job title, elided in French as a person would say it."""
    role = role.strip()
    if language is Language.FR and role[:1].lower() in _VOWELS:
        template = _ELIDED_ROLE.sub(lambda m: f"{m.group(1)[:-1]}'{{role}}", template)
    return template.replace("{role}", role)


@dataclass(frozen=True)
class QuestionBank:
    entries: tuple[BankEntry, ...]

    def __len__(self) -> int:
        return len(self.entries)

    def find_by_text(self, language: Language, text: str) -> BankEntry | None:
        """The entry a planned question came from (placeholders filled), so follow-ups can be targeted."""
        for entry in self.entries:
            if entry.matches_text(language, text):
                return entry
        return None


def default_bank_dir() -> Path:
    try:
        return assets_dir() / "question_bank"
    except AssetsMissingError as exc:
        raise BankError(str(exc)) from exc


def parse_entries(items: Iterable[object], origin: str) -> list[BankEntry]:
    entries: list[BankEntry] = []
    for index, item in enumerate(items):
        try:
            entries.append(BankEntry.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise BankError(
                f"Question bank file {origin}, entry {index}: {where} {first['msg']}. Reinstall MockMate "
                "or fix the file."
            ) from exc
    return entries


def load_bank(folder: Path | None = None) -> QuestionBank:
    """All `*.json` files of the folder, in name order; ids must be unique across files."""
    root = folder if folder is not None else default_bank_dir()
    files: Sequence[Path] = sorted(root.glob("*.json")) if root.is_dir() else []
    if not files:
        raise BankError(
            f"No question bank found in {root}. Reinstall MockMate, or set MOCKMATE_ASSETS to the assets folder."
        )
    entries: list[BankEntry] = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BankError(f"Question bank file {path.name} cannot be read ({exc}).") from exc
        if not isinstance(data, list):
            raise BankError(f"Question bank file {path.name} must hold a JSON list of questions.")
        entries.extend(parse_entries(data, path.name))
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise BankError(f"Question id {entry.id} appears twice in the question bank.")
        seen.add(entry.id)
    translations = load_translations(root, {e.id: len(e.expected_points) for e in entries})
    return QuestionBank(tuple(_translated(e, translations) for e in entries))


def _translated(entry: BankEntry, translations: Translations) -> BankEntry:
    points: dict[Language, tuple[str, ...]] = {}
    answers: dict[Language, str] = {}
    for language in TRANSLATED:
        found = translations.get(language, entry.id)
        if found is not None:
            points[language] = found.expected_points
            answers[language] = found.model_answer
    if not points:
        return entry
    return entry.model_copy(update={"points_by_language": points, "answers_by_language": answers})
