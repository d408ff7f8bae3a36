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


# The package import graph ----------------------------------------------------------------------------------
# Every import counts: module level, inside functions, and under TYPE_CHECKING (a type-only edge still ties
# one layer to another's names).
APP_IMPORTERS = ("mockmate_desktop.cli", "mockmate_desktop.ui.launch")
# Known exceptions (none since issue 16 passed settings, paths and store to storage/cloud explicitly).
KNOWN_APP_IMPORTS: frozenset[str] = frozenset()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """module -> the package modules it imports (relative imports resolved; `from pkg import name` counts
    as importing `pkg.name` when that is a module, else `pkg`)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package[: len(package) - (node.level - 1)]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            else:
                continue
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def _layer(module: str) -> str:
    """The package a module belongs to: `mockmate_desktop.storage.cloud.sync` -> `storage`; app is its own."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "mockmate_desktop"


def test_only_the_faces_import_the_composition_root() -> None:
    graph = import_graph()
    importers = {m for m, targets in graph.items() if "mockmate_desktop.app" in targets}
    allowed = {m for m in importers if m.startswith(APP_IMPORTERS)}
    bad = sorted(importers - allowed - KNOWN_APP_IMPORTS)
    assert not bad, (
        "these modules import mockmate_desktop.app (pass settings, paths and store instead):\n"
        + "\n".join(bad)
    )
    fixed = sorted(KNOWN_APP_IMPORTS - importers)
    assert not fixed, "no longer import app; remove them from KNOWN_APP_IMPORTS:\n" + "\n".join(fixed)


def test_no_cycles_between_packages() -> None:
    graph = import_graph()
    edges: dict[str, set[str]] = {}
    for module, targets in graph.items():
        if module in KNOWN_APP_IMPORTS:
            targets = targets - {"mockmate_desktop.app"}
        for target in targets:
            if _layer(module) != _layer(target):
                edges.setdefault(_layer(module), set()).add(_layer(target))
    cycles: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(edges.get(node, ())):
            if nxt in path:
                cycle = [*path[path.index(nxt) :], nxt]
                if cycle[0] == min(cycle[:-1]):  # each cycle once, from its smallest member
                    cycles.append(" -> ".join(cycle))
            else:
                visit(nxt, [*path, nxt])

    for start in sorted(edges):
        visit(start, [start])
    assert not cycles, "packages import each other in a circle:\n" + "\n".join(sorted(set(cycles)))


def test_the_import_graph_sees_what_it_checks() -> None:
    """The checks above are only as good as the graph: it must find known edges of every import form."""
    graph = import_graph()
    assert "mockmate_desktop.app" in graph["mockmate_desktop.ui.launch"]  # under TYPE_CHECKING
    assert (
        "mockmate_desktop.services.orchestrator" in graph["mockmate_desktop.cli.interview"]
    )  # in a function
    assert "mockmate_desktop.storage.errors" in graph["mockmate_desktop.storage.db"]  # relative, module level
