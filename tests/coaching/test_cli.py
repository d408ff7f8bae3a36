"""`mockmate practise`, `plan` and `progress` as a user runs them: the real command in a subprocess."""

from __future__ import annotations

import json
import re

import pytest

from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.cli.conftest import RunCli, run_cli  # noqa: F401 (the fixture)
from tests.conftest import REPO_ROOT

from .conftest import reported_session
from .test_practise_again import STRONG_PAGINATION


def test_practise_typed_then_plan_then_progress(run_cli: RunCli, store: SqliteStore, engine: OfflineEngine) -> None:  # noqa: F811
    session = reported_session(engine)
    store.save_session(session)
    sid = str(session.id)
    done = run_cli("practise", sid[:8], "Q3", "--typed", stdin=STRONG_PAGINATION)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^Score \d+\.\d -> \d+\.\d /10 \(\+", done.stdout, re.M) and "Now covered:" in done.stdout
    assert done.stdout.startswith("Q3: ") and "pagination" in done.stdout.splitlines()[0]
    assert len(store.list_attempts(session.id)) == 1

    as_json = run_cli("practise", sid, "q3", "--typed", "--json", stdin=STRONG_PAGINATION)
    payload = json.loads(as_json.stdout)
    assert payload["score_delta"] > 2 and payload["attempt"]["mode"] == "typed"

    plan = run_cli("plan", sid)
    assert plan.returncode == 0, plan.stderr
    assert "Practice plan: " in plan.stdout and "why:" in plan.stdout and "cover:" in plan.stdout
    drills = json.loads(run_cli("plan", sid, "--json").stdout)["drills"]
    assert 3 <= len(drills) <= 5

    progress = json.loads(run_cli("progress", "--json").stdout)
    assert [p["session_id"] for p in progress] == [sid]
    text = run_cli("progress", "--role", "backend engineer").stdout
    assert "1 interview(s)" in text and "overall" in text


def test_bad_input_gets_one_line(run_cli: RunCli, store: SqliteStore, engine: OfflineEngine) -> None:  # noqa: F811
    session = reported_session(engine)
    store.save_session(session)
    for args, stdin, expected in (
        (("practise", str(session.id), "Q9", "--typed"), "x", "choose one of: Q1"),
        (("practise", str(session.id), "Q1", "--typed"), "   ", "no words"),
        (("practise", "0000", "Q1", "--typed"), "x", "at least 8 characters"),
        (("practise", str(session.id), "Q1", "--answer-file", "/nope.wav"), None, "does not exist"),
    ):
        done = run_cli(*args, stdin=stdin)
        assert done.returncode == 1, (args, done.stderr)
        assert expected in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert run_cli("progress", "--role", "Nurse").stdout.startswith("No finished interviews yet")


@pytest.mark.slow
def test_practise_from_a_recording_keeps_the_audio(run_cli: RunCli, store: SqliteStore, engine: OfflineEngine) -> None:  # noqa: F811
    session = reported_session(engine)
    store.save_session(session)
    wav = REPO_ROOT / "tests" / "fixtures" / "speech" / "jfk.wav"
    done = run_cli(
        "practise", str(session.id), "Q1", "--answer-file", str(wav), "--json",
        env={"MOCKMATE_WHISPER_MODEL": "tiny.en"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    attempt = json.loads(done.stdout)["attempt"]
    assert "country" in attempt["transcript"] and attempt["delivery"]["words_per_minute"] > 0
    kept = store.resolve(attempt["audio_path"])
    assert kept.is_file() and kept.stat().st_size > 100_000
