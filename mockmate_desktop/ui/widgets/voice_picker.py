"""A readable voice picker: the installed voices of one language by name ("English (America)"), not ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:
    from ..services import GuiServices


@dataclass(frozen=True)
class Voice:
    id: str  # what the synthesiser is given, e.g. "gmw/en-us"
    name: str  # what a person reads, e.g. "English (America)"
    languages: tuple[str, ...]  # e.g. ("en-us",)

    def speaks(self, language: str) -> bool:
        return any(code == language or code.startswith(f"{language}-") for code in self.languages)


def installed_voices(services: GuiServices) -> list[Voice]:
    """The speech synthesiser's voices; blocks (it starts the engine): call it from a worker. Listed on the
    synthesiser's own espeak thread, never beside it (espeak is not thread-safe)."""
    return [Voice(voice_id, name, codes) for voice_id, name, codes in services.voice_details()]


def label_for(voice_id: str, voices: list[Voice]) -> str:
    """The voice's name; an id the synthesiser does not offer is marked, unless the list is not known yet."""
    for voice in voices:
        if voice.id == voice_id:
            return voice.name
    return f"{voice_id} (not installed)" if voices else voice_id


class VoicePicker(QComboBox):
    """Lists one language's voices; keeps a chosen voice that is not installed, marked as such."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.voices: list[Voice] = []
        self.setMinimumContentsLength(24)

    def set_voices(self, voices: list[Voice]) -> None:
        self.voices = voices

    def show_language(self, language: str, chosen: str) -> None:
        self.blockSignals(True)
        self.clear()
        for voice in sorted((v for v in self.voices if v.speaks(language)), key=lambda v: v.name):
            self.addItem(voice.name, voice.id)
            self.setItemData(
                self.count() - 1, voice.id, Qt.ItemDataRole.ToolTipRole
            )  # the id, for the curious
        if chosen and self.findData(chosen) < 0:
            self.addItem(label_for(chosen, self.voices), chosen)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.blockSignals(False)

    @property
    def voice_id(self) -> str:
        return str(self.currentData() or "")
