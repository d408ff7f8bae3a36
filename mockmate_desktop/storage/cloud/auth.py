"""Email/password sign-in through Firebase's Identity Toolkit REST API, with token refresh and sign-out.

The user's ID token is the only cloud credential the app holds. The tokens go into the OS keychain where
there is one (core/secrets.py), else into a 0600 file in the data folder (`cloud-auth.json`); either way
sync works after a restart. `cloud-auth.json` always keeps who is signed in (uid, email, project) so the
status shows without the keychain. Tokens are never logged (errors carry Firebase's error code only).
Sign-out deletes both. A refresh token that Firebase no longer accepts raises `SignInRequired`.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import requests

from ...core.files import atomic_write_text
from ...core.secrets import Keychain
from .config import CloudConfig, CloudConfigError
from .scope import check_uid

log = logging.getLogger(__name__)

TOKEN_FILE_NAME = "cloud-auth.json"
KEYCHAIN_NAME = "cloud_tokens"
# Refresh-token failures that only a new sign-in can mend.
_SIGN_IN_AGAIN = {"TOKEN_EXPIRED", "INVALID_REFRESH_TOKEN", "USER_NOT_FOUND", "USER_DISABLED", "INVALID_GRANT_TYPE"}
REFRESH_MARGIN = timedelta(minutes=5)
HTTP_TIMEOUT_S = 20.0

# Firebase error codes -> what a user should read. Unknown codes are shown as they are.
_MESSAGES = {
    "EMAIL_EXISTS": "An account with this email already exists; sign in instead.",
    "EMAIL_NOT_FOUND": "Wrong email or password.",
    "INVALID_PASSWORD": "Wrong email or password.",
    "INVALID_LOGIN_CREDENTIALS": "Wrong email or password.",
    "INVALID_EMAIL": "That email address is not valid.",
    "MISSING_PASSWORD": "Enter a password.",
    "USER_DISABLED": "This account has been disabled by the project's administrator.",
    "TOKEN_EXPIRED": "Your sign-in has expired; sign in again.",
    "INVALID_REFRESH_TOKEN": "Your sign-in has expired; sign in again.",
    "USER_NOT_FOUND": "This account no longer exists; sign in again.",
    "TOO_MANY_ATTEMPTS_TRY_LATER": "Too many attempts; wait a few minutes and try again.",
    "OPERATION_NOT_ALLOWED": "Email/password sign-in is not enabled in this Firebase project.",
}


class AuthError(Exception):
    """Sign-in failed; `code` is Firebase's error code (e.g. INVALID_PASSWORD), the message is for users."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class SignInRequired(AuthError):
    """The saved sign-in can no longer be refreshed (expired, revoked, account gone): sign in again."""


@dataclass(frozen=True)
class SignedInUser:
    uid: str
    email: str
    id_token: str
    refresh_token: str
    expires_at: datetime
    project_id: str | None

    def __repr__(self) -> str:  # tokens must never reach a log line or a traceback
        return (
            f"SignedInUser(uid={self.uid!r}, email={self.email!r}, expires_at={self.expires_at.isoformat()})"
        )

    @property
    def needs_refresh(self) -> bool:
        return datetime.now(UTC) >= self.expires_at - REFRESH_MARGIN

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["expires_at"] = self.expires_at.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SignedInUser:
        return cls(
            uid=check_uid(str(data["uid"])),
            email=str(data.get("email", "")),
            id_token=str(data["id_token"]),
            refresh_token=str(data["refresh_token"]),
            expires_at=datetime.fromisoformat(str(data["expires_at"])),
            project_id=data.get("project_id"),
        )


def token_uid(id_token: str) -> str | None:
    """The uid an ID token names (payload only: the servers verify signatures, this is a consistency check
    that a saved sign-in was not edited to point at another account's folder)."""
    try:
        payload = id_token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return None
    uid = claims.get("user_id") or claims.get("sub") if isinstance(claims, dict) else None
    return str(uid) if uid else None


