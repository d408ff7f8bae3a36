"""Home's answer to a database that vanished next to recordings: say so, and offer the safe way out.

The store refuses to start over silently (storage/folder_state.py). Without this card the window showed the
refusal as a generic "check that the folder is writable" and an empty list that read "No sessions yet",
which looks like every past session was lost. The card says what was found and offers what
`mockmate sessions recover` does: move the recordings aside (nothing is deleted) and start a new database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ..errors import describe
from ..report.text import para
from ..widgets.common import card, hint

if TYPE_CHECKING:
    from ..main_window import MainWindow


class RecoveryCard(QWidget):
    """Shown instead of the sessions list while the database is missing and recordings remain."""

    def __init__(self, window: MainWindow, on_recovered: Callable[[], None]) -> None:
        super().__init__()
        self.window_ = window
        self._on_recovered = on_recovered
        frame, layout = card("Your past sessions could not be opened")
        self.frame: QFrame = frame
        self.detail = hint("")
        self.detail.setObjectName("recoveryDetail")
        layout.addWidget(self.detail)
        layout.addWidget(
            hint(
                "If you have a copy of the database (a backup), put it back in the data folder and restart "
                "MockMate. Otherwise keep the recordings aside: they move to a “recovered” folder with a list "
                "of what is there, nothing is deleted, and a new, empty history starts."
            )
        )
        self.button = QPushButton("Keep the recordings aside and start a new history…")
        self.button.setObjectName("recoverRecordings")
        self.button.clicked.connect(lambda: self.recover())
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.hide()

    def show_problem(self, exc: BaseException) -> None:
        self.detail.setText(describe(exc).message)
        self.button.setEnabled(True)
        self.show()

    def recover(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self,
                "Keep the recordings aside",
                para(
                    "Move the recordings and resumes to a new “recovered” folder in the data folder and start a "
                    "new, empty history? Nothing is deleted."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.button.setEnabled(False)
        self.window_.tasks.run_store(
            self.window_.services.recover_orphaned_files,
            self._done,
            self._failed,
            name="Keeping the recordings aside",
        )

    def _done(self, summary: str) -> None:
        self.hide()
        self.window_.banner.show_message(summary, kind="info")
        self._on_recovered()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.window_.show_exception(exc, "Keeping the recordings aside")
