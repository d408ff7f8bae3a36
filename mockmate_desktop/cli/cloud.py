"""`mockmate cloud rules print|deploy`, `mockmate cloud check`, `mockmate cloud delete-user UID`: operator
commands for the Firebase project's OWNER, run with the owner's service-account key (`--key FILE`) on a
machine the owner trusts. A candidate never needs them, nor the key: sync signs in as the candidate.
Against local emulators (FIRESTORE_EMULATOR_HOST etc. set) no key is needed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import CliError, CommandContext, UsageError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("cloud", help="project owner: deploy/print security rules, check isolation")
    sub = parser.add_subparsers(dest="cloud_command", metavar="ACTION", required=True)
    rules = sub.add_parser("rules", help="print or deploy firestore.rules and storage.rules")
    rules.add_argument("action", choices=("print", "deploy"))
    rules.add_argument("--key", type=Path, help="the project owner's service-account key (deploy)")
    rules.set_defaults(handler=run)
    check = sub.add_parser("check", help="verify the rules are live and one user cannot reach another's data")
    check.add_argument("--key", type=Path, help="the project owner's service-account key")
    check.set_defaults(handler=run)
    delete = sub.add_parser("delete-user", help="delete one user's cloud data on request")
    delete.add_argument("uid")
    delete.add_argument("--key", type=Path, help="the project owner's service-account key")
    delete.add_argument("--delete-account", action="store_true", help="also delete the sign-in account")
    delete.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    delete.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..storage.cloud import operator
    from ..storage.cloud.auth import AuthError
    from ..storage.cloud.config import CloudConfig, CloudConfigError
    from ..storage.cloud.scope import ScopeError

    config = CloudConfig.from_settings(ctx.app.settings)
    try:
        if args.cloud_command == "rules" and args.action == "print":
            for kind in ("firestore", "storage"):
                print(f"// ---- {kind}.rules ----")
                print(operator.rules_file(kind).read_text(encoding="utf-8"))
            return 0
        if args.cloud_command == "rules":
            if args.key is None:
                raise UsageError("deploy needs --key FILE (the project owner's service-account key)")
            firestore_set, storage_set = operator.deploy_rules(config, args.key)
            print(f"Deployed: Firestore {firestore_set}, Storage {storage_set}. Run `mockmate cloud check` next.")
            return 0
        if args.cloud_command == "check":
            return _check(operator.check(config, args.key))
        if not args.yes:
            raise UsageError("deleting a user's data cannot be undone: add --yes")
        return _delete(config, args)
    except (CloudConfigError, AuthError, ScopeError) as exc:
        raise CliError(str(exc)) from None


def _check(findings: list[Any]) -> int:
    for finding in findings:
        mark = "SKIP" if finding.skipped else "OK  " if finding.ok else "FAIL"
        print(f"{mark}  {finding.name}: {finding.detail}")
    failed = [f for f in findings if not f.ok]
    if failed:
        raise CliError(f"{len(failed)} check(s) failed: the project does not keep users apart as it should")
    done = [f for f in findings if not f.skipped]
    skipped = len(findings) - len(done)
    print(f"All {len(done)} checks passed" + (f"; {skipped} skipped (see above)." if skipped else "."))
    return 0


def _delete(config: Any, args: argparse.Namespace) -> int:
    from ..storage.cloud.firebase_app import close_app, open_app
    from ..storage.cloud.operator import delete_user_data

    admin_app = open_app(config, args.key)
    try:
        documents, objects = delete_user_data(config, admin_app, args.uid, delete_account=args.delete_account)
    finally:
        close_app(admin_app)
    files = "Storage not touched (emulators)" if objects is None else f"{objects} file(s)"
    account = "; account deleted" if args.delete_account else ""
    print(f"Deleted users/{args.uid}: {documents} document(s), {files}{account}.")
    return 0
