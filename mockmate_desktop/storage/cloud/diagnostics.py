"""`mockmate doctor` checks for cloud sync. Offline checks only: nothing here contacts Firebase."""

from __future__ import annotations

import json
import stat

from ...app import AppContext
from ...core.diagnostics import Check, CheckStatus
from .auth import TokenFile
from .config import CloudConfig
from .connect import status_text


def diagnose(app: AppContext) -> list[Check]:
    config = CloudConfig.from_settings(app.settings)
    if not config.configured:
        return [
            Check(
                "cloud sync",
                CheckStatus.OK,
                "off: everything is kept on this computer (local profile)",
            )
        ]
    checks: list[Check] = []
    problems = config.problems()
    checks.append(
        Check(
            "cloud configuration",
            CheckStatus.FAIL if problems else CheckStatus.OK,
            "; ".join(problems)
            if problems
            else f"project {config.project_id}, bucket {config.storage_bucket}"
            + (" (local emulators)" if config.uses_emulators else ""),
            "set the missing values in Settings > Cloud, or the MOCKMATE_FIREBASE_* variables"
            if problems
            else "",
        )
    )
    if config.credentials_path is not None and config.credentials_path.is_file():
        checks.append(_key_file_check(config))
    checks.append(_token_check(app, config))
    return checks


def _key_file_check(config: CloudConfig) -> Check:
    path = config.credentials_path
    assert path is not None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Check(
            "cloud service account",
            CheckStatus.FAIL,
            f"{path} is not readable JSON",
            "download a new key for your project's service account",
        )
    if not isinstance(data, dict) or data.get("type") != "service_account" or "private_key" not in data:
        return Check(
            "cloud service account",
            CheckStatus.FAIL,
            f"{path} is not a service-account key",
            "use the JSON key of a service account (IAM > Service accounts > Keys)",
        )
    if data.get("project_id") and data.get("project_id") != config.project_id:
        return Check(
            "cloud service account",
            CheckStatus.WARN,
            f"the key is for project {data.get('project_id')}, settings say {config.project_id}",
            "make firebase_project_id match the key's project",
        )
    loose = path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    if loose:
        return Check(
            "cloud service account",
            CheckStatus.WARN,
            f"{path} is readable by other users",
            f"chmod 600 {path}",
        )
    # Only the account's email is shown: never the key or its id.
    return Check("cloud service account", CheckStatus.OK, f"key for {data.get('client_email', '?')}")


def _token_check(app: AppContext, config: CloudConfig) -> Check:
    user = TokenFile(app.paths.home).load()
    if user is None or user.project_id != config.project_id:
        return Check(
            "cloud sign-in",
            CheckStatus.WARN,
            "signed out: sessions stay on this computer",
            "run `mockmate account signin` or sign in from Settings",
        )
    status = status_text(app)
    state = CheckStatus.FAIL if status.startswith("Cloud sync error") else CheckStatus.OK
    return Check(
        "cloud sign-in",
        state,
        f"signed in as {user.email}; {status}",
        "run `mockmate sync` and read the reason above" if state is CheckStatus.FAIL else "",
    )
