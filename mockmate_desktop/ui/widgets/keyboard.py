"""Keyboard behaviour a person expects from item views: Tab leaves the view, Enter opens the row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterOpens(QObject):
    def __init__(self, view: QAbstractItemView, on_enter: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._on_enter = on_enter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if event.key() in _ENTER and plain and self._view.currentIndex().isValid():
                self._on_enter()
                return True
        return False


def keyboard_friendly(view: QAbstractItemView, on_enter: Callable[[], None]) -> None:
    """Tab and Shift+Tab move focus out of `view` (not from cell to cell); Enter runs `on_enter`."""
    view.setTabKeyNavigation(False)
    view.installEventFilter(_EnterOpens(view, on_enter))
