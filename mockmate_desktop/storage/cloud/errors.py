"""Which cloud failures are worth retrying, and how to say what went wrong without leaking secrets."""

from __future__ import annotations

import requests


def is_transient(exc: BaseException) -> bool:
    """Unreachable, timed out, overloaded or a 5xx: retry later. Everything else needs a person."""
    if isinstance(exc, requests.ConnectionError | requests.Timeout | ConnectionError | TimeoutError):
        return True
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
