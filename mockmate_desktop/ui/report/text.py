"""HTML fragments for report text, escaped, so a transcript can never inject markup."""

from __future__ import annotations

import html
from collections.abc import Iterable


def esc(text: str) -> str:
    return html.escape(text or "")


def bullets(items: Iterable[str], empty: str = "None noted.") -> str:
    listed = [f"<li>{esc(item)}</li>" for item in items if item]
    return f"<ul>{''.join(listed)}</ul>" if listed else f"<p><i>{esc(empty)}</i></p>"


def section(heading: str, body: str) -> str:
    return f"<h3>{esc(heading)}</h3>{body}"


def para(text: str) -> str:
    return f"<p>{esc(text)}</p>" if text else "<p><i>Not available.</i></p>"
