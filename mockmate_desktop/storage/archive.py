"""Export a session to one zip and import it into any data folder (how the demo session travels offline).

Import gives the identical session: same ids, same content, same relative file references. Files are
written to paths the store generates; a reference that already has the store's own generated form
(`audio/<session>/<question>-<hex>.wav`, `resumes/<hex>.<ext>`) is kept, any other is replaced by a fresh
one. Importing a session that is already present raises `SessionExistsError` (a clear error, not a silent
merge) unless `replace=True`, which deletes the local copy first. A resume already present (same id) is
kept as it is. Nothing is written until the whole archive has been verified.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import TypeVar
from uuid import UUID, uuid4

from pydantic import Field, ValidationError

from .. import __version__
from ..core.files import PRIVATE_FILE_MODE, ensure_private_dir, fsync_dir, refuse_special_target
from ..domain.attempts import PracticeAttempt
from ..domain.interview import InterviewSession
from ..domain.messages import friendly_message
from ..domain.practice_plan import PracticePlan
from ..domain.records import Model, utc_now
from ..domain.resume import ResumeProfile
from .archive_format import (
    FILES_PREFIX,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_TOTAL_BYTES,
    RESUME,
    SESSION,
    ZIP_FAILURES,
    ArchiveError,
    Manifest,
    ManifestFile,
    SessionExistsError,
    check_member_name,
    check_members,
    check_total_budget,
    copy_verified,
    read_json_member,
    sha256_file,
    verify_bytes,
)
from .errors import StoreError
from .sqlite_store import SqliteStore

__all__ = ["ArchiveError", "SessionExistsError", "export_session", "import_session"]

_HEX32 = r"[0-9a-f]{32}"
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")
PRACTICE = "practice.json"


class PracticeBundle(Model):
    """practice.json: the coaching loop's re-answers and plan of the exported session."""

    attempts: list[PracticeAttempt] = Field(default_factory=list)
    plan: PracticePlan | None = None


T = TypeVar("T", Manifest, InterviewSession, ResumeProfile, PracticeBundle)


