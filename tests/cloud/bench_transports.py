"""Which Firestore transport is more robust for the user-token client: REST or gRPC (google-cloud-firestore)?

Run: `.venv/bin/python -m tests.cloud.bench_transports` (starts its own Firestore emulator with the repo's
rules and the Auth emulator; prints one table). Per transport it measures:
- round trips: N whole-document writes then reads, failures and median latency;
- emulator killed: how long one call takes to fail and whether the error is classed as retryable;
- restarted on the same port: does the SAME client object work again without being rebuilt;
- token refreshed: does the next call carry the new token (rules would reject a stale one);
- black hole (a port that accepts and never answers): how long one call takes to give up.
"""

from __future__ import annotations

import os
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.core.secrets import Keychain
from mockmate_desktop.core.settings import load_settings
from mockmate_desktop.storage.cloud.auth import AuthClient, TokenFile, UserToken
from mockmate_desktop.storage.cloud.config import CloudConfig
from mockmate_desktop.storage.cloud.connect import documents_for
from mockmate_desktop.storage.cloud.errors import is_transient
from tests.support.emulators import BUCKET, PROJECT_ID, auth_emulator, firestore_emulator

ROUND_TRIPS = 100


def _timed(call: Callable[[], Any]) -> tuple[float, BaseException | None]:
    started = time.monotonic()
    try:
        call()
    except BaseException as exc:
        return time.monotonic() - started, exc
    return time.monotonic() - started, None


def _black_hole() -> tuple[socket.socket, int]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    return server, int(server.getsockname()[1])


def _measure(config: CloudConfig, token: UserToken, fs: Any) -> tuple[str, ...]:
    docs = documents_for(config, token)
    latencies, failures = [], 0
    for i in range(ROUND_TRIPS):
        path = ("interviews", f"d{i}")
        doc = {"schema": 1, "id": f"d{i}", "deleted": True, "last_change": datetime.now(UTC)}
        seconds, exc = _timed(lambda p=path, d=doc: (docs.set(p, d), docs.get_many([p])))
        latencies.append(seconds)
        failures += exc is not None
    token.refresh(token.user.id_token)
    _, refresh_exc = _timed(lambda: docs.list("interviews"))
    fs.stop()
    down_s, down_exc = _timed(lambda: docs.list("interviews"))
    fs.start()
    _, back_exc = _timed(lambda: docs.list("interviews"))
    hole, port = _black_hole()
    hole_docs = documents_for(CloudConfig(**{**config.__dict__, "firestore_emulator_host": f"127.0.0.1:{port}"}), token)
    hole_s, hole_exc = _timed(lambda: hole_docs.list("interviews"))
    hole.close()
    for closer in (getattr(docs, "close", None), getattr(hole_docs, "close", None)):
        if closer:
            closer()
    return (
        config.transport,
        f"{ROUND_TRIPS - failures}/{ROUND_TRIPS}",
        f"{statistics.median(latencies) * 1000:.1f}",
        "ok" if refresh_exc is None else type(refresh_exc).__name__,
        f"{down_s:.2f} s, {'retryable' if down_exc and is_transient(down_exc) else type(down_exc).__name__}",
        "ok" if back_exc is None else type(back_exc).__name__,
        f"{hole_s:.1f} s, {'retryable' if hole_exc and is_transient(hole_exc) else type(hole_exc).__name__}",
    )


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-transports-"))
    fs, auth = firestore_emulator(work), auth_emulator(work)
    fs.start()
    auth.start()
    os.environ.update(
        FIRESTORE_EMULATOR_HOST=fs.host, FIREBASE_AUTH_EMULATOR_HOST=auth.host,
        MOCKMATE_FIREBASE_PROJECT_ID=PROJECT_ID, MOCKMATE_FIREBASE_BUCKET=BUCKET, MOCKMATE_KEYRING="off",
    )
    try:
        paths = AppPaths.from_environment({"MOCKMATE_HOME": str(work / "home")}).ensure()
        base = CloudConfig.from_settings(load_settings(paths.settings_path))
        client = AuthClient(base, TokenFile(paths.home, Keychain(paths.home, None)))
        user = client.sign_up(f"bench-{os.getpid()}@example.com", "bench-password")
        rows = [_measure(CloudConfig(**{**base.__dict__, "transport": t}), UserToken(client, user), fs) for t in ("rest", "grpc")]
    finally:
        fs.stop()
        auth.stop()
    header = ("transport", "round trips ok", "median ms", "after refresh", "emulator down", "restarted, same client", "black hole")
    print(f"load: {os.getloadavg()[0]:.2f} (1-min average, 2 cores)")
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(row))


if __name__ == "__main__":
    main()
