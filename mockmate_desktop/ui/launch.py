"""Starts the Qt application around the composed services: one window per data folder, or a clear message
when there is no display to open it on."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ..app import AppContext
    from .main_window import MainWindow
    from .single_instance import LaunchRequest


# How long a thread may keep the GIL while another waits for it (Python's default: 5 ms). The GUI thread takes
# the GIL for every Python slot, timer and style override it runs (the focus-ring style paints each combo and
# spin box in Python); while a worker runs Python (imports, the VAD loop, the interview engine) each of those
# can wait a whole interval. Building, showing and painting the setup page next to a Python worker took a
# median 68-202 ms at 5 ms and 47-67 ms at 1 ms (32-64 ms with no worker; `python -m tests.journey.gil_convoy`,
# load 9). Workers whose heavy lifting is native (Whisper, ONNX) release the GIL and are not slowed.
GIL_SWITCH_INTERVAL_S = 0.001


def build_window(
    app_context: AppContext,
    open_session_id: UUID | None = None,
    *,
    load_speech: bool = True,
    transcribers: dict[str, Any] | None = None,
) -> MainWindow:
    """The window with its services, the speech model loading in the background; used by launch and tests.

    `transcribers` hands in already loaded Whisper models by name (tests load one per test session).
    """
    from .main_window import MainWindow
    from .services import GuiServices

    window = MainWindow(GuiServices(app_context, transcribers=transcribers))
    if load_speech:
        window.speech_status.start()
    if open_session_id is not None:
        window.open_report(open_session_id)
    return window


def qt_application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from .fonts import register_bundled_fonts
    from .theme import follow_system_theme

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    # No application display name: Qt would append it to every title ("MockMate — ... — MockMate").
    app.setApplicationName("MockMate")
    follow_system_theme(app)
    register_bundled_fonts()
    return app


def _x11_reachable(display: str) -> bool:
    """Whether an X server answers at DISPLAY (":0", "host:0.0"), checked without Qt (which aborts)."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host in ("", "unix") or host.startswith("/"):
        path = host if host.startswith("/") else f"/tmp/.X11-unix/X{number}"
        # Linux also has abstract sockets; the file is what every X server creates, so it is enough.
        return Path(path).exists()
    try:
        with socket.create_connection((host, 6000 + int(number)), timeout=2):
            return True
    except OSError:
        return False


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """One line saying why no window can open here and how to get a display, or None when one can."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("", "xcb"):
        return None
    if env.get("WAYLAND_DISPLAY") and not env.get("QT_QPA_PLATFORM"):
        return None
    display = env.get("DISPLAY", "")
    if display and _x11_reachable(display):
        return None
    why = f"the display {display} does not answer" if display else "no display was found (DISPLAY is not set)"
    return (
        f"MockMate needs a graphical display, but {why}. Run it in a desktop session, or on a server "
        "under a virtual one: xvfb-run -a mockmate"
    )


def apply_request(window: MainWindow, request: LaunchRequest) -> None:
    """What a second launch asked for, done by the running window (never over a live interview)."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if request.action == "show":
        return
    if window.current_page == "interview":
        window.banner.show_message(
            "An interview is in progress: end it first, then open the demo or the report.", kind="warning"
        )
        return
    if request.action == "demo":
        window.home.open_demo()
    elif request.action == "report" and request.session_id:
        window.open_report(UUID(request.session_id))


def launch(
    app_context: AppContext,
    *,
    request: LaunchRequest | None = None,
    on_window: Callable[[MainWindow], None] | None = None,
) -> int:
    """Open the window, or hand `request` to the one already open on this data folder.

    `on_window` sees the window before the event loop starts (the journey tests attach their probe there).
    """
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    from .single_instance import LaunchRequest, hand_over, serve, server_name

    wanted = request or LaunchRequest()
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    qt_app = qt_application()
    name = server_name(app_context.paths.home)
    if hand_over(name, wanted):
        print("MockMate is already open: the request went to its window.", file=sys.stderr)
        return 0
    window = build_window(app_context)
    serve(name, lambda r: apply_request(window, r), window)
    if on_window is not None:
        on_window(window)
    window.show()
    apply_request(window, wanted)
    return int(qt_app.exec())
