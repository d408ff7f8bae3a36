"""`mockmate doctor`: every check the app can make about this machine, each with a fix hint.

The local checks live here; the speech, engine and cloud packages each contribute their own through a
`diagnostics` module exposing `diagnose(app: AppEnvironment) -> list[Check]`. A package whose diagnostics
module does not exist is simply not asked; one whose checks crash is reported as a failed check, so the
report is always complete.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from ..core.diagnostics import Check, CheckStatus
from .local import data_folder_checks, database_checks, dependency_checks, settings_checks

if TYPE_CHECKING:
    from .local import DoctorEnvironment

log = logging.getLogger(__name__)

CONTRIBUTORS: tuple[tuple[str, str], ...] = (
    ("speech", "mockmate_desktop.speech.diagnostics"),
    ("engine", "mockmate_desktop.engine.diagnostics"),
    ("cloud", "mockmate_desktop.storage.cloud.diagnostics"),
)


def run_checks(app: DoctorEnvironment, contributors: tuple[tuple[str, str], ...] = CONTRIBUTORS) -> list[Check]:
    checks = [*dependency_checks(), *data_folder_checks(app.paths), *database_checks(app)]
    checks += settings_checks(app)
    for area, module_name in contributors:
        checks += _contributed(app, area, module_name)
    return checks


def _contributed(app: DoctorEnvironment, area: str, module_name: str) -> list[Check]:
    try:
        module = importlib.import_module(module_name)
        found = list(module.diagnose(app))
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            log.debug("no %s diagnostics in this build", area)
            return []
        return [_crashed(area, exc)]
    except Exception as exc:  # one broken contributor must not hide every other check
        return [_crashed(area, exc)]
    bad = [c for c in found if not isinstance(c, Check)]
    if bad:
        return [_crashed(area, TypeError(f"diagnose() returned {type(bad[0]).__name__}, not Check"))]
    return found


def _crashed(area: str, exc: BaseException) -> Check:
    log.debug("%s diagnostics crashed", area, exc_info=exc)
    return Check(
        name=f"{area} checks",
        status=CheckStatus.FAIL,
        detail=f"the {area} checks could not run ({type(exc).__name__}: {exc})",
        fix="run `mockmate -v doctor` for details and report it; the other checks are still valid",
    )
