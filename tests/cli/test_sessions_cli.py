"""`mockmate sessions ...` as a user runs it: a real process, the real store, real files."""

from __future__ import annotations

import json
from pathlib import Path

from mockmate_desktop.domain.enums import SessionStatus
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.cli.conftest import RunCli
from tests.support.storage import full_session


def _one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def test_list_shows_date_title_type_score_engine_status_and_demo(store: SqliteStore, run_cli: RunCli) -> None:
    done_session = full_session(store, job_title="Backend Engineer")
    demo = full_session(
        store,
        job_title="Demo Data Analyst",
        is_demo=True,
        with_reports=False,
        status=SessionStatus.IN_PROGRESS,
        answered=1,
    )
    store.save_session(done_session)
    store.save_session(demo)

    human = run_cli("sessions", "list")
    assert human.returncode == 0, human.stderr
    header, *rows = human.stdout.splitlines()
    assert header.split() == ["ID", "DATE", "JOB", "TITLE", "TYPE", "SCORE", "ENGINE", "STATUS"]
    demo_row = next(r for r in rows if "Demo Data Analyst" in r)
    real_row = next(r for r in rows if "Backend Engineer" in r)
    assert str(demo.id)[:8] in demo_row and "in progress" in demo_row and demo_row.rstrip().endswith("DEMO")
    assert (
        "technical" in real_row and " 72 " in real_row and "offline" in real_row and "completed" in real_row
    )
    assert "DEMO" not in real_row

    listed = json.loads(run_cli("sessions", "list", "--json").stdout)
    by_id = {item["id"]: item for item in listed}
    assert by_id[str(done_session.id)]["score"] == 72 and by_id[str(done_session.id)]["sources"] == [
        "offline"
    ]
    assert by_id[str(demo.id)]["is_demo"] is True and by_id[str(demo.id)]["answered"] == 1


def test_show_accepts_an_id_prefix(store: SqliteStore, run_cli: RunCli) -> None:
    session = full_session(store)
    store.save_session(session)
    as_json = run_cli("sessions", "show", str(session.id)[:8], "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == json.loads(store.get_session(session.id).model_dump_json())
    human = run_cli("sessions", "show", str(session.id)[:12])
    assert human.returncode == 0
    assert "Backend Engineer" in human.stdout and "Score: 72/100" in human.stdout
    assert "Offline engine (heuristic)" in human.stdout
    assert "My answer number 0 mentions caching" in human.stdout


def test_usage_and_failure_exit_codes(store: SqliteStore, run_cli: RunCli) -> None:
    session = full_session(store, with_reports=False)
    store.save_session(session)
    short = run_cli("sessions", "show", str(session.id)[:5])
    assert short.returncode == 2 and "at least 8 characters" in _one_line_error(short.stderr)
    unknown = run_cli("sessions", "show", "ffffffff")
    assert unknown.returncode == 1 and "no session id starts with" in _one_line_error(unknown.stderr)
    missing_arg = run_cli("sessions", "show")
    assert missing_arg.returncode == 2
    no_action = run_cli("sessions")
    assert no_action.returncode == 2
    bad_zip = run_cli("sessions", "import", str(Path(__file__)))
    assert bad_zip.returncode == 1 and "not a readable MockMate session archive" in _one_line_error(
        bad_zip.stderr
    )


def test_delete_asks_unless_yes(store: SqliteStore, run_cli: RunCli) -> None:
    session = full_session(store, with_reports=False)
    store.save_session(session)
    refused = run_cli("sessions", "delete", str(session.id))
    assert refused.returncode == 1 and "--yes" in _one_line_error(refused.stderr)
    assert store.has_session(session.id)
    deleted = run_cli("sessions", "delete", str(session.id)[:8], "--yes")
    assert deleted.returncode == 0 and "Deleted session" in deleted.stdout
    assert not store.has_session(session.id)
    assert not (store.paths.audio_dir / str(session.id)).exists()


def test_export_then_import_into_a_fresh_home(store: SqliteStore, run_cli: RunCli, tmp_path: Path) -> None:
    session = full_session(store, with_resume=True)
    store.save_session(session)
    zip_path = tmp_path / "exports" / "interview.zip"
    exported = run_cli("sessions", "export", str(session.id)[:8], str(zip_path))
    assert exported.returncode == 0, exported.stderr
    assert zip_path.is_file()
    again = run_cli("sessions", "export", str(session.id), str(zip_path))
    assert again.returncode == 1 and "already exists" in _one_line_error(again.stderr)

    fresh_home = tmp_path / "laptop-two"
    imported = run_cli("sessions", "import", str(zip_path), home=fresh_home)
    assert imported.returncode == 0, imported.stderr
    assert f"Imported session {session.id}" in imported.stdout
    shown = run_cli("sessions", "show", str(session.id), "--json", home=fresh_home)
    assert json.loads(shown.stdout) == json.loads(store.get_session(session.id).model_dump_json())
    twice = run_cli("sessions", "import", str(zip_path), home=fresh_home)
    assert twice.returncode == 1 and "already in this data folder" in _one_line_error(twice.stderr)
    replaced = run_cli("sessions", "import", str(zip_path), "--replace", home=fresh_home)
    assert replaced.returncode == 0


def test_empty_list_explains_what_to_do(run_cli: RunCli) -> None:
    done = run_cli("sessions", "list")
    assert done.returncode == 0 and "No sessions yet" in done.stdout
    assert json.loads(run_cli("sessions", "list", "--json").stdout) == []
