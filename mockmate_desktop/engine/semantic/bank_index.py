"""Vectors of every question-bank entry (its question, expected points and model answer in en/fr/hi; points
and model answers that have no translation are the English ones), computed once with the bundled model and shipped as `assets/semantic/bank_vectors.npz`.

They let the scorer ask "which question of the bank does this answer fit best?": an excellent answer to
another question fits that question's points and model answer better than the ones of the question asked.
Embedding the ~3,600 texts takes about a minute on 2 cores, so they are computed ahead (see
`tests/support/build_bank_vectors.py`) rather than at start-up. The file records the model that made it and
the texts; vectors from another model are never mixed with this one's.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ...core.assets import AssetsMissingError, assets_dir
from .protocol import Embedder

LANGUAGES = ("en", "fr", "hi")
FILE_NAME = "bank_vectors.npz"
ANCHOR_FILE = "anchor_vectors.npz"  # the fixed texts of `anchors`, embedded ahead the same way
# Placeholders of templated questions, filled with neutral words so that the template's topic remains.
FILLERS = {"{skill}": "this technology", "{role}": "this role"}


def fill(text: str) -> str:
    for placeholder, word in FILLERS.items():
        text = text.replace(placeholder, word)
    return text


@dataclass(frozen=True)
class BankVectors:
    model: str
    ids: tuple[str, ...]  # one per entry
    questions: dict[str, tuple[tuple[str, ...], Any]]  # language -> (question texts, vectors), by entry
    points: Any  # every expected point's vector (English), entries in order
    point_owner: Any  # entry index of each point (non-decreasing); the same in every language
    answers: Any  # one model-answer vector per entry (English)
    point_texts: tuple[str, ...] = ()
    answer_texts: tuple[str, ...] = ()
    # hi/fr: (point vectors, point texts, answer vectors, answer texts). A file made before the translations
    # has none, and those languages then compare with the English vectors, as before.
    translated: dict[str, tuple[Any, tuple[str, ...], Any, tuple[str, ...]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def points_in(self, language: str) -> Any:
        found = self.translated.get(language)
        return found[0] if found is not None else self.points

    def answers_in(self, language: str) -> Any:
        found = self.translated.get(language)
        return found[2] if found is not None else self.answers


# One bank entry for `build`: id, and by language its question, its expected points and its model answer.
BankTexts = tuple[str, dict[str, str], dict[str, Sequence[str]], dict[str, str]]


def build(embedder: Embedder, entries: Sequence[BankTexts]) -> dict[str, Any]:
    """Arrays for `np.savez`. Entries need a question in each language, and English expected points and a
    model answer; hi/fr points must be as many as the English ones (missing ones are the English texts)."""
    usable = [
        e for e in entries if all(e[1].get(lang) for lang in LANGUAGES) and e[2].get("en") and e[3].get("en")
    ]
    arrays: dict[str, Any] = {
        "model": np.array(embedder.name),
        "ids": np.array([e[0] for e in usable]),
    }
    for lang in LANGUAGES:
        texts = [fill(e[1][lang]) for e in usable]
        arrays[f"q_{lang}"] = np.asarray(embedder.embed(texts, query=True), dtype=np.float16)
        arrays[f"q_{lang}_texts"] = np.array(texts)
        suffix = "" if lang == "en" else f"_{lang}"
        points = [list(e[2].get(lang) or e[2]["en"]) for e in usable]
        if any(len(p) != len(e[2]["en"]) for p, e in zip(points, usable, strict=True)):
            raise ValueError(f"{lang} expected points must be as many as the English ones")
        answers = [e[3].get(lang) or e[3]["en"] for e in usable]
        point_texts = [p for entry_points in points for p in entry_points]
        arrays[f"points{suffix}"] = np.asarray(embedder.embed(point_texts, query=True), dtype=np.float16)
        arrays[f"point_texts{suffix}"] = np.array(point_texts)
        arrays[f"answers{suffix}"] = np.asarray(embedder.embed(answers), dtype=np.float16)
        arrays[f"answer_texts{suffix}"] = np.array(answers)
    arrays["point_owner"] = np.array([i for i, e in enumerate(usable) for _ in e[2]["en"]], dtype=np.int32)
    return arrays


def read(path: Path) -> BankVectors:
    with np.load(path, allow_pickle=False) as data:
        return BankVectors(
            model=str(data["model"]),
            ids=tuple(str(i) for i in data["ids"]),
            questions={
                lang: (
                    tuple(str(t) for t in data[f"q_{lang}_texts"]),
                    data[f"q_{lang}"].astype(np.float32),
                )
                for lang in LANGUAGES
            },
            points=data["points"].astype(np.float32),
            point_owner=data["point_owner"].astype(np.int64),
            answers=data["answers"].astype(np.float32),
            point_texts=tuple(str(t) for t in data["point_texts"]),
            answer_texts=tuple(str(t) for t in data["answer_texts"]),
            translated={
                lang: (
                    data[f"points_{lang}"].astype(np.float32),
                    tuple(str(t) for t in data[f"point_texts_{lang}"]),
                    data[f"answers_{lang}"].astype(np.float32),
                    tuple(str(t) for t in data[f"answer_texts_{lang}"]),
                )
                for lang in LANGUAGES
                if f"points_{lang}" in data.files
            },
        )


def default_path() -> Path | None:
    try:
        return assets_dir() / "semantic" / FILE_NAME
    except AssetsMissingError:
        return None


@functools.lru_cache(maxsize=4)
def bank_vectors(model: str) -> BankVectors | None:
    """The shipped vectors when they were made by `model`; None otherwise (relevance then falls back to the
    fixed list of other questions), never vectors of another model."""
    path = default_path()
    if path is None or not path.is_file():
        return None
    try:
        found = read(path)
    except (OSError, ValueError, KeyError):
        return None
    return found if found.model == model else None


def anchor_texts() -> tuple[list[str], list[str]]:
    """The fixed texts every answer is compared with: (queries, passages), as `measure` embeds them."""
    from .anchors import CLAIMS, DISTRACTORS_BY_LANGUAGE, GENERIC_ANSWERS, STAR_EXAMPLES

    queries = [t for lang in LANGUAGES for t in DISTRACTORS_BY_LANGUAGE[lang]]
    passages = [t for part in STAR_EXAMPLES.values() for t in part] + list(CLAIMS)
    passages += [t for lang in LANGUAGES for t in GENERIC_ANSWERS[lang]]
    return list(dict.fromkeys(queries)), list(dict.fromkeys(passages))


def build_anchors(embedder: Embedder) -> dict[str, Any]:
    """Arrays for `np.savez` of the anchor texts, kept in float32 so that they equal what the model gives."""
    queries, passages = anchor_texts()
    return {
        "model": np.array(embedder.name),
        "query_texts": np.array(queries),
        "queries": np.asarray(embedder.embed(queries, query=True), dtype=np.float32),
        "passage_texts": np.array(passages),
        "passages": np.asarray(embedder.embed(passages), dtype=np.float32),
    }


def _anchor_vectors(model: str) -> dict[str, np.ndarray]:
    try:
        path = assets_dir() / "semantic" / ANCHOR_FILE
        with np.load(path, allow_pickle=False) as data:
            if str(data["model"]) != model:
                return {}
            found = {"q:" + str(t): v for t, v in zip(data["query_texts"], data["queries"], strict=True)}
            found.update(
                {"p:" + str(t): v for t, v in zip(data["passage_texts"], data["passages"], strict=True)}
            )
    except (AssetsMissingError, OSError, ValueError, KeyError):
        return {}
    current_queries, current_passages = anchor_texts()
    # An anchor edited since the file was made is simply embedded again: a stale text is never matched.
    wanted = {"q:" + t for t in current_queries} | {"p:" + t for t in current_passages}
    return {k: np.asarray(v, dtype=np.float32) for k, v in found.items() if k in wanted}


@functools.lru_cache(maxsize=4)
def known_vectors(model: str) -> dict[str, np.ndarray]:
    """Vectors made ahead by `model`, keyed as `e5.cache_key` (q: or p: + text): the anchors, and the bank's
    questions, expected points and model answers. Nothing when the files were made by another model."""
    found = _anchor_vectors(model)
    bank = bank_vectors(model)
    if bank is not None:
        # Rounded as the embedder rounds what it computes; float16 storage moves a cosine by about 1e-4.
        for lang in LANGUAGES:
            texts, vectors = bank.questions[lang]
            found.update({"q:" + t: np.round(v, 5) for t, v in zip(texts, vectors, strict=True)})
        sets = [(bank.points, bank.point_texts, bank.answers, bank.answer_texts), *bank.translated.values()]
        for points, point_texts, answers, answer_texts in sets:
            found.update({"q:" + t: np.round(v, 5) for t, v in zip(point_texts, points, strict=True)})
            found.update({"p:" + t: np.round(v, 5) for t, v in zip(answer_texts, answers, strict=True)})
    return found
