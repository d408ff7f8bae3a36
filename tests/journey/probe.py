"""Runs inside the app under test: tells the journey driver where widgets are and what state the window is
in, and waits for states on the GUI thread. It never clicks or types: input comes from xdotool.

One JSON request per line on a local socket, one JSON answer per line:
    {"op": "widget", "name": "replayPlay"}                  -> geometry (global), visible, enabled, text
    {"op": "tab", "widget": "reportTabs", "text": "Delivery"} -> geometry of that tab
    {"op": "row", "widget": "sessionsTable", "row": 0}       -> geometry of a list/table row
    {"op": "action", "menu": "reportExportMenu", "name": "export-pdf"} -> geometry of a menu entry
    {"op": "combo_item", "widget": "setup.language", "text": "French"} -> geometry of an open list's entry
    {"op": "state"}                                           -> page, report tab, focus, modal dialog, stalls
    {"op": "wait", "state": {...}, "widget": {...}, "timeout": 20} -> the state once it matches (or an error)
    {"op": "events"}                                          -> the interview's timed events since last asked
    {"op": "processes"}                                       -> peak memory of the app and its children
A heartbeat timer measures the longest event-loop stall since the last {"op": "stall_reset"}.
Events carry `time.monotonic()` (CLOCK_MONOTONIC, the same clock in every process of the machine), taken on
the GUI thread when the controller's signal is delivered, i.e. when the page sets the text it shows.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from mockmate_desktop.domain.transcript import join_words
from mockmate_desktop.ui.main_window import MainWindow

from .probe_choices import combo_item, popup_state
from .probe_coaching import chart_point, coaching_state
from .probe_processes import processes_state


def _find(name: str, window: QWidget | None = None) -> QWidget | None:
    """By objectName, or by attribute path from the main window ("setup.job_title") for unnamed widgets."""
    if "." in name and window is not None:
        target: Any = window
        for part in name.split("."):
            target = getattr(target, part, None)
        return target if isinstance(target, QWidget) else None
    found: list[QWidget] = []
    for top in QApplication.topLevelWidgets():
        if top.objectName() == name:
            found.append(top)
        found += top.findChildren(QWidget, name)
    visible = [w for w in found if w.isVisible()]
    return (visible or found or [None])[0]


def _rect(widget: QWidget, local: Any = None) -> dict[str, int]:
    area = local if local is not None else widget.rect()
    top_left = widget.mapToGlobal(area.topLeft())
    return {"x": top_left.x(), "y": top_left.y(), "w": area.width(), "h": area.height()}


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def _describe(widget: QWidget | None) -> dict[str, Any]:
    if widget is None:
        return {"found": False}
    text = ""
    if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    elif isinstance(widget, QAbstractSpinBox):
        text = widget.text()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        text = widget.toPlainText()
    center = widget.rect().center()
    area = next(
        (a for a in _ancestors(widget) if isinstance(a, QAbstractScrollArea) and a is not widget), None
    )
    return {
        "found": True,
        # Whether a person can see the middle of it: not scrolled out of view or clipped by a parent.
        "shown": widget.isVisible() and widget.visibleRegion().contains(center),
        "scroll_area": _rect(area.viewport()) if area is not None else None,
        "class": type(widget).__name__,
        "visible": widget.isVisible(),
        "enabled": widget.isEnabled(),
        "focus": widget.hasFocus(),
        "text": text,
        **_rect(widget),
    }


def _holds(state: dict[str, Any], key: str, wanted: Any) -> bool:
    if key.endswith("|"):
        return state.get(key[:-1]) in wanted
    if key.endswith("~"):
        return str(wanted) in str(state.get(key[:-1]) or "")
    if key.endswith("!"):
        return bool(state.get(key[:-1]) != wanted)
    if key.endswith(">"):
        value = state.get(key[:-1])
        return isinstance(value, (int, float)) and value > wanted
    return bool(state.get(key) == wanted)


def _live_transcript(window: MainWindow) -> str:
    view = window.interview.transcript
    return join_words((view.committed, view.tentative))


def _saved_answers(controller: Any) -> dict[str, Any]:
    session = getattr(controller, "session", None)
    answers = list(session.answers) if session is not None else []
    return {"answers_saved": len(answers), "last_answer": answers[-1].transcript if answers else None}


class Heartbeat(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.max_gap_ms = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap_ms = max(self.max_gap_ms, (now - self.last) * 1000)
        self.last = now


class Probe(QObject):
    def __init__(self, window: MainWindow, name: str) -> None:
        super().__init__(window)
        self.window = window
        self.heartbeat = Heartbeat()
        if os.environ.get("MOCKMATE_STALL_TRACE"):
            from .stall_trace import StallTracer

            StallTracer(lambda: self.heartbeat.last, float(os.environ["MOCKMATE_STALL_TRACE"])).start()
        self.server = QLocalServer(self)
        QLocalServer.removeServer(name)
        if not self.server.listen(name):
            raise RuntimeError(f"probe socket {name}: {self.server.errorString()}")
        self.server.newConnection.connect(self._accept)
        self._waits: list[tuple[QLocalSocket, dict[str, Any], float]] = []
        self._poll = QTimer(self)
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._check_waits)
        self.events: list[dict[str, Any]] = []
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        controller = window.interview.controller
        controller.phase_changed.connect(lambda phase: self._event("phase", phase))
        controller.transcript.connect(lambda done, tentative: self._event("transcript", done, tentative))
        controller.question_changed.connect(lambda question, *_: self._event("question", question.text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Input as the app received it (mouse buttons, keys) and the widget it went to, to tell input from
        the app's own doing in the event log."""
        kind = event.type()
        inputs = (QEvent.Type.MouseButtonRelease, QEvent.Type.KeyPress)
        if kind in inputs and isinstance(watched, QWidget) and not watched.isWindow():
            key = f" {event.key()}" if isinstance(event, QKeyEvent) else ""
            self._event("input", f"{kind.name}{key}", watched.objectName() or type(watched).__name__)
        return False

    def _event(self, kind: str, *values: str) -> None:
        self.events.append({"t": time.monotonic(), "kind": kind, "value": " ".join(v for v in values if v)})

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            request = json.loads(bytes(socket.readLine().data()).decode())
            if request.get("op") == "wait":
                deadline = time.monotonic() + float(request.get("timeout", 20))
                self._waits.append((socket, request, deadline))
                self._poll.start()
                self._check_waits()
                continue
            try:
                answer = self.handle(request)
            except Exception as exc:  # the driver shows it; the app keeps running
                answer = {"error": f"{type(exc).__name__}: {exc}"}
            self._reply(socket, answer)

    @staticmethod
    def _reply(socket: QLocalSocket, answer: dict[str, Any]) -> None:
        socket.write((json.dumps(answer) + "\n").encode())
        socket.flush()

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        op = request.get("op")
        if op == "widget":
            return _describe(_find(str(request["name"]), self.window))
        if op == "tab":
            return self._tab(str(request["widget"]), str(request["text"]))
        if op == "row":
            return self._row(str(request["widget"]), int(request["row"]))
        if op == "action":
            return self._action(str(request["menu"]), str(request["name"]))
        if op == "state":
            return self.state()
        if op == "events":
            events, self.events = self.events, []
            return {"events": events, "now": time.monotonic()}
        if op == "combo_item":
            return combo_item(_find(str(request["widget"]), self.window), str(request["text"]))
        if op == "chart_point":
            return chart_point(str(request["widget"]), int(request["index"]))
        if op == "processes":
            return processes_state()
        if op == "stall_reset":
            self.heartbeat.reset()
            return {"ok": True}
        raise ValueError(f"unknown op {op!r}")

    def _tab(self, name: str, text: str) -> dict[str, Any]:
        widget = _find(name, self.window)
        bar = widget.tabBar() if isinstance(widget, QTabWidget) else widget
        if not isinstance(bar, QTabBar):
            return {"found": False}
        for index in range(bar.count()):
            if bar.tabText(index).replace("&", "") == text:
                return {"found": True, "index": index, **_rect(bar, bar.tabRect(index))}
        return {"found": False}

    def _action(self, menu_name: str, action_name: str) -> dict[str, Any]:
        menu = _find(menu_name, self.window)
        if not isinstance(menu, QMenu) or not menu.isVisible():
            return {"found": False}
        action = next((a for a in menu.actions() if a.objectName() == action_name), None)
        if action is None:
            return {"found": False}
        return {"found": True, **_rect(menu, menu.actionGeometry(action))}

    def _row(self, name: str, row: int) -> dict[str, Any]:
        view = _find(name, self.window)
        if not isinstance(view, QAbstractItemView) or view.model() is None:
            return {"found": False}
        index = view.model().index(row, 0)
        if not index.isValid():
            return {"found": False}
        view.scrollTo(index)
        rect = view.visualRect(index)
        viewport = view.viewport()
        top_left = viewport.mapToGlobal(rect.topLeft())
        return {"found": True, "x": top_left.x(), "y": top_left.y(), "w": rect.width(), "h": rect.height()}

    def state(self) -> dict[str, Any]:
        w = self.window
        focus = QApplication.focusWidget()
        modal = QApplication.activeModalWidget()
        report = w.report
        session = report.session
        controller = getattr(w.interview, "controller", None)
        phase = getattr(controller, "phase", None)
        replay = w.report.questions.replay
        return {
            "page": w.current_page,
            "interview_phase": getattr(phase, "value", None),
            "interview_label": w.interview.progress_label.text(),
            "interview_question": w.interview.question_label.text(),
            "live_transcript": _live_transcript(w),
            # Whether audio flows from the microphone (None where the controller does not say).
            "mic_open": getattr(controller, "mic_open", None),
            **_saved_answers(controller),
            "replay_playing": replay.playing,
            "replay_word": replay._current,
            "replay_position_s": round(replay.position_s, 2),
            "replay_duration_s": round(replay.duration_s, 2),
            "report_tab": report.tabs.tabText(report.tabs.currentIndex()) if session else None,
            "report_session": str(session.id) if session else None,
            "report_is_demo": bool(session and session.is_demo),
            "report_title": report.title.text(),
            "focus": (focus.objectName() or type(focus).__name__) if focus else None,
            "modal": modal.windowTitle() if modal else None,
            "active_window": (
                QApplication.activeWindow().windowTitle() if QApplication.activeWindow() else None
            ),
            "home_rows": w.home.table.rowCount(),
            "banner": w.banner.text,
            "max_stall_ms": round(self.heartbeat.max_gap_ms, 1),
            "speech_model_ready": w.speech_status.transcriber is not None,
            **coaching_state(),
            **popup_state(),
        }

    def _matches(self, request: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        state = self.state()
        wanted = request.get("state") or {}
        # "key~": the state's text contains the value; "key>": the state's number is above it; "key!": differs.
        ok = all(_holds(state, k, v) for k, v in wanted.items())
        widget_wanted = request.get("widget")
        if widget_wanted:
            found = _describe(_find(str(widget_wanted["name"]), self.window))
            state["widget"] = found
            ok = (
                ok
                and found.get("found", False)
                and all(found.get(k) == v for k, v in widget_wanted.items() if k != "name")
            )
        return ok, state

    def _check_waits(self) -> None:
        pending = []
        for socket, request, deadline in self._waits:
            try:
                ok, state = self._matches(request)
            except Exception as exc:  # reported to the driver instead of retried forever
                self._reply(socket, {"error": f"{type(exc).__name__}: {exc}"})
                continue
            if ok:
                self._reply(socket, {"ok": True, "state": state})
            elif time.monotonic() > deadline:
                self._reply(socket, {"ok": False, "state": state})
            else:
                pending.append((socket, request, deadline))
        self._waits = pending
        if not pending:
            self._poll.stop()
