"""Fuzzing the session importer: damaged, truncated, re-labelled and lying archives.

Whatever the bytes, `import_session` either imports the session or raises a `StoreError` (ArchiveError)
with a one-line message; a refused archive leaves the data folder exactly as it was, and an accepted one
writes no more than the budget.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.archive import export_session, import_session
from mockmate_desktop.storage.archive_format import MAX_TOTAL_BYTES
from mockmate_desktop.storage.protocols import StoreError
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.fuzz.checks import Edit, apply_edits, edits, files_under, hostile_text
from tests.support.hostile_zips import first_wav, members_of, with_claimed_sizes, with_method
from tests.support.storage import full_session


class Importer:
    """A source archive, a target data folder, and the invariant checks around one import attempt."""

    def __init__(self, tmp_path: Path) -> None:
        source = SqliteStore.open(AppPaths.from_environment({"MOCKMATE_HOME": str(tmp_path / "source")}))
        session = full_session(source, questions=2, answered=2, with_resume=True, with_reports=False)
        source.save_session(session)
        self.good = export_session(source, session.id, tmp_path / "good.zip")
        source.close()
        self.target = SqliteStore.open(AppPaths.from_environment({"MOCKMATE_HOME": str(tmp_path / "target")}))
        self.work = tmp_path / "case.zip"
        self.tried = 0

    def attempt(self, data: bytes) -> None:
        self.tried += 1
        self.work.write_bytes(data)
        home = self.target.home
        before = _without_shm(files_under(home))
        try:
            session = import_session(self.target, self.work)
        except StoreError as exc:
            assert "\n" not in str(exc) and str(exc)
            assert _without_shm(files_under(home)) == before  # refused: nothing written, nothing left
            return
        written = sum(size for name, size in files_under(home).items() if name not in before)
        assert written <= MAX_TOTAL_BYTES
        self.target.delete_session(session.id)


@pytest.fixture(scope="module")
def importer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Importer]:
    made = Importer(tmp_path_factory.mktemp("fuzz-archive"))
    yield made
    made.target.close()


def _without_shm(files: dict[str, int]) -> dict[str, int]:
    return {name: size for name, size in files.items() if not name.endswith(("-shm", "-wal"))}


@given(edits, st.one_of(st.none(), st.integers(0, 1 << 16)))
@example([], None)  # the untouched archive imports
@example([(0, b"PK\x05\x06", "set")], None)
@example([], 100)  # cut short inside the first member
def test_byte_level_damage_never_escapes_as_a_traceback(
    importer: Importer, changes: list[Edit], cut: int | None
) -> None:
    data = apply_edits(importer.good.read_bytes(), changes)
    importer.attempt(data if cut is None else data[: cut % (len(data) + 1)])


@given(
    st.sampled_from([0, 1, 6, 8, 9, 12, 14, 19, 93, 95, 96, 97, 98, 99, 0xFFFF]),
    st.one_of(st.none(), st.integers(0, 0xFFFFFFFF)),
)
@example(93, None)  # zstd: zipfile lacks it (NotImplementedError before issue 17)
@example(98, None)  # PPMd: likewise
@example(8, 0xFFFFFFFF)  # claims 4 GB per file
def test_relabelled_and_lying_archives_are_refused_cleanly(
    importer: Importer, method: int, claimed: int | None
) -> None:
    case = with_method(importer.good, importer.work.with_name("m.zip"), first_wav(importer.good), method)
    if claimed is not None:
        case = with_claimed_sizes(case, importer.work.with_name("c.zip"), claimed)
    importer.attempt(case.read_bytes())


@given(
    st.sampled_from(["name", "size", "sha256", "ref", "title", "member", "format_version", "session_id"]),
    st.one_of(hostile_text, st.integers(-(2**63), 2**64), st.none(), st.booleans(), st.floats()),
)
@example("ref", "../../../etc/passwd")
@example("member", "files/../../escape.wav")
@example("size", -1)
@example("member", "")
def test_hostile_manifest_and_session_content_is_refused_cleanly(
    importer: Importer, field: str, value: object
) -> None:
    members = members_of(importer.good)
    doc = json.loads(members["manifest.json"])
    session = json.loads(members["session.json"])
    extra: dict[str, bytes] = {}
    entry = next(f for f in doc["files"] if f.get("ref"))
    if field == "title":
        session["config"]["job_title"] = value
    elif field == "member":
        extra[str(value)] = b"RIFF"
    elif field in ("format_version", "session_id"):
        doc[field] = value
    else:
        entry[field] = value
    with zipfile.ZipFile(importer.work, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(doc))
        for name, data in members.items():
            if name not in ("manifest.json", "session.json"):
                archive.writestr(name, data)
        archive.writestr("session.json", json.dumps(session, indent=2))
        for name, data in extra.items():
            try:
                archive.writestr(name, data)
            except (ValueError, UnicodeEncodeError, IndexError):
                return  # zipfile itself cannot write such a name; nothing to import
    importer.attempt(importer.work.read_bytes())
