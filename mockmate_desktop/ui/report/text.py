"""HTML fragments for report text, escaped, so a transcript can never inject markup.

The helpers live with the printable report (domain/report_html.py) so the window and the PDF say the same.
"""

from __future__ import annotations

from ...domain.report_html import bullets, esc, para, section

__all__ = ["bullets", "esc", "para", "section"]
