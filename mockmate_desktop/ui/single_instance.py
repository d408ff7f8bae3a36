"""One window per data folder: a second launch hands its request to the running window and exits.

The running app listens on a local socket named after the user and the data folder; a new launch first
tries to connect there. A request is one JSON line ({"action": "show" | "demo" | "report", ...}) answered
by one line ("ok"). Two data folders (tests, a second profile) never see each other.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_CONNECT_MS = 500
_REPLY_MS = 3000


@dataclass(frozen=True)
class LaunchRequest:
    action: str = "show"  # "show": bring the window up; "demo": open the demo; "report": open session_id
    session_id: str | None = None

    def encode(self) -> bytes:
        return (json.dumps(asdict(self)) + "\n").encode()

    @classmethod
    def decode(cls, line: bytes) -> LaunchRequest:
        data = json.loads(line.decode())
        if not isinstance(data, dict) or data.get("action") not in ("show", "demo", "report"):
            raise ValueError(f"not a launch request: {line[:80]!r}")
        session = data.get("session_id")
        return cls(action=str(data["action"]), session_id=str(session) if session else None)


def server_name(home: Path) -> str:
    digest = hashlib.sha256(str(home.resolve()).encode()).hexdigest()[:16]
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    return f"mockmate-{user}-{digest}"


def hand_over(name: str, request: LaunchRequest) -> bool:
    """True when a running window took the request; called before this process opens any window."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(_CONNECT_MS):
        return False
    socket.write(request.encode())
    # flush() sends what it can; waitForBytesWritten() would then report False with nothing left to write.
    socket.flush()
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(_REPLY_MS):
        reply += bytes(socket.readAll().data())
    accepted = reply.strip() == b"ok"
    socket.disconnectFromServer()
    return accepted


class InstanceServer(QObject):
    """Listens for later launches; `requested` carries each one to the window on the GUI thread."""

    requested = Signal(object)  # LaunchRequest

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # Nobody answered hand_over, so a socket left by a crashed instance is stale: take its place.
        QLocalServer.removeServer(self.name)
        ok = self.server.listen(self.name)
        if not ok:
            log.warning("single-instance socket %s unavailable: %s", self.name, self.server.errorString())
        return ok

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            request = LaunchRequest.decode(line)
        except ValueError as exc:
            log.info("ignored a bad launch request: %s", exc)
            socket.write(b"error\n")
            return
        socket.write(b"ok\n")
        socket.flush()
        self.requested.emit(request)

    def close(self) -> None:
        self.server.close()


def serve(name: str, handler: Callable[[LaunchRequest], None], parent: QObject) -> InstanceServer:
    server = InstanceServer(name, parent)
    server.requested.connect(handler)
    server.listen()
    return server
