"""The app under test, started exactly as `mockmate` starts it, plus the journey probe (tests/journey/probe.py).

    python -m tests.journey.app_host PROBE_SOCKET_NAME [show | demo | report:SESSION_ID]

Everything else comes from the environment, as for the real app: DISPLAY, MOCKMATE_HOME,
MOCKMATE_WHISPER_MODEL, the PulseAudio variables of the virtual microphone.
"""

from __future__ import annotations

import sys


def main(probe_name: str, action: str = "show") -> int:
    from mockmate_desktop.app import AppContext
    from mockmate_desktop.ui.launch import launch
    from mockmate_desktop.ui.main_window import MainWindow
    from mockmate_desktop.ui.single_instance import LaunchRequest

    from .probe import Probe

    probes: list[Probe] = []

    def attach(window: MainWindow) -> None:
        import os

        # For before/after measurements: another GIL switch interval than the app's (ui/launch.py).
        if os.environ.get("MOCKMATE_SWITCH_MS"):
            sys.setswitchinterval(float(os.environ["MOCKMATE_SWITCH_MS"]) / 1000)
        probes.append(Probe(window, probe_name))

    verb, _, session_id = action.partition(":")
    request = LaunchRequest(action=verb, session_id=session_id or None)
    return launch(AppContext.create(), request=request, on_window=attach)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