def export_session(store: SqliteStore, session_id: UUID, zip_path: Path) -> Path:
    """Write the session, its answer recordings and its resume to `zip_path` (0600, written atomically)."""
    session = store.get_session(session_id)
    blobs: dict[str, bytes] = {SESSION: session.model_dump_json(indent=2).encode()}
    attempts, practice_plan = store.practice_of(session_id)
    if attempts or practice_plan is not None:
        # Re-answers travel as text, scores and delivery; their recordings stay on this machine.
        bundle = PracticeBundle(attempts=[a.model_copy(update={"audio_path": None}) for a in attempts], plan=practice_plan)
        blobs[PRACTICE] = bundle.model_dump_json(indent=2).encode()
    files: dict[str, Path] = {}
    missing: list[str] = []
    references = [a.audio_path for a in session.answers if a.audio_path]
    if session.config.resume_id is not None:
        resume = store.find_resume(session.config.resume_id)
        if resume is not None:
            blobs[RESUME] = resume.model_dump_json(indent=2).encode()
            if resume.stored_path:
                references.append(resume.stored_path)
    refs: dict[str, str] = {}
    for index, relative in enumerate(dict.fromkeys(references)):
        path = store.resolve(relative)
        if not path.is_file():
            missing.append(relative)
            continue
        name = FILES_PREFIX + relative
        try:
            check_member_name(name)
        except ArchiveError:  # a reference made elsewhere, not in the store's own form
            suffix = path.suffix.lower() if _SUFFIX.match(path.suffix.lower()) else ".bin"
            name = f"{FILES_PREFIX}other/{index}{suffix}"
        files[name] = path
        refs[name] = relative
    listed = [_listed_bytes(name, data) for name, data in blobs.items()]
    listed += [_listed_file(name, path, refs[name]) for name, path in files.items()]
    manifest = Manifest(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        app_version=__version__,
        exported_at=utc_now(),
        session_id=session.id,
        files=listed,
        missing_files=missing,
    )
    zip_path = zip_path.expanduser().resolve()
    try:
        refuse_special_target(zip_path)  # `--force /dev/null` must not replace the device
    except OSError as exc:
        raise ArchiveError(
            f"{zip_path} is not a regular file; give a file name such as session.zip."
        ) from exc
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{zip_path.name}.", suffix=".tmp", dir=zip_path.parent)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest.model_dump_json(indent=2))
            for name, data in blobs.items():
                archive.writestr(name, data)
            for name, path in files.items():
                archive.write(path, name)
        os.replace(tmp, zip_path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(zip_path.parent)
    return zip_path


def import_session(store: SqliteStore, zip_path: Path, *, replace: bool = False) -> InterviewSession:
    """Verify an archive completely, then add its session (and resume) to the store."""
    try:
        _check_archive_file(zip_path)
        with zipfile.ZipFile(zip_path) as archive:
            return _import(store, archive, replace)
    except StoreError:
        raise  # already says what went wrong (ArchiveError included)
    except FileNotFoundError as exc:
        raise ArchiveError(f"{zip_path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise ArchiveError(f"{zip_path} is a folder; give the .zip file made by `sessions export`.") from exc
    except OSError as exc:
        raise _os_failure(exc, zip_path, store.home) from exc
    except zipfile.BadZipFile as exc:
        raise ArchiveError(f"{zip_path.name} is not a readable MockMate session archive ({exc}).") from exc
    except ZIP_FAILURES as exc:
        # zlib.error (corrupt deflate data), NotImplementedError (a compression method zipfile lacks),
        # struct.error/ValueError (a malformed directory), EOFError (cut short) all mean: damaged.
        what = "corrupt compressed data" if isinstance(exc, zlib.error) else type(exc).__name__
        raise ArchiveError(f"{zip_path.name} is damaged and was not imported ({what}: {exc}).") from exc


def _import(store: SqliteStore, archive: zipfile.ZipFile, replace: bool) -> InterviewSession:
    members = check_members(archive)
    if MANIFEST not in members:
        raise ArchiveError("This zip is not a MockMate session archive (it has no manifest.json).")
    manifest = _parse(Manifest, read_json_member(archive, MANIFEST), "manifest.json")
    if manifest.format_version > FORMAT_VERSION:
        raise ArchiveError(
            f"This archive was made by a newer MockMate (format {manifest.format_version}); update MockMate."
        )
    listed = {f.name: f for f in manifest.files}
    if len(listed) != len(manifest.files) or set(listed) != set(members) - {MANIFEST}:
        raise ArchiveError("The archive's contents do not match its manifest; it was not imported.")
    check_total_budget(sum(f.size for f in manifest.files))
    if SESSION not in listed:
        raise ArchiveError("The archive has no session.json.")
    session_bytes = read_json_member(archive, SESSION)
    verify_bytes(SESSION, session_bytes, listed[SESSION])
    session = _parse(InterviewSession, session_bytes, "session.json")
    if session.id != manifest.session_id:
        raise ArchiveError("The archive's session does not match its manifest; it was not imported.")
    resume: ResumeProfile | None = None
    if RESUME in listed:
        resume_bytes = read_json_member(archive, RESUME)
        verify_bytes(RESUME, resume_bytes, listed[RESUME])
        resume = _parse(ResumeProfile, resume_bytes, "resume.json")
    practice = PracticeBundle()
    if PRACTICE in listed:
        practice_bytes = read_json_member(archive, PRACTICE)
        verify_bytes(PRACTICE, practice_bytes, listed[PRACTICE])
        practice = _parse(PracticeBundle, practice_bytes, "practice.json")
        if any(a.session_id != session.id or a.audio_path for a in practice.attempts) or (
            practice.plan is not None and practice.plan.session_id != session.id
        ):
            raise ArchiveError("The archive's practice records do not match its session; it was not imported.")
    if store.has_session(session.id) and not replace:
        raise SessionExistsError(session.id)
    plan = _plan_destinations(session, resume)
    by_ref = {f.ref: f for f in manifest.files if f.ref is not None}
    if len(by_ref) != sum(1 for f in manifest.files if f.ref is not None):
        raise ArchiveError("The archive's manifest lists one file twice; it was not imported.")
    for entry in manifest.files:
        if entry.name.startswith(FILES_PREFIX) and (entry.ref is None or entry.ref not in plan):
            raise ArchiveError(f"The archive holds a file no record refers to ({entry.name}).")
    if resume is not None and store.find_resume(resume.id) is not None:
        if resume.stored_path:
            plan.pop(resume.stored_path, None)
        resume = None  # the local copy of this resume is kept as it is
    _check_free_space(store, sum(by_ref[ref].size for ref in plan if ref in by_ref))
    staging = ensure_private_dir(store.home / f".import-{uuid4().hex}")
    placed: list[Path] = []
    try:
        # Every file is copied and verified before anything in the data folder changes.
        staged = {ref: _stage(archive, by_ref.get(ref), staging) for ref in plan}
        if store.has_session(session.id):
            store.delete_session(session.id)  # replace=True; the archive is known good by now
        for source_ref, temp in staged.items():
            if temp is None:
                continue
            target = store.home / plan[source_ref]
            if target.exists():
                if sha256_file(str(target)) == sha256_file(str(temp)):
                    continue  # left behind by an earlier import or delete; identical, so reuse it
                plan[source_ref] = _fresh_reference(session, resume, source_ref)
                target = store.home / plan[source_ref]
            ensure_private_dir(target.parent)
            os.replace(temp, target)
            placed.append(target)
        session, resume = _rewrite(session, resume, plan)
        store.import_records(session, resume, (practice.attempts, practice.plan))
    except BaseException:
        for path in placed:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return store.get_session(session.id)


def _check_archive_file(zip_path: Path) -> None:
    """A regular file within the budget: zipfile would read `/dev/zero` or a FIFO until memory runs out."""
    info = zip_path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(zip_path))
    if not stat.S_ISREG(info.st_mode):
        raise ArchiveError(f"{zip_path} is not a regular file; give the .zip file made by `sessions export`.")
    if info.st_size > MAX_TOTAL_BYTES:
        raise ArchiveError(
            f"{zip_path.name} is {info.st_size / 1_000_000:,.0f} MB; session archives up to "
            f"{MAX_TOTAL_BYTES / 1_000_000:,.0f} MB are imported. It was not imported."
        )


def _os_failure(exc: OSError, zip_path: Path, home: Path) -> ArchiveError:
    if exc.errno == errno.ENOSPC:
        return ArchiveError(
            f"The disk holding the data folder is full; nothing was imported from {zip_path.name}. "
            "Free some space and import it again."
        )
    if exc.filename is not None and Path(str(exc.filename)).is_relative_to(home):
        return ArchiveError(
            f"Nothing was imported: the data folder {home} cannot be written ({exc.strerror or exc})."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EIO, errno.ENOTDIR, errno.ELOOP):
        return ArchiveError(f"{zip_path.name} could not be read ({exc.strerror or exc}).")
    return ArchiveError(f"{zip_path.name} is damaged and was not imported ({exc}).")


def _check_free_space(store: SqliteStore, needed: int) -> None:
    """Refuse before writing rather than fill the disk half-way (the copy is staged, then moved)."""
    free = shutil.disk_usage(store.home).free
    margin = 10_000_000  # the database and the rest of the system need some room too
    if needed + margin > free:
        raise ArchiveError(
            f"Importing needs {needed / 1_000_000:,.0f} MB free in {store.home}, but only "
            f"{free / 1_000_000:,.0f} MB are free; nothing was imported. Free some space and try again."
        )


def _plan_destinations(session: InterviewSession, resume: ResumeProfile | None) -> dict[str, str]:
    """Archive reference -> reference in this data folder, for every file the records refer to."""
    plan: dict[str, str] = {}
    for answer in session.answers:
        if answer.audio_path:
            pattern = rf"^audio/{session.id}/{answer.question_id}-{_HEX32}\.wav$"
            keep = re.match(pattern, answer.audio_path) is not None
            plan[answer.audio_path] = (
                answer.audio_path if keep else _fresh_reference(session, resume, answer.audio_path)
            )
    if resume is not None and resume.stored_path:
        keep = re.match(rf"^resumes/{_HEX32}\.[a-z0-9]{{1,8}}$", resume.stored_path) is not None
        plan[resume.stored_path] = (
            resume.stored_path if keep else _fresh_reference(session, resume, resume.stored_path)
        )
    return plan


def _fresh_reference(session: InterviewSession, resume: ResumeProfile | None, source_ref: str) -> str:
    """A new reference in the store's own generated form for the file `source_ref` stood for."""
    if resume is not None and source_ref == resume.stored_path:
        suffix = Path(resume.original_name or source_ref).suffix.lower()
        return f"resumes/{uuid4().hex}{suffix if _SUFFIX.match(suffix) else '.bin'}"
    question = next(a.question_id for a in session.answers if a.audio_path == source_ref)
    return f"audio/{session.id}/{question}-{uuid4().hex}.wav"


def _stage(archive: zipfile.ZipFile, entry: ManifestFile | None, staging: Path) -> Path | None:
    """Copy and verify one file into the private staging folder; None if the archive lacks it."""
    if entry is None:
        return None  # the exporting machine did not have it either (manifest `missing_files`)
    temp = staging / uuid4().hex
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as target, archive.open(entry.name) as source:
        copy_verified(source, target, entry)
        target.flush()
        os.fsync(target.fileno())
    return temp


def _rewrite(
    session: InterviewSession, resume: ResumeProfile | None, wanted: dict[str, str]
) -> tuple[InterviewSession, ResumeProfile | None]:
    answers = [
        a.model_copy(update={"audio_path": wanted.get(a.audio_path, a.audio_path)}) if a.audio_path else a
        for a in session.answers
    ]
    session = session.model_copy(update={"answers": answers})
    if resume is not None and resume.stored_path:
        resume = resume.model_copy(update={"stored_path": wanted.get(resume.stored_path, resume.stored_path)})
    return session, resume


def _parse(cls: type[T], data: bytes, name: str) -> T:
    try:
        return cls.model_validate_json(data)
    except ValidationError as exc:
        raise ArchiveError(f"{name} in the archive is not valid: {friendly_message(exc)}") from exc


def _listed_bytes(name: str, data: bytes) -> ManifestFile:
    return ManifestFile(name=name, size=len(data), sha256=hashlib.sha256(data).hexdigest())


def _listed_file(name: str, path: Path, ref: str) -> ManifestFile:
    digest, size = sha256_file(str(path))
    return ManifestFile(name=name, size=size, sha256=digest, ref=ref)
