"""The journey driver: a person's hands and eyes on the real window.

    app = AppUnderTest.start(x, home, shots_dir, extra_env)
    app.wait_page("home")
    app.click("newInterview")                 # a real click in the middle of the widget (xdotool)
    app.type_text("Data Analyst"); app.key("Tab")
    app.click_tab("reportTabs", "Delivery")
    app.shot("report-delivery")               # the whole X screen, as a person sees it
    app.wait_state(page="report", report_tab="Delivery")

Widgets are found by objectName through the probe running inside the app; input goes through the X server.
Waits block on the probe, which checks the condition on the app's own event loop: no sleeps.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .xsession import XSession, poll_until

REPO = Path(__file__).resolve().parents[2]


class JourneyError(AssertionError):
    """A step of the journey did not reach the state a person would expect; the message says which."""


def _socket_path(name: str) -> str:
    # QLocalServer puts a plain name in the temporary folder.
    import tempfile

    return os.path.join(tempfile.gettempdir(), name)


@dataclass
class AppUnderTest:
    x: XSession
    home: Path
    process: subprocess.Popen[bytes]
    probe_name: str
    shots: Path
    log_path: Path
    step: int = 0
    shot_paths: list[Path] = field(default_factory=list)
    stalls_ms: dict[str, float] = field(default_factory=dict)  # longest event-loop stall up to each shot
    _conn: socket.socket | None = None
    _buffer: bytes = b""

    @classmethod
    def start(
        cls,
        x: XSession,
        home: Path,
        shots: Path,
        env: dict[str, str] | None = None,
        *,
        action: str = "show",
        timeout: float = 60,
    ) -> AppUnderTest:
        probe_name = f"mockmate-probe-{os.getpid()}-{home.name}"
        log_path = home.parent / f"{home.name}-app.log"
        full_env = dict(os.environ, **x.env, MOCKMATE_HOME=str(home), QT_QPA_PLATFORM="xcb", **(env or {}))
        # As installed (pip and the packaged build ship compiled modules): compiled once into build/, not
        # recompiled by every import on a worker while the window runs.
        full_env.pop("PYTHONDONTWRITEBYTECODE", None)
        full_env.setdefault("PYTHONPYCACHEPREFIX", str(REPO / "build" / "pycache"))
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.journey.app_host", probe_name, action],
                cwd=REPO,
                env=full_env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        app = cls(x=x, home=home, process=process, probe_name=probe_name, shots=shots, log_path=log_path)
        path = _socket_path(probe_name)
        poll_until(
            lambda: os.path.exists(path) or process.poll() is not None, timeout, "the app's window to open"
        )
        if process.poll() is not None:
            raise JourneyError(f"the app exited at start ({process.returncode}):\n{app.log()}")
        return app

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    # the probe ------------------------------------------------------------------------------------------
    def ask(self, request: dict[str, Any], timeout: float = 30) -> dict[str, Any]:
        if self._conn is None:
            self._conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._conn.connect(_socket_path(self.probe_name))
        self._conn.settimeout(timeout + 10)
        self._conn.sendall((json.dumps(request) + "\n").encode())
        while b"\n" not in self._buffer:
            chunk = self._conn.recv(65536)
            if not chunk:
                raise JourneyError(f"the app closed the probe connection:\n{self.log()}")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise JourneyError(f"probe: {answer['error']}")
        return answer

    def state(self) -> dict[str, Any]:
        return self.ask({"op": "state"})

    def widget(self, name: str) -> dict[str, Any]:
        return self.ask({"op": "widget", "name": name})

    def wait_state(self, timeout: float = 30, **wanted: Any) -> dict[str, Any]:
        """Waits until the window's state matches; a key ending in "~" matches a substring, ">" a minimum,
        "!" any other value, "|" one of a list."""
        answer = self.ask({"op": "wait", "state": wanted, "timeout": timeout}, timeout)
        if not answer["ok"]:
            self.shot("FAILED-wait")
            raise JourneyError(f"waited {timeout} s for {wanted}; the window shows {answer['state']}")
        return dict(answer["state"])

    def events(self) -> list[dict[str, Any]]:
        """The interview's events (phase, transcript, question) since last asked, with the app's
        `time.monotonic()` stamps (comparable with this process's)."""
        return list(self.ask({"op": "events"})["events"])

    def wait_page(self, page: str, timeout: float = 30) -> dict[str, Any]:
        return self.wait_state(timeout, page=page)

    def wait_widget(self, name: str, timeout: float = 30, **wanted: Any) -> dict[str, Any]:
        wanted.setdefault("visible", True)
        answer = self.ask({"op": "wait", "widget": {"name": name, **wanted}, "timeout": timeout}, timeout)
        if not answer["ok"]:
            self.shot("FAILED-widget")
            raise JourneyError(
                f"waited {timeout} s for {name} {wanted}; found {answer['state'].get('widget')}"
            )
        return dict(answer["state"]["widget"])

    # steps ----------------------------------------------------------------------------------------------
    def new_user_to_setup(self, job_title: str) -> None:
        """A new user's first steps: the first-run page, Home, New interview, the job title typed."""
        self.wait_page("first_run")
        self.shot("first-run")
        self.click("first_run.start_button")
        self.wait_page("home")
        self.click("newInterview")
        self.wait_page("setup")
        self.click("setup.job_title")
        self.type_text(job_title)

    # hands ----------------------------------------------------------------------------------------------
    def click(self, name: str, *, double: bool = False, timeout: float = 30) -> None:
        """Click the middle of the widget named `name`, once it is visible and enabled."""
        found = self.scroll_into_view(name, timeout)
        self.x.click(found["x"] + found["w"] // 2, found["y"] + found["h"] // 2, double=double)

    def scroll_into_view(self, name: str, timeout: float = 30) -> dict[str, Any]:
        """As a person does: turn the mouse wheel over the page until the widget's middle is on screen."""
        found = self.wait_widget(name, timeout, enabled=True)
        if not found["shown"] and found["scroll_area"]:
            # A widget that has just appeared is laid out and painted on the event loop's next pass: wait for
            # that briefly before turning the wheel (turning it meanwhile let the page move on under the mouse).
            settled = self.ask({"op": "wait", "widget": {"name": name, "shown": True}, "timeout": 2}, 2)
            found = settled["state"]["widget"] if settled["ok"] else found
        for _turn in range(40):
            if found["shown"] or not found["scroll_area"]:
                return found
            if not found["visible"]:
                raise JourneyError(f"{name} went away before it could be clicked")
            area = found["scroll_area"]
            # Wheel down (button 5) when it is below the visible part, up (4) when above.
            wheel = 5 if found["y"] + found["h"] // 2 > area["y"] + area["h"] // 2 else 4
            self.x.click(area["x"] + area["w"] // 2, area["y"] + area["h"] // 2, button=wheel)
            found = self.widget(name)
        raise JourneyError(f"{name} stays out of view after scrolling")

    def click_tab(self, widget: str, text: str) -> None:
        tab = self.ask({"op": "tab", "widget": widget, "text": text})
        if not tab["found"]:
            raise JourneyError(f"no tab {text!r} in {widget}")
        self.x.click(tab["x"] + tab["w"] // 2, tab["y"] + tab["h"] // 2)

    def click_row(self, widget: str, row: int, *, double: bool = False) -> None:
        found = self.ask({"op": "row", "widget": widget, "row": row})
        if not found["found"]:
            raise JourneyError(f"no row {row} in {widget}")
        self.x.click(found["x"] + min(found["w"] // 2, 120), found["y"] + found["h"] // 2, double=double)

    def click_menu_action(self, menu: str, action: str) -> None:
        found = self.ask({"op": "action", "menu": menu, "name": action})
        if not found["found"]:
            self.shot("FAILED-menu")
            raise JourneyError(f"menu {menu} is not open or has no {action}")
        self.x.click(found["x"] + found["w"] // 2, found["y"] + found["h"] // 2)

    def choose(self, combo: str, text: str) -> None:
        """Choose `text` in the drop-down list `combo` as a person does: a click opens the list, a click on
        the entry chooses it."""
        self.click(combo)
        self.wait_state(popup="list")
        found = self.ask({"op": "combo_item", "widget": combo, "text": text})
        if not found["found"]:
            self.shot("FAILED-choose")
            raise JourneyError(f"no {text!r} in the list of {combo}: {found}")
        self.x.click(found["x"] + min(found["w"] // 2, 80), found["y"] + found["h"] // 2)
        self.wait_state(popup=None)
        chosen = self.widget(combo)
        if chosen.get("text") != text:
            raise JourneyError(f"{combo} shows {chosen.get('text')!r} after choosing {text!r}")

    def click_at_fraction(self, name: str, fraction: float) -> None:
        """Click along a widget's width (a slider's groove, say)."""
        found = self.wait_widget(name, enabled=True)
        self.x.click(found["x"] + int(found["w"] * fraction), found["y"] + found["h"] // 2)

    def type_text(self, text: str) -> None:
        self.x.type_text(text)

    def key(self, *keys: str) -> None:
        self.x.key(*keys)

    # eyes -----------------------------------------------------------------------------------------------
    def shot(self, name: str) -> Path:
        self.step += 1
        path = self.x.screenshot(self.shots / f"{self.step:02d}-{name}.png")
        self.shot_paths.append(path)
        # The longest stall of the app's event loop since the previous step, then start counting afresh.
        self.stalls_ms[f"{self.step:02d}-{name}"] = float(self.state()["max_stall_ms"])
        self.ask({"op": "stall_reset"})
        return path

    def kill(self) -> None:
        """For benchmarks that need no clean shutdown: end the app's process group at once."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, 9)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self.process.poll() is None:
            # Closing the window the way a person does (the window manager's close) runs the app's own
            # shutdown; the kill below is only for an app that hangs.
            try:
                self.x.key("alt+F4")
                self.process.wait(timeout=30)
            except (RuntimeError, subprocess.TimeoutExpired):
                os.killpg(self.process.pid, 9)
                self.process.wait(timeout=10)
