"""Fonts the app ships, so that Hindi shows as Devanagari on every machine.

A laptop without a Devanagari system font (a minimal Linux install, for one) would otherwise draw Hindi
questions, transcripts and reports, in the window and in exported PDFs, as rows of empty boxes. Noto Sans
Devanagari (SIL Open Font License) comes from a package on the registry. It is registered with Qt once per
process, and Qt's font fallback then uses it wherever a font lacks the script.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

log = logging.getLogger(__name__)

FONT_PACKAGES = ("fontpkg_noto_sans_devanagari",)
DEVANAGARI_FAMILY = "Noto Sans Devanagari"  # the family that package registers (tests/ui/test_fonts.py)
_registered: list[str] = []


def bundled_font_files() -> list[Path]:
    """The font files of the font packages that are installed; a missing package is logged, not fatal."""
    found: list[Path] = []
    for name in FONT_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            log.warning(
                "Font package %s is not installed: Hindi shows only if the system has a font for it", name
            )
            continue
        root = Path(getattr(module, "ROOT", Path(module.__file__ or ".").parent)) / "files"
        found += sorted(p for p in root.glob("*") if p.suffix.lower() in (".ttf", ".otf"))
    return found


def register_bundled_fonts() -> list[str]:
    """Adds the shipped fonts to Qt (needs a QGuiApplication); returns their families. Runs once."""
    if _registered:
        return list(_registered)
    from PySide6.QtGui import QFontDatabase

    for path in bundled_font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the font %s", path.name)
            continue
        _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)
