"""A real X display for journeys: Xvfb, the openbox window manager, xdotool input and root screenshots.

    with XSession.start(workdir) as x:     # Xvfb on a free display, openbox managing it
        x.env                              # DISPLAY (and XAUTHORITY) for processes that should use it
        x.click(640, 400); x.type_text("Data Analyst"); x.key("ctrl+Tab")
        x.screenshot(path)                 # what a person would see, window decorations included

No sleeps: Xvfb reports its display number on a pipe once it accepts clients (-displayfd), and openbox
runs a `--startup` command once it manages the screen, which this waits for with bounded polling.
No pytest here, so the helpers can be used from a script as well as from fixtures.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCREEN = "1280x800x24"
TOOLS = ("Xvfb", "openbox", "xdotool", "import")


class XUnavailable(RuntimeError):
    """A tool is missing or the X server / window manager did not start."""


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def _start_xvfb(timeout: float) -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    try:
        process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    finally:
        os.close(write_fd)
    # Xvfb writes "N\n" once it accepts clients, possibly in more than one write: read up to the newline
    # (closing the pipe earlier makes Xvfb's next write fail, which is fatal to it).
    received = b""
    deadline = time.monotonic() + timeout
    try:
        while not received.endswith(b"\n"):
            ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_fd, 32) if ready else b""
            if not chunk:
                break
            received += chunk
    finally:
        os.close(read_fd)
    number = received.decode().strip() if received.endswith(b"\n") else ""
    if not number:
        _stop_group(process)
        err = process.stderr.read().decode(errors="replace") if process.stderr else ""
        raise XUnavailable(f"Xvfb did not start: {err[-400:]}")
    return process, f":{number}"


@dataclass
class XSession:
    xvfb: subprocess.Popen[bytes]
    wm: subprocess.Popen[bytes]
    display: str
    workdir: Path

    @classmethod
    def start(cls, workdir: Path, *, timeout: float = 20.0) -> XSession:
        missing = [tool for tool in TOOLS if shutil.which(tool) is None]
        if missing:
            raise XUnavailable(f"missing {', '.join(missing)} (apt install xvfb openbox xdotool imagemagick)")
        workdir.mkdir(parents=True, exist_ok=True)
        xvfb, display = _start_xvfb(timeout)
        marker = workdir / "openbox-ready"
        marker.unlink(missing_ok=True)
        env = dict(os.environ, DISPLAY=display)
        wm_log = (workdir / "openbox.log").open("wb")
        wm = subprocess.Popen(
            ["openbox", "--sm-disable", "--startup", f"touch {marker}"],
            env=env,
            stdout=wm_log,
            stderr=subprocess.STDOUT,
            # Its own process group, not its own session: openbox cannot open the display from a new session.
            process_group=0,
        )
        session = cls(xvfb=xvfb, wm=wm, display=display, workdir=workdir)
        try:
            poll_until(lambda: marker.exists() or wm.poll() is not None, timeout, "openbox to start")
        except TimeoutError as exc:
            session.stop()
            raise XUnavailable(str(exc)) from exc
        if wm.poll() is not None:
            session.stop()
            raise XUnavailable(f"openbox exited at start: {(workdir / 'openbox.log').read_text()[-400:]}")
        return session

    @property
    def env(self) -> dict[str, str]:
        return {"DISPLAY": self.display}

    def run(self, *args: str, timeout: float = 20.0) -> str:
        done = subprocess.run(
            list(args), env=dict(os.environ, **self.env), capture_output=True, text=True, timeout=timeout
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    # input: real events through the X server, as a person's mouse and keyboard produce them ------------
    def click(self, x: int, y: int, *, button: int = 1, double: bool = False) -> None:
        repeat = ["--repeat", "2", "--delay", "80"] if double else []
        self.run("xdotool", "mousemove", "--sync", str(x), str(y), "click", *repeat, str(button))

    def type_text(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "12", "--", text, timeout=60)

    def key(self, *keys: str) -> None:
        self.run("xdotool", "key", "--delay", "40", *keys)

    def active_window_name(self) -> str:
        with contextlib.suppress(RuntimeError):
            return self.run("xdotool", "getactivewindow", "getwindowname").strip()
        return ""

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run("import", "-display", self.display, "-window", "root", str(path), timeout=30)
        return path

    def stop(self) -> None:
        _stop_group(self.wm)
        _stop_group(self.xvfb)

    def __enter__(self) -> XSession:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


def poll_until(condition: Any, timeout: float, what: str, interval: float = 0.05) -> None:
    """Bounded polling for a state that has no event to wait on (a file appearing, a process state)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        # select() on nothing: a bounded pause between two looks at the condition.
        select.select([], [], [], interval)
