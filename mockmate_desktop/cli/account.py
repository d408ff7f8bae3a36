"""`mockmate account signup|signin|signout|status`: the Firebase account cloud sync uses.

Passwords are read from the terminal without echo, or from the first line of stdin with --password-stdin;
they are never accepted as arguments (arguments show up in shell history and process lists).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from .common import CliError, CommandContext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("account", help="sign in to cloud sync (Firebase email and password)")
    sub = parser.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    for name, text in (("signup", "create an account"), ("signin", "sign in to an existing account")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("email")
        cmd.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
        cmd.set_defaults(handler=run)
    sub.add_parser("signout", help="forget the sign-in on this computer").set_defaults(handler=run)
    sub.add_parser("status", help="who is signed in and the sync status").set_defaults(handler=run)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
    if not password:
        raise CliError("no password given")
    return password


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..storage.cloud.account import sign_in_here, sign_out_here, signed_in_user
    from ..storage.cloud.auth import AuthError
    from ..storage.cloud.config import CloudConfigError
    from ..storage.cloud.connect import status_text

    action = args.account_command
    try:
        if action == "status":
            current = signed_in_user(ctx.app)
            if current is not None:
                print(f"Signed in as {current.email} (uid {current.uid}).")
            print(status_text(ctx.app))
            return 0
        if action == "signout":
            sign_out_here(ctx.app)
            print("Signed out on this computer; local data is kept.")
            return 0
        user = sign_in_here(ctx.app, args.email, _password(args), create=action == "signup")
        print(f"Signed in as {user.email} (uid {user.uid}). Run `mockmate sync` to sync now.")
        return 0
    except (AuthError, CloudConfigError) as exc:
        raise CliError(str(exc)) from None
