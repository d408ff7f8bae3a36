"""Writes `assets/semantic/bank_vectors.npz`: the question bank's questions, expected points and model answers
embedded with the bundled model (see `engine/semantic/bank_index.py`).

`python -m tests.support.build_bank_vectors` from the repository root, after any change to the question bank
or its translations (about ten minutes on 2 busy cores); `--anchors-only` rewrites just `anchor_vectors.npz` (the fixed texts of
`engine/semantic/anchors.py`, a few seconds) after those change. Deterministic: the same bank and model give the same file contents.
"""

from __future__ import annotations

import argparse

import numpy as np

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.engine.offline.bank import load_bank
from mockmate_desktop.engine.semantic.bank_index import (
    ANCHOR_FILE,
    LANGUAGES,
    build,
    build_anchors,
    default_path,
)
from mockmate_desktop.engine.semantic.e5 import E5Embedder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--anchors-only", action="store_true", help="rewrite only the anchor vectors")
    args = parser.parse_args()
    path = default_path()
    if path is None:
        raise SystemExit("assets folder not found")
    embedder = E5Embedder()
    anchors = build_anchors(embedder)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path.parent / ANCHOR_FILE, **anchors)
    print(f"{len(anchors['queries'])} anchor queries, {len(anchors['passages'])} passages")
    if args.anchors_only:
        return
    bank = load_bank()
    entries = [
        (
            e.id,
            {lang: e.text_in(Language(lang)) or "" for lang in LANGUAGES},
            {lang: list(e.points_in(Language(lang))) for lang in LANGUAGES},
            {lang: e.model_answer_in(Language(lang)) or e.model_answer for lang in LANGUAGES},
        )
        for e in bank.entries
    ]
    arrays = build(embedder, entries)
    np.savez_compressed(path, **arrays)
    print(f"{len(arrays['ids'])} of {len(entries)} bank entries, {len(arrays['points'])} points -> {path}")


if __name__ == "__main__":
    main()
