"""Finds the read-only `assets/` folder (question bank, demo session) in a checkout or a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path


class AssetsMissingError(Exception):
    pass


def assets_dir() -> Path:
    override = os.environ.get("MOCKMATE_ASSETS")
    candidates = [Path(override)] if override else []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "assets")
    candidates.append(Path(__file__).resolve().parents[2] / "assets")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise AssetsMissingError(
        "The assets folder (question bank, demo session) was not found; reinstall MockMate "
        "or set MOCKMATE_ASSETS to the folder."
    )
