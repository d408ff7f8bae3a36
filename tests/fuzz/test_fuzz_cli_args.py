"""Fuzzing the command line: hostile arguments, files and ids for the commands that read untrusted input.

Runs `mockmate_desktop.cli.main` in this process (a subprocess per example would cost a second each).
Every run must end with exit code 0, 1 or 2, print no traceback and no raw control character, and never
reach the last-resort "unexpected error" handler.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mockmate_desktop.cli import main
from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.archive import export_session
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.fuzz.checks import assert_printable_output, hostile_text
from tests.support import pdfs
from tests.support.storage import full_session

CLI_EXAMPLES = max(10, settings.default.max_examples)
# What a shell can pass: no NUL, and only the surrogates of undecodable bytes (U+DC80-U+DCFF).
arg_text = hostile_text.map(lambda t: "".join(c for c in t if c != "\x00" and not 0xD800 <= ord(c) < 0xDC80))


@dataclass
class World:
    home: Path
    scratch: Path
    session_id: str
    files: list[str]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("fuzz-cli")
    home = folder / "home"
    store = SqliteStore.open(AppPaths.from_environment({"MOCKMATE_HOME": str(home)}))
    session = full_session(store, job_title="Dev \x1b]0;pwned\x07 \u202eevil")
    store.save_session(session)
    archive = export_session(store, session.id, folder / "session.zip")
    store.close()
    (folder / "cv.pdf").write_bytes(pdfs.single_column_resume())
    (folder / "noise.pdf").write_bytes(bytes(range(256)) * 8)
    (folder / "jd.txt").write_text("Python, SQL and AWS. \x1b[2J Leads a team.\u202e")
    (folder / "folder").mkdir()
    # The devices are reached through links: were an output path ever to replace its target again (the
    # first campaign's `sessions export ID /dev/null --force` replaced /dev/null as root), only the link goes.
    (folder / "devzero").symlink_to("/dev/zero")
    (folder / "devnull").symlink_to("/dev/null")
    files = [
        str(archive), str(folder / "cv.pdf"), str(folder / "noise.pdf"), str(folder / "jd.txt"),
        str(folder / "folder"), str(folder / "missing.zip"), str(folder / "devzero"), str(folder / "devnull"), str(folder / "out.zip"),
    ]  # fmt: skip
    scratch = folder / "cwd"
    scratch.mkdir()
    yield World(home, scratch, str(session.id), files)


# Placeholders the test fills in from the module's `world`: the real session id, and its prepared files.
FILE_SLOTS = [f"@file{i}" for i in range(9)]


def _command() -> st.SearchStrategy[list[str]]:
    ident = st.one_of(st.just("@id"), st.just("@id8"), arg_text)
    # Free-text paths stay relative and below the test's folder: `sessions export` creates what it is given.
    path = st.one_of(st.sampled_from(FILE_SLOTS), arg_text.map(lambda t: "./" + t.replace("..", "__")))
    number = st.one_of(st.integers(-(10**12), 10**12).map(str), arg_text)
    shapes = st.one_of(
        st.tuples(st.just(["sessions", "list"]), st.sampled_from([[], ["--json"]])).map(
            lambda t: t[0] + t[1]
        ),
        st.tuples(ident, st.sampled_from([[], ["--json"]])).map(lambda t: ["sessions", "show", t[0], *t[1]]),
        st.tuples(ident, path).map(lambda t: ["sessions", "export", t[0], t[1], "--force"]),
        path.map(lambda p: ["sessions", "import", p]),
        st.tuples(ident, st.sampled_from(["md", "json"])).map(lambda t: ["report", t[0], "--format", t[1]]),
        st.just(["resume", "list"]),
        path.map(lambda p: ["resume", "show", p, "--engine", "offline"]),
        st.tuples(path, path, arg_text).map(
            lambda t: [
                "resume",
                "analyze",
                t[0],
                "--jd-file",
                t[1],
                "--job-title",
                t[2],
                "--engine",
                "offline",
            ]
        ),
        st.tuples(arg_text, number, path).map(
            lambda t: [
                "interview",
                "--job-title",
                t[0],
                "--questions",
                t[1],
                "--jd-file",
                t[2],
                "--typed",
                "--engine",
                "offline",
                "--no-tts",
            ]
        ),
    )
    extras = st.lists(
        st.one_of(arg_text, st.sampled_from(["--json", "--yes", "-v", "--", "-", "--password"])), max_size=2
    )
    return st.tuples(shapes, extras).map(lambda t: t[0] + t[1])


def _run(world: World, argv: list[str]) -> tuple[int, str, str]:
    os.environ["MOCKMATE_HOME"] = str(world.home)
    logging.root.handlers.clear()  # basicConfig binds to this run's stderr, not an earlier one's
    out, err = io.StringIO(), io.StringIO()
    saved_stdin, saved_cwd = sys.stdin, Path.cwd()
    sys.stdin = io.StringIO("I profiled the query and cut the report time by 80 percent.\n" * 3)
    os.chdir(world.scratch)  # relative paths land here, never in the checkout
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors and --help
                code = int(exc.code or 0)
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
    return code, out.getvalue(), err.getvalue()


def _filled(world: World, argv: list[str]) -> list[str]:
    slots = {"@id": world.session_id, "@id8": world.session_id[:8]}
    slots.update(zip(FILE_SLOTS, world.files, strict=True))
    return [slots.get(arg, arg) for arg in argv]


@settings(max_examples=CLI_EXAMPLES)
@given(_command())
@example(["resume", "analyze", "@file1", "--jd-file", "/dev/zero", "--engine", "offline"])
@example(["interview", "--job-title", "\x1b]0;x\x07Dev", "--typed", "--engine", "offline", "--no-tts"])
@example(["sessions", "show", "\udcff\x1b[2J"])
@example(["sessions", "import", "/dev/zero"])  # found by this fuzzer: read until memory ran out
@example(["resume", "show", "/dev/zero", "--engine", "offline"])
@example(["sessions", "export", "@id", "@file7", "--force"])  # found: replaced /dev/null (via a link now)
@example(["report", "\u202e12345678"])
@example(["sessions", "list", "\x1b[2Jnope"])  # argparse quotes unrecognised arguments raw
def test_hostile_arguments_end_in_a_clear_line(world: World, argv: list[str]) -> None:
    argv = _filled(world, argv)
    code, out, err = _run(world, argv)
    assert code in (0, 1, 2), (argv, code, err)
    assert "unexpected error" not in err, (argv, err)
    assert_printable_output(out, err)
    for device in ("/dev/null", "/dev/zero"):
        assert stat.S_ISCHR(os.stat(device).st_mode), f"{argv} replaced {device}"
