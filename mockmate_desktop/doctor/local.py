"""Checks of what the core owns: installed packages, the data folder, the database and the settings."""

from __future__ import annotations

import importlib.metadata as metadata
import json
import os
import shutil
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..core.diagnostics import Check, CheckStatus
from ..core.environment import AppEnvironment
from ..core.files import atomic_write_text
from ..core.paths import AppPaths
from ..core.settings import _env_overridden_fields
from ..storage.errors import StoreError

if TYPE_CHECKING:
    from ..storage.sqlite_store import SqliteStore



class DoctorEnvironment(AppEnvironment, Protocol):
    """The doctor also opens the store (the composition root's `DoctorEnvironment` fits)."""

    @property
    def store(self) -> SqliteStore: ...


OK, WARN, FAIL = CheckStatus.OK, CheckStatus.WARN, CheckStatus.FAIL
LOW_DISK_BYTES = 500 * 1024 * 1024

# distribution -> (what needs it, status when missing)
DEPENDENCIES: tuple[tuple[str, str, CheckStatus], ...] = (
    ("PySide6-Essentials", "the desktop window", FAIL),
    ("PySide6-Addons", "charts, audio playback and PDF export", FAIL),
    ("faster-whisper", "transcribing spoken answers", FAIL),
    ("sounddevice", "recording from the microphone", FAIL),
    ("pyttsx3", "reading questions aloud", FAIL),
    ("google-genai", "the Gemini engine; the offline engine works without it", WARN),
    ("keyring", "keeping the Gemini key and the cloud sign-in in the OS keychain", WARN),
    ("pypdf", "reading PDF resumes", WARN),
)
_REINSTALL = (
    "reinstall MockMate (its package carries every library it needs)"
    if getattr(sys, "frozen", False)
    else "run `make setup` (or `.venv/bin/pip install -e .`) in the MockMate folder"
)


def dependency_checks() -> list[Check]:
    required = _required_ranges()
    checks: list[Check] = []
    for dist, purpose, missing_status in DEPENDENCIES:
        name = f"python package {dist}"
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            checks.append(Check(name, missing_status, f"not installed; needed for {purpose}", _REINSTALL))
            continue
        wanted = required.get(dist.lower())
        if wanted is not None and not _satisfies(version, wanted):
            checks.append(
                Check(name, WARN, f"{version} installed but MockMate was tested with {wanted}", _REINSTALL)
            )
        else:
            checks.append(Check(name, OK, f"{version}, for {purpose}"))
    return checks


def _required_ranges() -> dict[str, str]:
    try:
        from packaging.requirements import Requirement
    except ImportError:  # a frozen build may not ship `packaging`: versions are then shown unchecked
        return {}
    try:
        lines = metadata.requires("mockmate-desktop") or []
    except metadata.PackageNotFoundError:
        return {}
    ranges: dict[str, str] = {}
    for line in lines:
        requirement = Requirement(line)
        if requirement.marker is None:
            ranges[requirement.name.lower()] = str(requirement.specifier)
    return ranges


def _satisfies(version: str, specifier: str) -> bool:
    from packaging.specifiers import SpecifierSet

    return not specifier or SpecifierSet(specifier).contains(version, prereleases=True)


def data_folder_checks(paths: AppPaths) -> list[Check]:
    home = paths.home
    name = "data folder"
    if not home.is_dir():
        return [Check(name, FAIL, f"{home} does not exist", "create it, or set MOCKMATE_HOME to a folder")]
    probe = home / ".doctor-write-test"
    try:
        atomic_write_text(probe, "ok")
        probe.unlink()
    except OSError as exc:
        return [
            Check(name, FAIL, f"{home} is not writable ({exc.strerror})", f"fix the permissions of {home}")
        ]
    checks = [Check(name, OK, f"{home} is writable")]
    exposed = [p for p in _walk_private(paths) if stat.S_IMODE(p.stat().st_mode) & 0o077]
    if exposed:
        first = exposed[0]
        checks.append(
            Check(
                "data folder permissions",
                WARN,
                f"{len(exposed)} item(s) readable by other users, e.g. {first} "
                f"({stat.S_IMODE(first.stat().st_mode):o})",
                f"chmod -R go-rwx {home}",
            )
        )
    else:
        checks.append(Check("data folder permissions", OK, "only you can read it (folders 700, files 600)"))
    free = shutil.disk_usage(home).free
    status = OK if free >= LOW_DISK_BYTES else WARN
    fix = "" if status is OK else "free some disk space: each spoken answer takes about 2 MB a minute"
    checks.append(Check("free disk space", status, f"{free / 1024**3:.1f} GiB free in {home}", fix))
    return checks


def _walk_private(paths: AppPaths) -> Iterable[Path]:
    """The folder and what MockMate keeps in it (not the shared model cache)."""
    yield paths.home
    for root, dirs, files in os.walk(paths.home):
        for entry in (*dirs, *files):
            path = Path(root) / entry
            if not path.is_symlink():
                yield path


def database_checks(app: DoctorEnvironment) -> list[Check]:
    name = "database"
    try:
        store = app.store
        version = store.schema_version()
        problems = store.integrity_problems()
        sessions = store.list_sessions()
        counts = store.outbox_counts()
        missing = store.missing_audio()
    except StoreError as exc:
        return [
            Check(name, FAIL, str(exc), f"move {app.paths.db_path} aside and run `mockmate doctor` again")
        ]
    if problems:
        return [
            Check(name, FAIL, f"damaged: {problems[0]}", f"export your sessions and move {store.home} aside")
        ]
    demo = sum(1 for s in sessions if s.is_demo)
    detail = (
        f"{app.paths.db_path} opens (schema {version}); {len(sessions)} session(s)"
        f"{f' ({demo} demo)' if demo else ''}, {counts['pending']} change(s) waiting for cloud sync"
    )
    checks = [Check(name, OK, detail)]
    if missing:
        checks.append(
            Check(
                "answer recordings",
                WARN,
                f"{len(missing)} recording(s) the sessions refer to are missing, e.g. {missing[0]}",
                "their transcripts and reports are intact; re-import the session from an export to restore them",
            )
        )
    return checks


def settings_checks(app: DoctorEnvironment) -> list[Check]:
    path = app.paths.settings_path
    checks: list[Check] = []
    if path.exists():
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            checks.append(
                Check(
                    "settings file",
                    WARN,
                    f"{path} cannot be read ({type(exc).__name__}); defaults are used",
                    f"fix or delete {path}, then set your choices again in Settings",
                )
            )
    data = app.settings.redacted()
    from_env = sorted(_env_overridden_fields())
    shown = (
        f"gemini key {data['gemini_api_key'] or 'not set'}, gemini model {data['gemini_model']}, "
        f"gemini base URL {data['gemini_base_url'] or 'default'}, whisper model {data['whisper_model']}, "
        f"microphone {data['microphone'] or 'system default'}, firebase "
        f"{'configured' if app.settings.firebase_configured else 'not configured'}"
    )
    if from_env:
        shown += f"; from the environment: {', '.join(from_env)}"
    checks.append(Check("settings", OK, shown))
    return checks
