"""Runs cloud sync in the background while the window is open and reports its status as a signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class CloudSyncStatus(QObject):
    # Emitted from the sync thread; Qt queues it onto the GUI thread because this object lives there.
    changed = Signal(str)

    # `app` is the composition root's context, typed Any only while storage/cloud still asks for
    # `app.AppContext` by name (issue 16 removes that import).
    def __init__(self, app: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._loop: Any = None
        self.text = "Cloud sync off (local profile only)."
        self.changed.connect(self._remember)

    def _remember(self, text: str) -> None:
        self.text = text

    def start(self) -> None:
        """Starts the sync thread only when the user configured a Firebase project."""
        if self._loop is not None or not self._app.settings.firebase_configured:
            self.changed.emit(self.text)
            return
        from ..storage.cloud.background import SyncLoop

        self._loop = SyncLoop(self._app, lambda text, _report: self.changed.emit(text))
        self._loop.start()

    def restart(self) -> None:
        """After a sign-in or sign-out: sync now (the loop reports 'signed out' by itself)."""
        if self._loop is None:
            self.start()
        else:
            self.poke()

    def poke(self) -> None:
        if self._loop is not None:
            self._loop.poke()

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None
