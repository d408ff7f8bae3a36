"""The one place cloud paths are made, and the check that keeps every read and write inside `users/{uid}`.

Both Firestore document paths and Cloud Storage object names go through `user_path`; the adapters call
`require_in_scope` again before every operation, so a path built any other way is refused, not used.
"""

from __future__ import annotations

import re

# Firebase uids are 1-128 characters; anything that could change the path shape is rejected outright.
_UID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
_PART = re.compile(r"^[A-Za-z0-9_.-]{1,200}$")


class ScopeError(PermissionError):
    """A cloud path outside the signed-in user's own folder was refused."""


def check_uid(uid: str) -> str:
    if not isinstance(uid, str) or not _UID.match(uid):
        raise ScopeError("The signed-in user id is missing or malformed; sign in again.")
    return uid


def user_path(uid: str, *parts: str) -> str:
    """`users/{uid}/part/...`: the only constructor of cloud paths in the app."""
    check_uid(uid)
    for part in parts:
        if not isinstance(part, str) or not _PART.match(part) or part in {".", ".."}:
            raise ScopeError(f"Refused a cloud path segment {part!r}: only plain names and ids are allowed.")
    return "/".join(("users", uid, *parts))


def require_in_scope(uid: str, path: str) -> str:
    """Refuse any path that is not `users/{uid}` itself or below it."""
    check_uid(uid)
    root = f"users/{uid}"
    segments = path.split("/")
    if path != root and (not path.startswith(root + "/") or any(s in {"", ".", ".."} for s in segments)):
        raise ScopeError(f"Refused to touch {path!r}: signed in as {uid}, only {root}/… is allowed.")
    return path
