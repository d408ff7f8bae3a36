"""No candidate machine needs or reads a service-account key: nothing reachable from what the app runs for
a candidate (sync, sign-in, status, doctor, the window's sync loop) imports firebase-admin, the operator
module, or google-cloud-storage, checked on the import graph of the source."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "mockmate_desktop"
CANDIDATE_ENTRY_POINTS = (
    "mockmate_desktop.storage.cloud.connect",
    "mockmate_desktop.storage.cloud.account",
    "mockmate_desktop.storage.cloud.background",
    "mockmate_desktop.storage.cloud.diagnostics",
    "mockmate_desktop.ui.cloud_status",
    "mockmate_desktop.cli.sync",
    "mockmate_desktop.cli.account",
)
OWNER_ONLY = (
    "firebase_admin",
    "google.cloud.storage",
    "google.oauth2.service_account",
    "mockmate_desktop.storage.cloud.firebase_app",
    "mockmate_desktop.storage.cloud.operator",
)


def _module_path(module: str) -> Path | None:
    base = REPO_ROOT / Path(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports_of(module: str) -> set[str]:
    path = _module_path(module)
    if path is None:
        return set()
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                stem = f"{base}.{node.module}" if node.module else base
            else:
                stem = node.module or ""
            found.add(stem)
            found |= {f"{stem}.{a.name}" for a in node.names}
    return found


def _reachable(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        todo += [m for m in _imports_of(module) if m.startswith("mockmate_desktop") or m.startswith(OWNER_ONLY)]
    return seen


def test_nothing_a_candidate_runs_reaches_firebase_admin_or_a_key_file() -> None:
    for entry in CANDIDATE_ENTRY_POINTS:
        assert _module_path(entry) is not None, entry
        bad = sorted(m for m in _reachable(entry) if m.startswith(OWNER_ONLY))
        assert bad == [], f"{entry} reaches owner-only code: {bad}"


def test_the_operator_commands_are_where_firebase_admin_lives() -> None:
    assert any(m.startswith("firebase_admin") for m in _reachable("mockmate_desktop.storage.cloud.firebase_app"))
    assert "mockmate_desktop.storage.cloud.operator" in _reachable("mockmate_desktop.cli.cloud")
