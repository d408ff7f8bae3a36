"""What the probe reports about drop-down lists (a QComboBox's popup), so a journey can choose an item with
a real click as a person does: open the list, then click the entry.

Kept apart from probe.py so that other journeys' additions there do not collide with these.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QMenu, QWidget


def popup_state() -> dict[str, Any]:
    """Which kind of popup is open ("list": a combo box's, "menu", or its class), for a journey to wait on
    before it clicks an entry."""
    popup = QApplication.activePopupWidget()
    if popup is None:
        return {"popup": None}
    if isinstance(popup, QMenu):
        return {"popup": "menu"}
    # A combo box's list sits in a private container (a QFrame to Python) holding the combo's view.
    return {"popup": "list" if popup.findChild(QAbstractItemView) is not None else type(popup).__name__}


def combo_item(combo: QWidget | None, text: str) -> dict[str, Any]:
    """Where the entry `text` of `combo`'s open list is on screen (scrolled into view first)."""
    if not isinstance(combo, QComboBox) or not combo.view().isVisible():
        return {"found": False, "open": False}
    row = combo.findText(text)
    if row < 0:
        return {"found": False, "open": True, "items": [combo.itemText(i) for i in range(combo.count())]}
    view = combo.view()
    index = view.model().index(row, combo.modelColumn())
    view.scrollTo(index)
    rect = view.visualRect(index)
    top_left = view.viewport().mapToGlobal(rect.topLeft())
    return {
        "found": True,
        "open": True,
        "x": top_left.x(),
        "y": top_left.y(),
        "w": rect.width(),
        "h": rect.height(),
    }
