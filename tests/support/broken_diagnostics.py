"""A diagnostics contributor that crashes, to show `doctor` still reports everything else."""

from __future__ import annotations

from typing import Any


def diagnose(app: Any) -> list[Any]:
    raise RuntimeError("microphone probe exploded")
