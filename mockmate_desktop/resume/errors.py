"""The one error the resume layer raises: its message is written for the candidate, its code for the GUI."""

from __future__ import annotations

from enum import StrEnum


class ResumeErrorCode(StrEnum):
    EMPTY = "empty"
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    TOO_MANY_PAGES = "too_many_pages"
    UNSUPPORTED_TYPE = "unsupported_type"
    NOT_PDF = "not_pdf"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    PASSWORD_REQUIRED = "password_required"  # the GUI asks for the password and tries again
    PASSWORD_WRONG = "password_wrong"
    NO_TEXT_LAYER = "no_text_layer"  # offline: the candidate can paste the text instead
    TIMEOUT = "timeout"
    TOO_COMPLEX = "too_complex"
    TEXT_TOO_LONG = "text_too_long"
    NOT_TEXT = "not_text"
    ENGINE = "engine"


class ResumeError(Exception):
    """A resume could not be taken in or analysed; `str(error)` is a complete sentence for the user."""

    def __init__(self, code: ResumeErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def needs_password(self) -> bool:
        return self.code in (ResumeErrorCode.PASSWORD_REQUIRED, ResumeErrorCode.PASSWORD_WRONG)
