"""Runs cloud sync in the background while the window is open and reports its status as a signal.

It needs only settings, paths and the store (`CloudHost`); a sign-in that can no longer be refreshed shows as
"Your sign-in has expired; sign in again." and sync waits for the user to sign in from Settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from ..storage.cloud.host import CloudHost


class CloudSyncStatus(QObject):
    # Emitted from the sync thread; Qt queues it onto the GUI thread because this object lives there.
    changed = Signal(str)

    def __init__(self, app: CloudHost, parent: QObject | None = None) -> None:
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
