"""Secrets at rest (the Gemini key, the cloud refresh token): the OS keychain through `keyring` where a real
backend exists (macOS Keychain, Windows Credential Manager, Secret Service/KWallet on Linux), else a private
0600 file in the data folder, which is what MockMate always did. `where()` says which, for doctor.

Backends that only pretend to be a keychain (keyring's fail/null backends, keyrings.alt's plaintext and
"encrypted" files) are not used: the 0600 file is at least as good and is where the user expects it.
`MOCKMATE_KEYRING=off` forces the file (for machines where the keychain prompts or misbehaves).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

SERVICE = "MockMate"
KEYRING_ENV = "MOCKMATE_KEYRING"
# Module prefixes of keyring backends that store nothing, or store it no better than our own 0600 file.
_NOT_A_KEYCHAIN = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


_UNRESOLVED = object()


class KeyringLike(Protocol):
    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


def _is_real_keychain(backend: Any) -> bool:
    members = getattr(backend, "backends", None)  # keyring's ChainerBackend: real if any member is
    if members is not None:
        return any(_is_real_keychain(m) for m in members)
    return not type(backend).__module__.startswith(_NOT_A_KEYCHAIN)


def system_keyring(environ: Mapping[str, str] | None = None) -> KeyringLike | None:
    """The OS keychain, or None when there is none (or the user turned it off)."""
    env = os.environ if environ is None else environ
    if env.get(KEYRING_ENV, "").strip().lower() in {"off", "0", "no", "file"}:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError

        backend = keyring.get_keyring()
    except (ImportError, RuntimeError) as exc:
        log.debug("no keyring: %s", type(exc).__name__)
        return None
    except KeyringError as exc:  # a misconfigured keyring: fall back, say why in debug logs
        log.debug("keyring unusable: %s", type(exc).__name__)
        return None
    return backend if _is_real_keychain(backend) else None


class Keychain:
    """Named secrets for one data folder in the OS keychain; every call is a no-op answer (None/False) when
    there is no keychain, and the caller keeps its 0600 file instead. Entries are keyed by the data folder
    too, so two data folders (two people on one computer) never share a secret.

    Finding the backend costs up to a second (keyring scans its plugins), so it is looked up on first use,
    and callers only touch the keychain when their file says a secret is there or when saving one."""

    def __init__(self, home: Path, backend: KeyringLike | object | None = _UNRESOLVED) -> None:
        self.home = home
        self._backend = backend

    @classmethod
    def for_home(cls, home: Path) -> Keychain:
        return cls(home)

    @property
    def backend(self) -> KeyringLike | None:
        if self._backend is _UNRESOLVED:
            self._backend = system_keyring()
        return self._backend  # type: ignore[return-value]

    @property
    def available(self) -> bool:
        return self.backend is not None

    def where(self, fallback: Path) -> str:
        """For doctor: which store is in use, in words."""
        if self.backend is not None:
            return f"the system keychain ({type(self.backend).__name__})"
        return f"a private file readable only by you ({fallback.name}, mode 0600)"

    def _account(self, name: str) -> str:
        return f"{name}@{self.home}"

    def get(self, name: str) -> str | None:
        if self.backend is None:
            return None
        try:
            return self.backend.get_password(SERVICE, self._account(name))
        except Exception as exc:  # a locked or broken keychain must not stop the app
            log.warning("the system keychain could not be read (%s)", type(exc).__name__)
            return None

    def set(self, name: str, value: str) -> bool:
        """True when the keychain holds the secret now; False means: keep it in your private file."""
        if self.backend is None:
            return False
        try:
            self.backend.set_password(SERVICE, self._account(name), value)
        except Exception as exc:
            log.warning("the system keychain refused a secret (%s); using the private file", type(exc).__name__)
            return False
        return True

    def delete(self, name: str) -> None:
        if self.backend is None:
            return
        try:
            self.backend.delete_password(SERVICE, self._account(name))
        except Exception as exc:  # absent already, or locked: nothing more to do
            log.debug("keychain delete of %s: %s", name, type(exc).__name__)
