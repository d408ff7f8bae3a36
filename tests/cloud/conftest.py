"""Real local emulators for the cloud tests, each started once per test session in its own process group.

Firestore: Google's emulator jar enforcing the repo's firestore.rules (fallback without rules:
@firestore-emulator/server); Storage: the protocol-level Firebase Storage v0 server in tests/support (the
Firebase Storage emulator cannot start here); Auth: the Firebase Auth emulator from firebase-tools.
Tests that need them take the `cloud_env` fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.emulators import (
    BUCKET,
    PROJECT_ID,
    Emulator,
    EmulatorUnavailable,
    auth_emulator,
    firestore_emulator,
)
from tests.support.firebase_storage import FirebaseStorageV0

_START_TIMES: dict[str, float] = {}


@dataclass
class Emulators:
    firestore: Emulator
    storage: FirebaseStorageV0
    auth: Emulator
    workdir: Path

    def env(self) -> dict[str, str]:
        return {
            "FIRESTORE_EMULATOR_HOST": self.firestore.host,
            "FIREBASE_STORAGE_EMULATOR_HOST": self.storage.host,
            "FIREBASE_AUTH_EMULATOR_HOST": self.auth.host,
            "MOCKMATE_FIREBASE_PROJECT_ID": PROJECT_ID,
            "MOCKMATE_FIREBASE_BUCKET": BUCKET,
        }


@pytest.fixture(scope="session")
def emulators(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulators]:
    workdir = tmp_path_factory.mktemp("emulators")
    try:
        found = Emulators(firestore_emulator(workdir), FirebaseStorageV0(BUCKET), auth_emulator(workdir), workdir)
    except EmulatorUnavailable as exc:
        pytest.skip(str(exc))
    found.storage.start()
    every = (found.firestore, found.auth)
    try:
        # Started side by side: the session pays for the slowest one (Auth), not the sum.
        with ThreadPoolExecutor(max_workers=2) as pool:
            for emulator, seconds in zip(every, pool.map(lambda e: e.start(), every), strict=True):
                _START_TIMES[emulator.name] = seconds
        yield found
    finally:
        # Read the fields again: a test may have restarted an emulator (a new process group).
        for emulator in (found.firestore, found.storage, found.auth):
            emulator.stop()


@pytest.fixture
def cloud_env(emulators: Emulators, mockmate_home: Path, monkeypatch: pytest.MonkeyPatch) -> Emulators:
    """Point every client at the emulators for this test (the root conftest clears these per test)."""
    for name, value in emulators.env().items():
        monkeypatch.setenv(name, value)
    return emulators


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _START_TIMES:
        figures = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in _START_TIMES.items())
        terminalreporter.write_line(f"cloud emulator start times (started in parallel): {figures}")
