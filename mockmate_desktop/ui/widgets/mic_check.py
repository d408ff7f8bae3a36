"""A microphone check: a button, a live level bar and a one-line verdict; used by setup and Settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..errors import describe
from ..mic_test import MicTest
from .common import hint
from .level_meter import LevelMeter

if TYPE_CHECKING:
    from ..shell import Shell

# RMS above this during the test counts as "heard something"; room noise on a laptop sits near 0.002.
HEARD_LEVEL = 0.01


class MicCheck(QWidget):
    """`checked(bool)` says whether anything was heard; failures are shown inline and in the banner."""

    checked = Signal(bool)

    def __init__(
        self,
        shell: Shell,
        device: Callable[[], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._shell = shell
        self._device = device or (lambda: None)
        self.test: MicTest | None = None
        self.heard: bool | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.button = QPushButton("Test microphone")
        self.button.clicked.connect(self.toggle)
        self.meter = LevelMeter()
        row.addWidget(self.button)
        row.addWidget(self.meter, 1)
        column.addLayout(row)
        self.result = hint("Press Test microphone and speak for a few seconds: the bar should move.")
        column.addWidget(self.result)

    def toggle(self) -> None:
        if self.test is not None:
            self.test.stop()
            return
        test = MicTest(self._shell.services, self._device(), parent=self)
        test.level.connect(self.meter.set_level)
        test.failed.connect(self._failed)
        test.peak.connect(self._peak)
        test.finished.connect(self._done)
        self.test = test
        self.button.setText("Stop test")
        self.result.setText("Listening… speak now.")
        test.start()

    def _failed(self, exc: BaseException) -> None:
        error = describe(exc, "Microphone test")
        self.heard = False
        self.result.setText(f"✘ {error.message}")
        self._shell.show_error(error)
        self.checked.emit(False)

    def _peak(self, loudest: float) -> None:
        self.heard = loudest > HEARD_LEVEL
        self.result.setText(
            "✔ The microphone works."
            if self.heard
            else "✘ Nothing was heard: check the microphone and its volume, then test again."
        )
        self.checked.emit(self.heard)

    def _done(self) -> None:
        test, self.test = self.test, None
        if test is not None:
            test.deleteLater()
        self.button.setText("Test microphone")
        self.meter.reset()

    def stop(self) -> None:
        """Ends a running test without waiting: the test thread closes the stream on its own."""
        if self.test is not None:
            self.test.stop()

    def hideEvent(self, event: QHideEvent) -> None:
        # A test left running behind another page would hold the microphone nobody is watching.
        self.stop()
        super().hideEvent(event)

    def shutdown(self) -> None:
        """At window close only: waits (briefly) for the test thread to end."""
        if self.test is not None:
            self.test.stop()
            self.test.wait(5000)
