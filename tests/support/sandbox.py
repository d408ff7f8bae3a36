"""Real read-only and full file systems for CLI tests, without root: a user + mount namespace (`unshare`).

Inside `unshare --map-root-user --mount`, a bind mount remounted read-only gives EROFS to every writer
(root included), and a small tmpfs fills up for real (ENOSPC, SQLITE_FULL). Nothing outside the child
process sees either mount. Where the kernel forbids user namespaces the tests that need them are skipped.
"""

from __future__ import annotations

import functools
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT


@functools.cache
def namespaces_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--map-root-user", "--mount", "true"], capture_output=True, timeout=30, check=False
    )
    return probe.returncode == 0


def mockmate_command(*args: str) -> str:
    return " ".join(shlex.quote(a) for a in (sys.executable, "-m", "mockmate_desktop", *args))


def run_in_namespace(script: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`script` (sh) in its own user + mount namespace; mounts made there vanish with it."""
    return subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-ec", script],
        cwd=REPO_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def read_only_script(home: Path, *commands: str) -> str:
    """Each command run against `home` mounted read-only; outputs separated by a marker line."""
    mount = f"mount --bind {home} {home}; mount -o remount,bind,ro {home}"
    runs = "; ".join(f"{c} || echo rc=$?; echo ---" for c in commands)
    return f"{mount}; set +e; {runs}"


def full_disk_script(home: Path, free_kb: int, *commands: str) -> str:
    """`home` on a 4 MB tmpfs; after the first command, a filler leaves `free_kb` KiB free."""
    first, *rest = commands
    return (
        f"mkdir -p {home}; mount -t tmpfs -o size=4m tmpfs {home}; {first} >/dev/null; "
        f"avail=$(df -k --output=avail {home} | tail -1); "
        f"dd if=/dev/zero of={home}/filler bs=1k count=$((avail - {free_kb})) 2>/dev/null; set +e; "
        + "; ".join(f"{c}; echo rc=$?" for c in rest)
    )
