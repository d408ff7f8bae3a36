"""`mockmate doctor` checks for cloud sync. Offline checks only: nothing here contacts Firebase, and no
service-account key is ever opened (a set-up that still names one is told what changed)."""

from __future__ import annotations

from ...core.diagnostics import Check, CheckStatus
from ...core.secrets import Keychain
from .auth import TokenFile
from .config import CloudConfig
from .connect import status_text
from .host import CloudHost
from .quarantine import Quarantine


def diagnose(host: CloudHost) -> list[Check]:
    config = CloudConfig.from_settings(host.settings)
    checks = [secrets_check(host)]
    if config.legacy_key_file is not None:
        checks.append(_legacy_key_check(config))
    if not config.configured:
        return [
            Check("cloud sync", CheckStatus.OK, "off: everything is kept on this computer (local profile)"),
            *checks,
        ]
    problems = config.problems()
    checks.insert(
        0,
        Check(
            "cloud configuration",
            CheckStatus.FAIL if problems else CheckStatus.OK,
            "; ".join(problems)
            if problems
            else f"project {config.project_id}, bucket {config.storage_bucket}, signs in as you "
            f"(Firestore over {config.transport.upper()})" + (" (local emulators)" if config.uses_emulators else ""),
            "set the missing values in Settings > Cloud, or the MOCKMATE_FIREBASE_* variables" if problems else "",
        ),
    )
    checks.append(_token_check(host, config))
    set_aside = Quarantine(host.paths.home).entries()
    if set_aside:
        checks.append(
            Check(
                "cloud records set aside",
                CheckStatus.WARN,
                f"{len(set_aside)} cloud record(s) failed validation and are not used here "
                f"(first: {set_aside[0].path}: {set_aside[0].reason})",
                "nothing to do unless you expected them: `mockmate sync --quarantine` lists them; "
                "local data is untouched",
            )
        )
    return checks


def secrets_check(host: CloudHost) -> Check:
    keychain = Keychain.for_home(host.paths.home)
    detail = (
        f"the Gemini key and the cloud sign-in are kept in {keychain.where(host.paths.settings_path)}"
        if keychain.available
        else f"no system keychain here: the Gemini key is kept in settings.json and the cloud sign-in in "
        f"cloud-auth.json, both private files (mode 0600) in {host.paths.home}"
    )
    return Check("secrets at rest", CheckStatus.OK, detail)


def _legacy_key_check(config: CloudConfig) -> Check:
    return Check(
        "cloud service-account key",
        CheckStatus.WARN,
        f"settings still name a service-account key ({config.legacy_key_file}); MockMate no longer reads it: "
        "sync signs in as you (project id, web API key and bucket), and your local data is kept",
        "remove firebase_credentials_path (or MOCKMATE_FIREBASE_CREDENTIALS) and delete the key from this "
        "computer unless you are the project owner (`mockmate cloud` operator commands take it with --key)",
    )


def _token_check(host: CloudHost, config: CloudConfig) -> Check:
    user = TokenFile(host.paths.home).load()
    if user is None or user.project_id != config.project_id:
        return Check(
            "cloud sign-in",
            CheckStatus.WARN,
            "signed out: sessions stay on this computer",
            "run `mockmate account signin` or sign in from Settings",
        )
    status = status_text(host)
    state = CheckStatus.FAIL if status.startswith("Cloud sync error") else CheckStatus.OK
    return Check(
        "cloud sign-in",
        state,
        f"signed in as {user.email}; {status}",
        "run `mockmate sync` and read the reason above" if state is CheckStatus.FAIL else "",
    )
