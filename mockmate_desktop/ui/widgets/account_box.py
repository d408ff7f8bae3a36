"""Settings group for the optional cloud account: sign up, sign in, sign out. Network work runs in a task."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import describe
from .common import section

if TYPE_CHECKING:
    from ..shell import Shell


class AccountBox(QFrame):
    def __init__(
        self, shell: Shell, on_changed: Callable[[], None] = lambda: None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._shell = shell
        self._on_changed = on_changed
        # A card like the other settings groups (see widgets.common.card).
        self.setProperty("role", "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.addWidget(section("Cloud account (optional)"))
        form = QFormLayout()
        column.addLayout(form)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # untrusted text: never rich text
        self.state.setWordWrap(True)
        form.addRow("Status", self.state)
        self.email = QLineEdit()
        self.email.setPlaceholderText("you@example.com")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Email", self.email)
        form.addRow("Password", self.password)
        row = QHBoxLayout()
        self.sign_in_button = QPushButton("Sign in")
        self.sign_up_button = QPushButton("Create account")
        self.sign_out_button = QPushButton("Sign out")
        for button in (self.sign_in_button, self.sign_up_button, self.sign_out_button):
            row.addWidget(button)
        row.addStretch(1)
        form.addRow(row)
        self.sign_in_button.clicked.connect(lambda: self._sign_in(create=False))
        self.sign_up_button.clicked.connect(lambda: self._sign_in(create=True))
        self.sign_out_button.clicked.connect(self._sign_out)
        self.refresh()

    def refresh(self) -> None:
        """Reads only local files, so it is cheap enough for the GUI thread."""
        app = self._shell.services.ctx
        configured = app.settings.firebase_configured
        for widget in (self.email, self.password, self.sign_in_button, self.sign_up_button):
            widget.setEnabled(configured)
        if not configured:
            self.state.setText(
                "Cloud sync is off: set a Firebase project (see the README) to sync across machines."
            )
            self.sign_out_button.setEnabled(False)
            return
        from ...storage.cloud.account import signed_in_user

        user = signed_in_user(app)
        self.sign_out_button.setEnabled(user is not None)
        self.state.setText(
            f"Signed in as {user.email}." if user else "Signed out. Everything stays on this computer."
        )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.sign_in_button, self.sign_up_button, self.sign_out_button):
            button.setEnabled(not busy)
        if busy:
            self.state.setText("Contacting the account service…")

    def _sign_in(self, *, create: bool) -> None:
        email, password = self.email.text().strip(), self.password.text()
        if not email or not password:
            self.state.setText("Enter your email and password.")
            return
        from ...storage.cloud.account import sign_in_here

        app = self._shell.services.ctx
        self._set_busy(True)
        self._shell.tasks.run(
            lambda: sign_in_here(app, email, password, create=create),
            on_done=lambda _user: self._after_change(),
            on_error=self._failed,
            name="cloud sign-in",
        )

    def _sign_out(self) -> None:
        from ...storage.cloud.account import sign_out_here

        app = self._shell.services.ctx
        self._set_busy(True)
        self._shell.tasks.run(
            lambda: sign_out_here(app),
            on_done=lambda _r: self._after_change(),
            on_error=self._failed,
            name="sign-out",
        )

    def _after_change(self) -> None:
        self.password.clear()
        self.refresh()
        self._on_changed()

    def _failed(self, exc: BaseException) -> None:
        self.refresh()
        self._shell.show_error(describe(exc, "Cloud account"))
