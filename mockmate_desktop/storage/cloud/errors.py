"""Which cloud failures are worth retrying, and how to say what went wrong without leaking secrets."""

from __future__ import annotations

import requests

# HTTP statuses worth retrying: conflict/abort (409 from a contended transaction), throttling, server trouble.
_TRANSIENT_STATUS = {408, 409, 429, 500, 502, 503, 504}


class CloudHTTPError(Exception):
    """A Firestore or Storage REST call answered with an error status; the message is the server's own."""

    def __init__(self, status: int, message: str, code: str = "") -> None:
        super().__init__(f"{code or 'HTTP ' + str(status)}: {message}" if message else (code or f"HTTP {status}"))
        self.status = status
        self.code = code

    @property
    def permission_denied(self) -> bool:
        return self.status in (401, 403)


def http_error(response: requests.Response) -> CloudHTTPError:
    """The error a REST response carries, in Google's `{"error": {"code", "message", "status"}}` shape."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        message = str(error.get("message", "")).strip().splitlines()
        return CloudHTTPError(response.status_code, message[0] if message else "", str(error.get("status", "")))
    return CloudHTTPError(response.status_code, response.reason or "")


def is_transient(exc: BaseException) -> bool:
    """Unreachable, timed out, overloaded or a 5xx: retry later. Everything else needs a person."""
    if isinstance(exc, requests.ConnectionError | requests.Timeout | ConnectionError | TimeoutError):
        return True
    if isinstance(exc, CloudHTTPError):
        return exc.status in _TRANSIENT_STATUS
    try:
        from google.api_core import exceptions as gexc
        from google.auth import exceptions as auth_exc
    except ImportError:
        return False
    transient = (
        gexc.ServiceUnavailable,
        gexc.DeadlineExceeded,
        gexc.InternalServerError,
        gexc.BadGateway,
        gexc.GatewayTimeout,
        gexc.TooManyRequests,
        gexc.Aborted,
        gexc.Unknown,
        gexc.RetryError,
        auth_exc.TransportError,
    )
    return isinstance(exc, transient)


def describe(exc: BaseException) -> str:
    """One line for a user: the error type and the first line of its message, capped."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(text) > 200:
        text = text[:197] + "..."
    name = type(exc).__name__
    if is_transient(exc):
        return f"cloud unreachable ({name}{': ' + text if text else ''})"
    return f"{name}: {text}" if text else name
