"""The layering rules of the code base, checked from the source so that a violation fails CI."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "mockmate_desktop"
HEAVY = (
    "PySide6",
    "faster_whisper",
    "ctranslate2",
    "sounddevice",
    "pyttsx3",
    "google.genai",
    "firebase_admin",
    "pypdf",
)
DOMAIN_FORBIDDEN = (
    *HEAVY,
    "os",
    "pathlib",
    "sqlite3",
    "subprocess",
    "socket",
    "requests",
    "http",
    "shutil",
    "numpy",
)


def _imports(path: Path, *, top_level_only: bool) -> Iterator[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno


def _matches(module: str, names: tuple[str, ...]) -> bool:
    return any(module == n or module.startswith(n + ".") for n in names)


def _files(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_domain_is_pure_python() -> None:
    bad = [
        f"{p.relative_to(REPO_ROOT)}:{line} imports {m}"
        for p in _files("domain")
        for m, line in _imports(p, top_level_only=False)
        if _matches(m, DOMAIN_FORBIDDEN)
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("folder", ["core", "domain", "speech", "engine", "resume", "storage", "services"])
def test_heavy_libraries_are_imported_lazily_and_never_qt_below_ui(folder: str) -> None:
    bad: list[str] = []
    for path in _files(folder):
        for module, line in _imports(path, top_level_only=True):
            if _matches(module, HEAVY):
                bad.append(f"{path.relative_to(REPO_ROOT)}:{line} imports {module} at module level")
        source = path.read_text(encoding="utf-8")
        if "PySide6" in source or "from ..ui" in source or "from ...ui" in source:
            bad.append(f"{path.relative_to(REPO_ROOT)} reaches into Qt or the ui layer")
    assert not bad, "\n".join(bad)


def test_cli_start_imports_no_heavy_library() -> None:
    probe = (
        "import sys, mockmate_desktop.cli as c; c.build_parser(); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == ""


def test_no_source_file_is_a_god_module() -> None:
    too_long = [
        f"{p.relative_to(REPO_ROOT)}: {n} lines"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    ]
    assert not too_long, "\n".join(too_long)