class TokenFile:
    """The signed-in user's tokens: the keychain holds the tokens where there is one, the private file in the
    data folder holds who is signed in (and the tokens too when there is no keychain)."""

    def __init__(self, home: Path, keychain: Keychain | None = None) -> None:
        self.path = home / TOKEN_FILE_NAME
        self.keychain = keychain if keychain is not None else Keychain.for_home(home)

    def where(self) -> str:
        return self.keychain.where(self.path)

    def load(self) -> SignedInUser | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("in_keychain"):
                secret = self.keychain.get(KEYCHAIN_NAME)
                if secret is None:
                    return None  # the keychain lost or refused it: signed out, sign in again
                data.update(json.loads(secret))
            return SignedInUser.from_json(data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("the saved sign-in could not be read (%s); sign in again", type(exc).__name__)
            return None

    def save(self, user: SignedInUser) -> None:
        data = user.to_json()
        tokens = {"id_token": data.pop("id_token"), "refresh_token": data.pop("refresh_token")}
        if self.keychain.set(KEYCHAIN_NAME, json.dumps(tokens)):
            data["in_keychain"] = True
        else:
            data.update(tokens)
        atomic_write_text(self.path, json.dumps(data))

    def clear(self) -> None:
        try:
            in_keychain = bool(json.loads(self.path.read_text(encoding="utf-8")).get("in_keychain"))
        except (OSError, ValueError, AttributeError):
            in_keychain = True  # unknown: make sure no copy is left behind
        if in_keychain:
            self.keychain.delete(KEYCHAIN_NAME)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


class AuthClient:
    """Identity Toolkit (sign-up, sign-in) and Secure Token (refresh) endpoints, or the Auth emulator's."""

    def __init__(self, config: CloudConfig, tokens: TokenFile, http: requests.Session | None = None) -> None:
        self._config = config
        self._tokens = tokens
        self._http = http or requests.Session()
        self._identity_url, self._token_url = config.auth_base_urls

    def _key(self) -> str:
        if self._config.web_api_key:
            return self._config.web_api_key
        if self._config.auth_emulator_host:
            return "emulator"  # the Auth emulator accepts any key
        raise CloudConfigError("Set the Firebase web API key (firebase_web_api_key) to sign in.")

    def _post(
        self, url: str, *, json_body: dict[str, Any] | None = None, form: dict[str, str] | None = None
    ) -> Any:
        try:
            response = self._http.post(
                url, params={"key": self._key()}, json=json_body, data=form, timeout=HTTP_TIMEOUT_S
            )
        except requests.RequestException as exc:
            raise AuthError(
                f"Cannot reach Firebase sign-in ({type(exc).__name__}); check the connection."
            ) from None
        try:
            payload = response.json()
        except ValueError:
            payload = {}
        if response.status_code >= 400:
            raw = str(payload.get("error", {}).get("message", "")) if isinstance(payload, dict) else ""
            code = raw.split(":", 1)[0].split(" ", 1)[0].strip() or f"HTTP_{response.status_code}"
            kind = SignInRequired if "token" in url.rsplit("/", 1)[-1] and code in _SIGN_IN_AGAIN else AuthError
            raise kind(_MESSAGES.get(code, f"Sign-in failed ({code})."), code)
        return payload

    def _accept(self, payload: dict[str, Any], email: str) -> SignedInUser:
        user = SignedInUser(
            uid=check_uid(str(payload["localId"])),
            email=str(payload.get("email") or email),
            id_token=str(payload["idToken"]),
            refresh_token=str(payload["refreshToken"]),
            expires_at=datetime.now(UTC) + timedelta(seconds=int(payload.get("expiresIn", 3600))),
            project_id=self._config.project_id,
        )
        self._tokens.save(user)
        return user

    def sign_up(self, email: str, password: str) -> SignedInUser:
        body = {"email": email.strip(), "password": password, "returnSecureToken": True}
        return self._accept(self._post(f"{self._identity_url}/accounts:signUp", json_body=body), email)

    def sign_in(self, email: str, password: str) -> SignedInUser:
        body = {"email": email.strip(), "password": password, "returnSecureToken": True}
        url = f"{self._identity_url}/accounts:signInWithPassword"
        return self._accept(self._post(url, json_body=body), email)

    def refresh(self, user: SignedInUser) -> SignedInUser:
        """New ID token from the refresh token; `SignInRequired` (tokens forgotten) when it is refused."""
        form = {"grant_type": "refresh_token", "refresh_token": user.refresh_token}
        try:
            payload = self._post(f"{self._token_url}/token", form=form)
        except SignInRequired:
            self._tokens.clear()
            raise
        fresh = SignedInUser(
            uid=check_uid(str(payload["user_id"])),
            email=user.email,
            id_token=str(payload["id_token"]),
            refresh_token=str(payload["refresh_token"]),
            expires_at=datetime.now(UTC) + timedelta(seconds=int(payload.get("expires_in", 3600))),
            project_id=user.project_id,
        )
        if fresh.uid != user.uid:
            raise AuthError(
                "The refreshed sign-in belongs to another account; sign in again.", "UID_MISMATCH"
            )
        self._tokens.save(fresh)
        return fresh

    def current_user(self) -> SignedInUser | None:
        """The saved sign-in for this project (refreshed when close to expiry), or None when signed out."""
        user = self._tokens.load()
        if user is None:
            return None
        if user.project_id != self._config.project_id:
            return None  # signed in to another project: that sign-in does not apply here
        return self.refresh(user) if user.needs_refresh else user

    def sign_out(self) -> None:
        """Forget the tokens on this machine (ID tokens expire on their own within the hour)."""
        self._tokens.clear()


class UserToken:
    """The signed-in user's ID token for every cloud call, refreshed shortly before it expires (or after the
    server rejected it) without user action. Thread-safe: the sync thread and a GUI task may share it.
    `generation` changes on every refresh, so clients that bake the token in can rebuild themselves."""

    def __init__(self, auth: AuthClient, user: SignedInUser) -> None:
        self._auth = auth
        self._user = user
        self._lock = threading.Lock()
        self.generation = 0

    @property
    def uid(self) -> str:
        return self._user.uid

    @property
    def user(self) -> SignedInUser:
        return self._user

    def get(self) -> str:
        with self._lock:
            if self._user.needs_refresh:
                self._refresh_locked()
            return self._user.id_token

    def refresh(self, rejected: str) -> str:
        """After a 401: refresh unless another thread already replaced the rejected token."""
        with self._lock:
            if self._user.id_token == rejected:
                self._refresh_locked()
            return self._user.id_token

    def _refresh_locked(self) -> None:
        self._user = self._auth.refresh(self._user)
        self.generation += 1
