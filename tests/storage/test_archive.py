"""Export a session to a zip and import it into a fresh data folder; hostile archives are refused."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmate_desktop.core.paths import AppPaths
from mockmate_desktop.storage.archive import ArchiveError, SessionExistsError, export_session, import_session
from mockmate_desktop.storage.sqlite_store import SqliteStore
from tests.support.storage import full_session


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[SqliteStore]:
    """A second, empty data folder: 'another machine'."""
    paths = AppPaths.from_environment({"MOCKMATE_HOME": str(tmp_path / "other-home")})
    opened = SqliteStore.open(paths)
    yield opened
    opened.close()


def _files(store: SqliteStore) -> dict[str, str]:
    """Every file under audio/ and resumes/ with its sha256."""
    found = {}
    for folder in (store.paths.audio_dir, store.paths.resumes_dir):
        for path in folder.rglob("*"):
            if path.is_file():
                found[path.relative_to(store.home).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def test_export_then_import_gives_the_identical_session(
    store: SqliteStore, other_store: SqliteStore, tmp_path: Path
) -> None:
    session = full_session(store, with_resume=True, is_demo=True)
    store.save_session(session)
    original = store.get_session(session.id)
    zip_path = export_session(store, session.id, tmp_path / "out" / "session.zip")

    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert {"manifest.json", "session.json", "resume.json"} <= names
    assert len([n for n in names if n.endswith(".wav")]) == 3 and any(
        n.startswith("files/resumes/") for n in names
    )
    assert manifest["format"] == "mockmate-session" and manifest["format_version"] == 1
    assert manifest["app_version"] and {f["name"] for f in manifest["files"]} == names - {"manifest.json"}

    imported = import_session(other_store, zip_path)
    assert imported.model_dump() == original.model_dump()
    assert other_store.get_session(session.id).model_dump() == original.model_dump()
    assert other_store.get_resume(session.config.resume_id) == store.get_resume(session.config.resume_id)  # type: ignore[arg-type]
    assert _files(other_store) == _files(store)  # same relative paths, same bytes
    assert other_store.list_sessions()[0].is_demo


def test_importing_twice_is_a_clear_error_unless_replacing(
    store: SqliteStore, other_store: SqliteStore, tmp_path: Path
) -> None:
    session = full_session(store)
    store.save_session(session)
    zip_path = export_session(store, session.id, tmp_path / "s.zip")
    import_session(other_store, zip_path)
    with pytest.raises(SessionExistsError, match="already in this data folder"):
        import_session(other_store, zip_path)
    again = import_session(other_store, zip_path, replace=True)
    assert again.model_dump() == store.get_session(session.id).model_dump()
    assert len(other_store.list_sessions()) == 1


def test_foreign_file_references_get_generated_names(
    store: SqliteStore, other_store: SqliteStore, tmp_path: Path
) -> None:
    session = full_session(store, questions=1, answered=1, with_reports=False)
    odd = store.home / "audio" / "my recording.wav"
    os.replace(store.resolve(session.answers[0].audio_path or ""), odd)
    session = session.model_copy(
        update={"answers": [session.answers[0].model_copy(update={"audio_path": "audio/my recording.wav"})]}
    )
    store.save_session(session)
    imported = import_session(other_store, export_session(store, session.id, tmp_path / "s.zip"))
    new_ref = imported.answers[0].audio_path or ""
    assert new_ref.startswith(f"audio/{session.id}/{session.questions[0].id}-") and new_ref.endswith(".wav")
    assert other_store.resolve(new_ref).read_bytes() == odd.read_bytes()
    assert imported.answers[0].transcript == session.answers[0].transcript


# --- hostile or damaged archives ---------------------------------------------------------------------


def _valid_zip(store: SqliteStore, tmp_path: Path) -> Path:
    session = full_session(store, questions=2, answered=2, with_reports=False)
    store.save_session(session)
    return export_session(store, session.id, tmp_path / "good.zip")


def _rewrite(
    source: Path,
    target: Path,
    *,
    add: dict[str, bytes] | None = None,
    drop: set[str] | None = None,
    change: dict[str, bytes] | None = None,
    manifest_extra: list[dict[str, object]] | None = None,
) -> Path:
    with zipfile.ZipFile(source) as old:
        members = {n: old.read(n) for n in old.namelist()}
    for name in drop or set():
        members.pop(name)
    members.update(change or {})
    manifest = json.loads(members["manifest.json"])
    for name, data in (add or {}).items():
        members[name] = data
        manifest["files"].append(
            {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )
    manifest["files"] += manifest_extra or []
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as new:
        for name, data in members.items():
            new.writestr(name, data)
    return target


def _assert_nothing_written(other_store: SqliteStore) -> None:
    assert other_store.list_sessions() == []
    assert _files(other_store) == {}
    assert [p.name for p in other_store.home.iterdir() if p.name.startswith(".import-")] == []


@pytest.mark.parametrize(
    "evil_name",
    ["../evil.wav", "/etc/evil.wav", "files/../../evil.wav", "files/audio/..\\evil.wav", "C:/evil.wav"],
)
def test_path_traversal_names_are_rejected(
    store: SqliteStore, other_store: SqliteStore, tmp_path: Path, evil_name: str
) -> None:
    bad = _rewrite(_valid_zip(store, tmp_path), tmp_path / "bad.zip", add={evil_name: b"RIFF evil"})
    with pytest.raises(ArchiveError, match="unsafe file name"):
        import_session(other_store, bad)
    _assert_nothing_written(other_store)
    assert not (tmp_path / "evil.wav").exists() and not Path("/etc/evil.wav").exists()


def test_tampered_recording_is_rejected(store: SqliteStore, other_store: SqliteStore, tmp_path: Path) -> None:
    good = _valid_zip(store, tmp_path)
    with zipfile.ZipFile(good) as archive:
        wav = next(n for n in archive.namelist() if n.endswith(".wav"))
    bad = _rewrite(good, tmp_path / "bad.zip", change={wav: b"RIFF not the recorded answer"})
    with pytest.raises(ArchiveError, match="damaged"):
        import_session(other_store, bad)
    _assert_nothing_written(other_store)


def test_unlisted_and_missing_members_are_rejected(
    store: SqliteStore, other_store: SqliteStore, tmp_path: Path
) -> None:
    good = _valid_zip(store, tmp_path)
    with zipfile.ZipFile(good) as archive:
        wav = next(n for n in archive.namelist() if n.endswith(".wav"))
        members = {n: archive.read(n) for n in archive.namelist()}
    unlisted = tmp_path / "unlisted.zip"
    with zipfile.ZipFile(unlisted, "w") as archive:
        for name, data in {**members, "files/audio/extra.wav": b"RIFF"}.items():
            archive.writestr(name, data)
    missing = _rewrite(good, tmp_path / "missing.zip", drop={wav})
    unreferenced = _rewrite(good, tmp_path / "unreferenced.zip", add={"files/audio/extra.wav": b"RIFF extra"})
    for bad, reason in ((unlisted, "do not match"), (missing, "do not match"), (unreferenced, "no record")):
        with pytest.raises(ArchiveError, match=reason):
            import_session(other_store, bad)
    _assert_nothing_written(other_store)


def test_not_an_archive_and_bad_json_are_rejected(
    store: SqliteStore, other_store: SqliteStore, tmp_path: Path
) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("hello")
    with pytest.raises(ArchiveError, match="not a readable MockMate session archive"):
        import_session(other_store, text)
    no_manifest = tmp_path / "plain.zip"
    with zipfile.ZipFile(no_manifest, "w") as archive:
        archive.writestr("session.json", "{}")
    with pytest.raises(ArchiveError, match="no manifest"):
        import_session(other_store, no_manifest)
    good = _valid_zip(store, tmp_path)
    bad_session = b'{"config": {"job_title": "x", "question_count": 99}}'
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    for entry in manifest["files"]:
        if entry["name"] == "session.json":
            entry.update(size=len(bad_session), sha256=hashlib.sha256(bad_session).hexdigest())
    bad = _rewrite(
        good,
        tmp_path / "bad.zip",
        change={"session.json": bad_session, "manifest.json": json.dumps(manifest).encode()},
    )
    with pytest.raises(ArchiveError, match="Number of questions must be between 5 and 15"):
        import_session(other_store, bad)
    with pytest.raises(ArchiveError, match="does not exist"):
        import_session(other_store, tmp_path / "nowhere.zip")
    _assert_nothing_written(other_store)


def test_symlink_members_are_rejected(store: SqliteStore, other_store: SqliteStore, tmp_path: Path) -> None:
    good = _valid_zip(store, tmp_path)
    bad = tmp_path / "link.zip"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(bad, "w") as new:
        for name in old.namelist():
            new.writestr(name, old.read(name))
        link = zipfile.ZipInfo("files/audio/link.wav")
        link.external_attr = 0o120777 << 16  # a symlink, as `zip --symlinks` stores it
        new.writestr(link, "/etc/passwd")
    with pytest.raises(ArchiveError, match="not a regular file"):
        import_session(other_store, bad)
    _assert_nothing_written(other_store)


def test_replacing_with_a_damaged_archive_keeps_the_local_session(
    store: SqliteStore, other_store: SqliteStore, tmp_path: Path
) -> None:
    good = _valid_zip(store, tmp_path)
    session_id = store.list_sessions()[0].id
    import_session(other_store, good)
    before = other_store.get_session(session_id).model_dump()
    with zipfile.ZipFile(good) as archive:
        wav = next(n for n in archive.namelist() if n.endswith(".wav"))
    bad = _rewrite(good, tmp_path / "bad.zip", change={wav: b"RIFF corrupted in transit"})
    with pytest.raises(ArchiveError, match="damaged"):
        import_session(other_store, bad, replace=True)
    assert other_store.get_session(session_id).model_dump() == before
    for answer in other_store.get_session(session_id).answers:
        assert other_store.resolve(answer.audio_path or "").stat().st_size > 100


def test_a_recording_missing_at_export_is_noted_not_fatal(
    store: SqliteStore, other_store: SqliteStore, tmp_path: Path
) -> None:
    session = full_session(store, questions=2, answered=2, with_reports=False)
    store.save_session(session)
    lost = session.answers[0].audio_path or ""
    store.resolve(lost).unlink()
    zip_path = export_session(store, session.id, tmp_path / "s.zip")
    with zipfile.ZipFile(zip_path) as archive:
        assert json.loads(archive.read("manifest.json"))["missing_files"] == [lost]
    imported = import_session(other_store, zip_path)
    assert imported.model_dump() == store.get_session(session.id).model_dump()
    assert other_store.missing_audio() == [lost]
