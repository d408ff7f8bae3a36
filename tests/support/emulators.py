"""Local cloud emulators for the tests: each runs in its own process group, readiness is polled with a
deadline, and stopping kills the whole group (the gcloud/firebase wrappers leave children otherwise)."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_DIR = REPO_ROOT / "tests" / "emulators"
FIRESTORE_JAR = Path("/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar")
PROJECT_ID = "demo-mockmate"
BUCKET = "demo-mockmate.appspot.com"


class EmulatorUnavailable(Exception):
    """The emulator cannot run on this machine; the message says what is missing."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _http_ok(url: str) -> bool:
    if url.startswith("tcp://"):  # gRPC-only servers: a listening port is the readiness signal
        host, port = url.removeprefix("tcp://").split(":")
        try:
            with socket.create_connection((host, int(port)), timeout=1.0):
                return True
        except OSError:
            return False
    try:
        with urllib.request.urlopen(url, timeout=1.0) as response:
            return 200 <= response.status < 500
    except urllib.error.HTTPError as exc:
        return exc.code < 500
    except (OSError, ValueError):
        return False


@dataclass
class Emulator:
    name: str
    argv: list[str]
    port: int
    ready_url: str
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    start_seconds: float = 0.0
    _proc: subprocess.Popen[bytes] | None = None

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def start(self, deadline_s: float = 240.0) -> float:
        started = time.monotonic()
        log = self.log_path.open("ab")
        self._proc = subprocess.Popen(
            self.argv,
            cwd=self.workdir,
            env={**os.environ, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # own process group: stop() kills wrappers and children together
        )
        log.close()
        while not _http_ok(self.ready_url):
            if time.monotonic() - started > deadline_s:
                self.stop()
                raise EmulatorUnavailable(f"{self.name} not ready after {deadline_s:.0f} s; see {self.log_path}")
            # Waiting on the process doubles as the poll interval and notices an early exit at once.
            with contextlib.suppress(subprocess.TimeoutExpired):
                code = self._proc.wait(timeout=0.1)
                tail = self.log_path.read_text(errors="replace")[-800:]
                raise EmulatorUnavailable(f"{self.name} exited with {code}: {tail}")
        self.start_seconds = time.monotonic() - started
        return self.start_seconds

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        for sig, wait_s in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            try:
                proc.wait(timeout=wait_s)
                break
            except subprocess.TimeoutExpired:
                continue
        # The group may outlive its leader (Java under a wrapper): make sure nothing is left.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)

    @property
    def enforces_rules(self) -> bool:
        """Only Google's emulator started with --rules checks security rules."""
        return self.name == "firestore" and any(a.startswith("--rules=") for a in self.argv)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None


RULES_FILE = REPO_ROOT / "firestore.rules"


def firestore_emulator(
    workdir: Path, port: int | None = None, seed: Path | None = None, rules: Path | None = RULES_FILE
) -> Emulator:
    """Google's emulator enforcing `rules` (the repo's firestore.rules unless told otherwise).

    Rules apply to callers that send a user's ID token; firebase-admin's `Bearer owner` bypasses them, as the
    admin SDK does in production."""
    port = port or free_port()
    # MOCKMATE_TEST_FIRESTORE=fallback runs the suite on the Node fallback even where the jar exists.
    if FIRESTORE_JAR.is_file() and shutil.which("java") and os.environ.get("MOCKMATE_TEST_FIRESTORE") != "fallback":
        argv = [
            "java",
            "-cp",
            str(FIRESTORE_JAR),
            "com.google.cloud.datastore.emulator.firestore.CloudFirestore",
            "start",
            "--host=127.0.0.1",
            f"--port={port}",
            f"--project_id={PROJECT_ID}",
        ]
        if seed is not None:
            argv.append(f"--seed_from_export={seed}")
        if rules is not None:
            argv.append(f"--rules={rules}")
        return Emulator("firestore", argv, port, f"http://127.0.0.1:{port}/", workdir)
    script = NODE_DIR / "firestore-fallback.js"
    if not (NODE_DIR / "node_modules" / "@firestore-emulator" / "server").is_dir() or not shutil.which("node"):
        raise EmulatorUnavailable(
            "no Firestore emulator: install google-cloud-cli-firestore-emulator, or run tests/emulators/install.sh"
        )
    # The Node fallback enforces no rules: tests that need rules check `enforces_rules` and skip.
    return Emulator("firestore-fallback", ["node", str(script), str(port)], port, f"tcp://127.0.0.1:{port}", workdir)


def firestore_export(emulator: Emulator, target: Path) -> Path:
    """Ask the running (Google) emulator to write its data to disk; returns the metadata file to seed from."""
    target.mkdir(parents=True, exist_ok=True)
    body = json.dumps(
        {"database": f"projects/{PROJECT_ID}/databases/(default)", "export_directory": str(target)}
    ).encode()
    request = urllib.request.Request(
        f"http://{emulator.host}/emulator/v1/projects/{PROJECT_ID}:export",
        data=body,
        headers={"content-type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        raise EmulatorUnavailable(f"this Firestore emulator cannot export its data ({exc})") from exc
    found = sorted(target.rglob("*.overall_export_metadata"))
    if not found:
        raise EmulatorUnavailable("the Firestore emulator wrote no export")
    return found[-1]


def auth_emulator(workdir: Path) -> Emulator:
    firebase = NODE_DIR / "node_modules" / ".bin" / "firebase"
    if not firebase.exists() or not shutil.which("node"):
        raise EmulatorUnavailable("Firebase Auth emulator missing: run `bash tests/emulators/install.sh` (needs npm)")
    port, hub, logging_port = free_port(), free_port(), free_port()
    # Without a config the CLI tries to download its web UI; with the UI off it starts fully offline.
    config = {
        "emulators": {
            "auth": {"host": "127.0.0.1", "port": port},
            "hub": {"host": "127.0.0.1", "port": hub},
            "logging": {"host": "127.0.0.1", "port": logging_port},
            "ui": {"enabled": False},
            "singleProjectMode": True,
        }
    }
    (workdir / "firebase.json").write_text(json.dumps(config))
    argv = [str(firebase), "emulators:start", "--only", "auth", "--project", PROJECT_ID]
    env = {"FIREBASE_CLI_DISABLE_UPDATE_CHECK": "true", "NO_UPDATE_NOTIFIER": "1"}
    return Emulator("auth", argv, port, f"http://127.0.0.1:{port}/", workdir, env)
