"""What the store raises: one base error whose message is fit to show a user, and "no such record"."""

from __future__ import annotations


class StoreError(Exception):
    """A store operation failed; the message is fit to show a user."""


class NotFoundError(StoreError):
    pass
