"""Coloured labels that say which engine made a result, and whether a session is synced."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from ...domain.enums import Source

# Text always accompanies the colour so the badge reads without colour vision too.
_STYLE = {
    Source.GEMINI: ("Gemini", "#1a73e8"),
    Source.OFFLINE: ("Offline heuristic", "#6b4fbb"),
    Source.CACHED: ("Cached replay", "#b06000"),
}
_DEMO = ("Demo", "#b06000")


def source_text(sources: Iterable[Source]) -> str:
    found = sorted(set(sources), key=lambda s: list(Source).index(s))
    return " + ".join(_STYLE[s][0] for s in found) if found else "No engine yet"


def badge_colour(sources: Iterable[Source]) -> str:
    found = set(sources)
    if Source.CACHED in found:
        return _STYLE[Source.CACHED][1]
    if Source.OFFLINE in found:
        return _STYLE[Source.OFFLINE][1]
    if Source.GEMINI in found:
        return _STYLE[Source.GEMINI][1]
    return "#757575"


class EngineBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_sources([])

    def set_sources(self, sources: Iterable[Source], *, demo: bool = False) -> None:
        found = set(sources)
        # Demo content keeps its real engine name and is marked Demo beside it.
        text = source_text(found) + (f" · {_DEMO[0]}" if demo else "")
        colour = _DEMO[1] if demo else badge_colour(found)
        self.setText(text)
        self.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; border-radius: 8px;"
            " padding: 2px 8px; font-weight: 600; }"
        )
        self.setToolTip(
            "\n".join(s.label for s in found) if found else "The engine is chosen when the interview starts"
        )
