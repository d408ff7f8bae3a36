"""Regression cases of issue 17, run as a user runs them: the real `mockmate` process on hostile input.

Each ends in one clear line (no traceback), prints no raw control character, and writes nothing it
should not.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.core.safe_text import has_unsafe
from mockmate_desktop.storage.archive import export_session
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.cli.conftest import RunCli
from tests.support.fake_gemini import FakeGeminiServer
from tests.support.sandbox import full_disk_script, mockmate_command, namespaces_available, read_only_script
from tests.support.storage import full_session

HOSTILE_TITLE = "Dev\x1b]0;pwned\x07\x1b[2J\u202eevil\u202c\x9b31m\r\x08ops"
needs_namespaces = pytest.mark.skipif(
    not namespaces_available(), reason="user namespaces are not allowed here"
)


def _clean(done: object) -> None:
    """No traceback and no raw control character in anything the process printed."""
    for stream in (done.stdout, done.stderr):  # type: ignore[attr-defined]
        assert "Traceback" not in stream and not has_unsafe(stream), stream


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


# --- size budgets ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["resume", "analyze", "cv.pdf", "--jd-file", "/dev/zero"],
        ["interview", "--job-title", "Data Analyst", "--jd-file", "/dev/zero", "--typed", "--no-tts"],
    ],
)
def test_a_job_description_from_dev_zero_stops_at_its_budget(run_cli: RunCli, args: list[str]) -> None:
    done = run_cli(*args)
    _clean(done)
    assert done.returncode in (1, 2)
    assert "larger than 200 KB, the limit" in _one_line(done.stderr)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["transcribe", "/dev/zero"], "/dev/zero is not a regular file"),
        (["transcribe", "/"], "/ is a folder, not a file"),
        (
            ["score", "--question", "Why?", "--answer-file", "/dev/zero"],
            "answer file /dev/zero is not a regular",
        ),
    ],
)
def test_a_device_or_folder_given_as_a_file_is_named_for_what_it_is(
    run_cli: RunCli, args: list[str], says: str
) -> None:
    done = run_cli(*args)
    _clean(done)
    assert done.returncode == 1
    assert says in _one_line(done.stderr)


def test_a_wav_header_with_zero_bits_per_sample_is_refused_in_one_line(
    run_cli: RunCli, tmp_path: Path
) -> None:
    fmt = (1).to_bytes(2, "little") * 2 + (16000).to_bytes(4, "little") + bytes(8)  # PCM, mono, 0 bits
    body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt + b"data" + (100).to_bytes(4, "little")
    wav = tmp_path / "zero-bits.wav"
    wav.write_bytes(b"RIFF" + (len(body) + 100).to_bytes(4, "little") + body + bytes(100))
    done = run_cli("transcribe", str(wav))
    _clean(done)
    assert done.returncode == 1
    assert "0-bit samples are not supported" in _one_line(done.stderr)


# --- terminal escapes ------------------------------------------------------------------------------


def test_imported_titles_with_escape_sequences_print_inert(
    store: SqliteStore, run_cli: RunCli, tmp_path: Path
) -> None:
    session = full_session(store, job_title=HOSTILE_TITLE)
    store.save_session(session)
    archive = export_session(store, session.id, tmp_path / "hostile.zip")
    other = tmp_path / "other-home"
    for args in (
        ["sessions", "import", str(archive)],
        ["sessions", "list"],
        ["sessions", "list", "--json"],
        ["sessions", "show", str(session.id)],
        ["sessions", "show", str(session.id), "--json"],
        ["report", str(session.id)],
        ["report", str(session.id), "--format", "json"],
    ):
        done = run_cli(*args, home=other)
        assert done.returncode == 0, done.stderr
        _clean(done)
        assert "\\u001b]0;pwned\\u0007" in done.stdout or "\\u001b]0;pwned\\u0007" in done.stdout.replace(
            "\\\\", "\\"
        )
    listed = json.loads(run_cli("sessions", "list", "--json", home=other).stdout)
    assert listed[0]["job_title"] == HOSTILE_TITLE  # JSON stays exact: the escapes are JSON escapes


def test_gemini_question_text_and_job_title_print_inert(run_cli: RunCli) -> None:
    with FakeGeminiServer() as server:
        env = {"GEMINI_API_KEY": server.api_key, "MOCKMATE_GEMINI_BASE_URL": server.base_url}
        done = run_cli(
            "interview", "--job-title", HOSTILE_TITLE, "--typed", "--no-tts", "--engine", "gemini",
            stdin="I led the migration.\n", env=env,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    _clean(done)
    questions = [line for line in done.stdout.splitlines() if line.startswith("Q1:")]
    assert questions and "\\u202e" in questions[0]  # the title reached the question, inert


def test_argparse_echo_of_a_hostile_argument_is_inert(run_cli: RunCli) -> None:
    done = run_cli("sessions", "list", "\x1b[2Jnope")  # "unrecognized arguments: ..." quotes it raw
    assert done.returncode == 2
    _clean(done)
    assert "\\u001b[2Jnope" in done.stderr


# --- invalid settings and environment values ----------------------------------------------------------


def test_invalid_settings_file_value_warns_once_and_the_command_runs(
    run_cli: RunCli, mockmate_home: Path
) -> None:
    mockmate_home.mkdir(parents=True)
    (mockmate_home / "settings.json").write_text('{"gemini_timeout_s": -5}')
    done = run_cli("sessions", "list")
    assert done.returncode == 0
    _clean(done)
    line = _one_line(done.stderr)
    assert "gemini_timeout_s=-5" in line and "Using the default, 60.0" in line
    assert "No sessions yet" in done.stdout


@pytest.mark.parametrize(
    ("name", "value"), [("MOCKMATE_WHISPER_MODEL", "huge"), ("MOCKMATE_TTS_RATE", "fast")]
)
def test_invalid_environment_value_warns_once_and_the_command_runs(
    run_cli: RunCli, name: str, value: str
) -> None:
    done = run_cli("sessions", "list", env={name: value})
    assert done.returncode == 0
    _clean(done)
    assert f"{name}='{value}' is not valid" in _one_line(done.stderr)


# --- data folder states --------------------------------------------------------------------------------


def test_home_on_dev_null_says_what_is_wrong(run_cli: RunCli) -> None:
    done = run_cli("sessions", "list", env={"MOCKMATE_HOME": "/dev/null"})
    assert done.returncode == 1
    line = _one_line(done.stderr)
    assert "/dev/null is a device, not a folder" in line and "File exists" not in line


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_a_vanished_database_next_to_recordings_is_reported_and_recoverable(
    store: SqliteStore, run_cli: RunCli, state: str
) -> None:
    session = full_session(store, with_resume=True)
    store.save_session(session)
    store.close()
    db = store.paths.db_path
    for companion in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        companion.unlink(missing_ok=True)
    if state == "empty":
        db.write_bytes(b"")
    recordings = sorted(p.name for p in store.paths.audio_dir.rglob("*.wav"))

    done = run_cli("sessions", "list")
    assert done.returncode == 1
    line = _one_line(done.stderr)
    assert f"{len(recordings)} answer recording(s) of 1 session(s)" in line
    assert "mockmate sessions recover" in line
    assert sorted(p.name for p in store.paths.audio_dir.rglob("*.wav")) == recordings  # untouched
    assert db.exists() == (state == "empty") and (not db.exists() or db.stat().st_size == 0)

    done = run_cli("sessions", "recover")
    assert done.returncode == 0, done.stderr
    (recovered,) = store.home.glob("recovered-*")
    assert sorted(p.name for p in recovered.rglob("*.wav")) == recordings
    assert "README.txt" in os.listdir(recovered)
    assert run_cli("sessions", "list").returncode == 0


@needs_namespaces
def test_a_read_only_data_folder_still_lists_shows_reports_and_exports(
    store: SqliteStore, tmp_path: Path
) -> None:
    session = full_session(store)
    store.save_session(session)
    store.close()
    home = store.home
    before = {p: p.stat().st_mtime_ns for p in home.rglob("*")}
    exported = tmp_path / "out" / "copy.zip"
    exported.parent.mkdir()
    sid = str(session.id)
    script = read_only_script(
        home,
        mockmate_command("sessions", "list"),
        mockmate_command("sessions", "show", sid),
        mockmate_command("report", sid),
        mockmate_command("sessions", "export", sid, str(exported)),
        mockmate_command("sessions", "delete", sid, "--yes"),
    )
    done = run_in_ns(script, home)
    _clean(done)
    listing, show, report, export, delete, _ = done.stdout.split("---\n")
    assert sid[:8] in listing and f"Session {sid}" in show and "# Interview report" in report
    assert "Exported session" in export and exported.stat().st_size > 1000
    assert "rc=1" in delete and "read-only, so nothing was changed" in done.stderr
    assert {p: p.stat().st_mtime_ns for p in home.rglob("*")} == before
    other = SqliteStore.open(AppPaths.from_environment({"MOCKMATE_HOME": str(tmp_path / "again")}))
    try:
        from mockmate_desktop.storage.archive import import_session

        assert import_session(other, exported).id == session.id
    finally:
        other.close()


@needs_namespaces
def test_no_space_left_names_the_session_and_how_to_continue(tmp_path: Path) -> None:
    home = tmp_path / "small-disk"
    interview = mockmate_command(
        "interview", "--job-title", "Data Analyst", "--typed", "--engine", "offline", "--no-tts"
    )
    script = full_disk_script(home, 140, mockmate_command("sessions", "list"), interview)
    answers = "".join(f"Answer number {i} about the reporting migration.\n" for i in range(8))
    done = run_in_ns(script, home, stdin=answers)
    _clean(done)
    started = re.search(r"^Session ([0-9a-f-]{36})", done.stdout, re.MULTILINE)
    assert started is not None, done.stdout + done.stderr
    sid = started.group(1)
    # The typed-answer source prints its instructions on stderr; the failure is the one `mockmate:` line.
    (line,) = [text for text in done.stderr.splitlines() if text.startswith("mockmate:")]
    assert f"No space left on the disk while saving session {sid}" in line
    assert f"mockmate interview --continue {sid}" in line and "rc=1" in done.stdout


def run_in_ns(script: str, home: Path, stdin: str = "") -> object:
    from tests.support.sandbox import run_in_namespace

    return run_in_namespace(script, os.environ | {"MOCKMATE_HOME": str(home)}, stdin)


def test_output_paths_that_are_not_regular_files_are_never_replaced(
    store: SqliteStore, run_cli: RunCli, tmp_path: Path
) -> None:
    """Found by the CLI fuzzer: `sessions export ID /dev/null --force` (and `report --out`) renamed a file
    over the device. A FIFO stands in for the device here, so a regression cannot break the machine."""
    session = full_session(store)
    store.save_session(session)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for args in (
        ["sessions", "export", str(session.id), str(fifo), "--force"],
        ["report", str(session.id), "--out", str(fifo)],
    ):
        done = run_cli(*args)
        assert done.returncode == 1
        assert "not a regular file" in _one_line(done.stderr)
        assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_writing_a_report_leaves_the_mode_of_an_existing_folder_alone(
    store: SqliteStore, run_cli: RunCli, tmp_path: Path
) -> None:
    """`report --out /tmp/r.md` used to chmod /tmp to 0700 (the private-folder helper ran on any parent)."""
    session = full_session(store)
    store.save_session(session)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    done = run_cli("report", str(session.id), "--out", str(shared / "report.md"))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "report.md").stat().st_mode) == 0o600
