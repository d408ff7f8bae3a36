"""A second launch (`mockmate`, `mockmate demo`) hands its request to the window already open on the same data
folder and exits; it never opens a second window on the same database."""

from __future__ import annotations

import os
import subprocess
import sys

from mockmate_desktop.ui.launch import apply_request
from mockmate_desktop.ui.single_instance import LaunchRequest, serve, server_name
from tests.conftest import REPO_ROOT


def _second_launch(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "mockmate_desktop", *args],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_mockmate_demo_opens_the_demo_in_the_running_window(qtbot, window, ctx) -> None:
    requests: list[LaunchRequest] = []

    def handle(request: LaunchRequest) -> None:
        requests.append(request)
        apply_request(window, request)

    serve(server_name(ctx.paths.home), handle, window)
    demo = _second_launch("demo")
    qtbot.waitUntil(lambda: demo.poll() is not None, timeout=60_000)
    _out, err = demo.communicate()
    assert demo.returncode == 0, err
    assert "already open" in err
    assert requests == [LaunchRequest(action="demo")]
    qtbot.waitUntil(
        lambda: window.current_page == "report"
        and window.report.session is not None
        and window.report.session.is_demo,
        timeout=30_000,
    )

    plain = _second_launch()
    qtbot.waitUntil(lambda: plain.poll() is not None, timeout=60_000)
    assert plain.returncode == 0
    assert requests[-1] == LaunchRequest(action="show")
    assert window.current_page == "report"  # bringing the window up changes nothing on it


def test_a_bad_request_is_refused_and_the_window_keeps_running(qtbot, window, ctx) -> None:
    from PySide6.QtNetwork import QLocalSocket

    name = server_name(ctx.paths.home) + "-bad"
    got: list[LaunchRequest] = []
    serve(name, got.append, window)
    socket = QLocalSocket()
    socket.connectToServer(name)
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.ConnectedState, timeout=5_000)
    socket.write(b'{"action": "format-disk"}\n')
    qtbot.waitUntil(lambda: socket.canReadLine(), timeout=5_000)
    assert bytes(socket.readLine().data()).strip() == b"error"
    assert got == []
