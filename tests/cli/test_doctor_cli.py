"""`mockmate doctor` on this machine: real packages, real data folder, whatever contributors exist."""

from __future__ import annotations

import json
import os
import stat

from mockmate_desktop.app import AppContext
from mockmate_desktop.core.diagnostics import CheckStatus
from mockmate_desktop.doctor import run_checks
from mockmate_desktop.storage.migrations import LATEST_VERSION
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.cli.conftest import RunCli
from tests.support.storage import full_session

LOCAL_ENV = {"MOCKMATE_GEMINI_BASE_URL": "http://127.0.0.1:9"}  # no network: a closed local port


def test_human_report_has_one_line_per_check(run_cli: RunCli) -> None:
    done = run_cli("doctor", env=LOCAL_ENV)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("MockMate doctor (data folder:")
    checks = lines[1:-1]
    assert checks and all(line[:4] in ("OK  ", "WARN", "FAIL") for line in checks)
    for line in checks:
        if not line.startswith("OK"):
            assert "-> fix: " in line  # every problem says what to do
    for package in (
        "PySide6-Essentials",
        "faster-whisper",
        "sounddevice",
        "pyttsx3",
        "google-genai",
        "keyring",
        "pypdf",
    ):
        assert any(line.startswith("OK") and f"python package {package}:" in line for line in checks), package
    assert any(line.startswith("OK    database:") and f"schema {LATEST_VERSION}" in line for line in checks)
    assert any(line.startswith("OK    data folder permissions:") for line in checks)
    tally = lines[-1]
    ok = sum(1 for line in checks if line.startswith("OK"))
    assert tally.startswith(f"{ok} ok, ")


def test_json_report_lists_every_check(run_cli: RunCli) -> None:
    done = run_cli("doctor", "--json", env=LOCAL_ENV)
    assert done.returncode == 0, done.stderr
    checks = json.loads(done.stdout)
    assert {"name", "status", "detail", "fix"} <= set(checks[0])
    statuses = {c["name"]: c["status"] for c in checks}
    assert statuses["database"] == "ok" and statuses["data folder"] == "ok" and statuses["settings"] == "ok"
    assert all(c["fix"] for c in checks if c["status"] != "ok")
    # the speech, engine and cloud checks present in this build ran without crashing
    assert [c for c in checks if c["name"].endswith(" checks") and c["status"] == "fail"] == []


def test_doctor_reports_exposed_files_and_counts_sessions(run_cli: RunCli, store: SqliteStore) -> None:
    session = full_session(store, is_demo=True, with_reports=False)
    store.save_session(session)
    recording = store.resolve(session.answers[1].audio_path or "")
    os.chmod(recording, 0o644)  # e.g. copied in by hand (folders are re-secured at every start)
    checks = {c["name"]: c for c in json.loads(run_cli("doctor", "--json", env=LOCAL_ENV).stdout)}
    assert checks["data folder permissions"]["status"] == "warn"
    assert str(recording) in checks["data folder permissions"]["detail"]
    assert f"chmod -R go-rwx {store.home}" == checks["data folder permissions"]["fix"]
    assert "1 session(s) (1 demo)" in checks["database"]["detail"]
    missing = store.resolve(store.list_sessions()[0].answers[0].audio_path or "")
    missing.unlink()
    checks = {c["name"]: c for c in json.loads(run_cli("doctor", "--json", env=LOCAL_ENV).stdout)}
    assert checks["answer recordings"]["status"] == "warn"


def test_a_damaged_settings_file_is_reported(run_cli: RunCli, store: SqliteStore) -> None:
    store.paths.settings_path.write_text("{ broken")
    checks = {c["name"]: c for c in json.loads(run_cli("doctor", "--json", env=LOCAL_ENV).stdout)}
    assert (
        checks["settings file"]["status"] == "warn"
        and "defaults are used" in checks["settings file"]["detail"]
    )


def test_a_crashing_or_absent_contributor_does_not_hide_the_others() -> None:
    app = AppContext.create()
    checks = run_checks(
        app, (("audio", "tests.support.broken_diagnostics"), ("later", "mockmate_desktop.not_yet"))
    )
    crashed = [c for c in checks if c.name == "audio checks"]
    assert len(crashed) == 1 and crashed[0].status is CheckStatus.FAIL
    assert "microphone probe exploded" in crashed[0].detail and crashed[0].fix
    assert not any(c.name == "later checks" for c in checks)
    assert any(c.name == "database" and c.status is CheckStatus.OK for c in checks)
    assert stat.S_IMODE(app.paths.home.stat().st_mode) == 0o700
