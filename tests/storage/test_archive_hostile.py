"""Regression cases of issue 17 for the session importer: bombs, damaged deflate data, foreign methods.

Every case must end in one `ArchiveError` line naming the problem, and leave the data folder untouched.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.archive import ArchiveError, export_session, import_session
from mockmate_desktop.storage.archive_format import MAX_FILE_BYTES, MAX_TOTAL_BYTES
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.hostile_zips import (
    first_wav,
    with_claimed_sizes,
    with_damaged_deflate,
    with_method,
    with_zero_member,
)
from tests.support.storage import full_session

GIB = 1024**3


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[SqliteStore]:
    opened = SqliteStore.open(AppPaths.from_environment({"MOCKMATE_HOME": str(tmp_path / "other-home")}))
    yield opened
    opened.close()


@pytest.fixture
def good_zip(store: SqliteStore, tmp_path: Path) -> Path:
    session = full_session(store, questions=2, answered=2, with_reports=False)
    store.save_session(session)
    return export_session(store, session.id, tmp_path / "good.zip")


@pytest.fixture(scope="module")
def gib_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An honest 1 GiB zip bomb (about 1 MB on disk), built once: its manifest tells the truth."""
    folder = tmp_path_factory.mktemp("bomb")
    paths = AppPaths.from_environment({"MOCKMATE_HOME": str(folder / "home")})
    store = SqliteStore.open(paths)
    try:
        session = full_session(store, questions=1, answered=1, with_reports=False)
        store.save_session(session)
        good = export_session(store, session.id, folder / "good.zip")
    finally:
        store.close()
    return with_zero_member(good, folder / "bomb.zip", first_wav(good), GIB)


def _files_under(home: Path) -> list[str]:
    return sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())


def _refused(store: SqliteStore, archive: Path, match: str) -> str:
    before = _files_under(store.home)
    with pytest.raises(ArchiveError, match=match) as caught:
        import_session(store, archive)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert store.list_sessions() == []
    assert _files_under(store.home) == before  # nothing written, no staging folder left
    return message


def test_an_honest_gib_zip_bomb_is_refused_before_anything_is_written(
    gib_bomb: Path, other_store: SqliteStore
) -> None:
    assert gib_bomb.stat().st_size < 2_000_000
    message = _refused(other_store, gib_bomb, "would unpack to 1,073.7 MB")
    assert f"{MAX_FILE_BYTES / 1_000_000:,.1f} MB" in message  # the budget is stated


def test_a_smaller_bomb_under_the_file_cap_is_refused_by_its_compression_ratio(
    good_zip: Path, other_store: SqliteStore, tmp_path: Path
) -> None:
    bomb = with_zero_member(good_zip, tmp_path / "bomb.zip", first_wav(good_zip), 32 * 1024 * 1024)
    _refused(other_store, bomb, r"would expand \d+ times .* the limit is 100 times")


def test_a_directory_that_claims_more_than_the_total_budget_is_refused(
    good_zip: Path, other_store: SqliteStore, tmp_path: Path
) -> None:
    per_file = MAX_FILE_BYTES  # each at the cap, honest ratio claimed (packed = unpacked)
    with zipfile.ZipFile(good_zip) as archive:
        count = sum(1 for n in archive.namelist() if n.startswith("files/"))
    lying = with_claimed_sizes(good_zip, tmp_path / "lying.zip", per_file)
    assert count * per_file < MAX_TOTAL_BYTES  # so build one with more members
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(lying) as source, zipfile.ZipFile(many, "w") as target:
        for info in source.infolist():
            target.writestr(
                info, source.read(info.filename) if not info.filename.startswith("files/") else b""
            )
        for index in range(MAX_TOTAL_BYTES // per_file + 1):
            target.writestr(f"files/audio/extra-{index}.wav", b"")
    claimed = with_claimed_sizes(many, tmp_path / "claimed.zip", per_file)
    _refused(other_store, claimed, "would unpack to .* the limit for a session archive is 1,000.0 MB")


def test_a_corrupt_deflate_member_is_one_clear_error(
    good_zip: Path, other_store: SqliteStore, tmp_path: Path
) -> None:
    bad = with_damaged_deflate(good_zip, tmp_path / "bad.zip", first_wav(good_zip))
    _refused(other_store, bad, "damaged")


@pytest.mark.parametrize("method", [93, 98, 12, 14, 99])
def test_a_compression_method_mockmate_never_writes_is_refused_by_name(
    good_zip: Path, other_store: SqliteStore, tmp_path: Path, method: int
) -> None:
    bad = with_method(good_zip, tmp_path / f"m{method}.zip", first_wav(good_zip), method)
    _refused(other_store, bad, f"compression method {method}")


def test_a_directory_where_the_zip_should_be_is_a_clear_error(
    other_store: SqliteStore, tmp_path: Path
) -> None:
    _refused(other_store, tmp_path, "is a folder")


def test_the_demo_archive_passes_the_budgets(other_store: SqliteStore) -> None:
    from mockmate_desktop.core.assets import assets_dir

    assert import_session(other_store, assets_dir() / "demo" / "demo-session.zip").is_demo


def test_dev_zero_and_a_fifo_are_refused_without_reading(other_store: SqliteStore, tmp_path: Path) -> None:
    """Found by the CLI fuzzer: zipfile read /dev/zero until memory ran out (the process was killed)."""
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)  # opening it for reading would block forever: it must not be opened at all
    for path in (Path("/dev/zero"), fifo):
        _refused(other_store, path, "is not a regular file")
