"""An isolated PulseAudio server with a virtual microphone, for tests that record real audio.

    with VirtualMic.start(tmp_dir) as mic:      # sets PULSE_SERVER / XDG_RUNTIME_DIR for this process
        player = mic.play("answer.wav")         # paplay into the null sink "vsink"
        ...record from the default input ("vmic", the sink's monitor) with sounddevice...
        player.wait(timeout=30)

The server has a null sink `vsink` (16 kHz mono) and a source `vmic` remapped from its monitor, both
defaults, so whatever is played into the sink is what the microphone hears. PortAudio reads the environment
when it initialises: call `restart_portaudio()` after starting/stopping the server in a process that has
already used sounddevice. No pytest here: `virtual_mic_fixture()` builds the fixture for a conftest.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

_SCRIPT = """
load-module module-native-protocol-unix auth-anonymous=1 socket={socket}
load-module module-null-sink sink_name=vsink rate=16000 channels=1
load-module module-remap-source master=vsink.monitor source_name=vmic
set-default-sink vsink
set-default-source vmic
"""


class PulseUnavailable(RuntimeError):
    """pulseaudio/paplay are not installed or the server did not start."""


def restart_portaudio() -> None:
    """Make sounddevice see the current sound server (PortAudio caches devices at initialisation)."""
    import sounddevice as sd

    sd._terminate()
    sd._initialize()


@dataclass
class Playback:
    process: subprocess.Popen[bytes]

    def wait(self, timeout: float = 60.0) -> int:
        return self.process.wait(timeout=timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=5)


@dataclass
class VirtualMic:
    runtime_dir: Path
    process: subprocess.Popen[bytes]
    env: dict[str, str]
    _saved_env: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def start(cls, workdir: Path | None = None, *, timeout: float = 15.0) -> VirtualMic:
        for tool in ("pulseaudio", "paplay", "pactl"):
            if shutil.which(tool) is None:
                raise PulseUnavailable(f"{tool} is not installed (apt install pulseaudio pulseaudio-utils)")
        runtime = Path(tempfile.mkdtemp(prefix="pulse-", dir=workdir))
        runtime.chmod(0o700)
        socket = runtime / "native"
        script = runtime / "default.pa"
        script.write_text(_SCRIPT.format(socket=socket))
        env = dict(
            os.environ,
            XDG_RUNTIME_DIR=str(runtime),
            PULSE_SERVER=f"unix:{socket}",
            HOME=str(runtime),
            PULSE_RUNTIME_PATH=str(runtime / "pulse"),
        )
        process = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "-F",
                str(script),
                "--exit-idle-time=-1",
                "--daemonize=no",
                "--use-pid-file=no",
                "--disallow-exit",
                "--log-target=stderr",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        mic = cls(
            runtime_dir=runtime,
            process=process,
            env={k: env[k] for k in ("XDG_RUNTIME_DIR", "PULSE_SERVER", "PULSE_RUNTIME_PATH")},
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                err = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise PulseUnavailable(f"pulseaudio exited: {err[-500:]}")
            ready = subprocess.run(["pactl", "info"], env=env, capture_output=True, timeout=5)
            if ready.returncode == 0 and b"vmic" in ready.stdout:
                mic.activate()
                return mic
            # Polling a starting server: no event to wait on; pactl itself blocks briefly.
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
        mic.stop()
        raise PulseUnavailable("pulseaudio did not become ready in time")

    def activate(self) -> None:
        """Point this process (and PortAudio) at this server."""
        for key, value in self.env.items():
            self._saved_env.setdefault(key, os.environ.get(key))
            os.environ[key] = value
        with contextlib.suppress(ImportError, OSError):
            restart_portaudio()

    def play(self, wav: Path | str, *, volume: float | None = None) -> Playback:
        args = ["paplay", "--device=vsink"]
        if volume is not None:
            args.append(f"--volume={int(volume * 65536)}")
        process = subprocess.Popen(
            [*args, str(wav)],
            env=dict(os.environ, **self.env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        return Playback(process)

    def suspend_source(self) -> None:
        """The microphone stops delivering audio while its stream stays open (as a Bluetooth headset
        that drops out does)."""
        subprocess.run(
            ["pactl", "suspend-source", "vmic", "1"],
            env=dict(os.environ, **self.env),
            check=True,
            capture_output=True,
            timeout=10,
        )

    def kill_server(self) -> None:
        """The sound server dies at once, as a USB microphone vanishes when unplugged; `stop()` still
        cleans up afterwards."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        for key, value in self._saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        self._saved_env.clear()
        with contextlib.suppress(ImportError, OSError):
            restart_portaudio()
        shutil.rmtree(self.runtime_dir, ignore_errors=True)

    def __enter__(self) -> VirtualMic:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


def virtual_mic_fixture(scope: Literal["session", "module", "function"] = "session") -> Any:
    """A pytest fixture (built lazily so this module needs no pytest) yielding a started VirtualMic."""
    import pytest

    @pytest.fixture(scope=scope)
    def virtual_mic(tmp_path_factory: Any) -> Iterator[VirtualMic]:
        try:
            mic = VirtualMic.start(tmp_path_factory.mktemp("pulse"))
        except PulseUnavailable as exc:
            pytest.fail(f"virtual microphone unavailable: {exc}")
        try:
            yield mic
        finally:
            mic.stop()

    return virtual_mic
