"""Export one session (PDF, Markdown, the session zip, the report JSON) from the report page or Home.

The save dialog offers the four formats; the file's extension decides, and a name typed without one gets
the extension of the chosen filter. Writing (and printing the PDF) runs on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from ...domain.interview import InterviewSession
from ...services.report_export import ExportFormat, export_report, suggested_name
from .pdf import render_pdf

if TYPE_CHECKING:
    from ..main_window import MainWindow

_ORDER = (ExportFormat.PDF, ExportFormat.MARKDOWN, ExportFormat.ZIP, ExportFormat.JSON)


def _filter(fmt: ExportFormat) -> str:
    return f"{fmt.description} (*.{fmt.value})"


def ask_export_path(parent: QWidget, session: InterviewSession, fmt: ExportFormat) -> Path | None:
    """The save dialog, opened on `fmt`; None when cancelled."""
    filters = [_filter(f) for f in (fmt, *(f for f in _ORDER if f is not fmt))]
    chosen, selected = QFileDialog.getSaveFileName(
        parent, "Export report", str(Path.home() / suggested_name(session, fmt)), ";;".join(filters)
    )
    if not chosen:
        return None
    path = Path(chosen)
    if ExportFormat.for_path(path) is None:
        picked = next((f for f in _ORDER if _filter(f) == selected), fmt)
        path = path.with_name(f"{path.name}.{picked.value}")
    return path


def export_session(window: MainWindow, session: InterviewSession, path: Path) -> None:
    """Writes the export on a worker; the banner says where it went, or why it could not be written."""
    store = window.services.store
    session_id = session.id
    label = " (demo)" if session.is_demo else ""

    def done(written: object) -> None:
        window.banner.show_message(f"Exported{label} to {written}.")

    def failed(exc: BaseException) -> None:
        window.show_exception(exc, "Exporting the report")

    window.tasks.run(
        lambda: export_report(store, session_id, path, render_pdf), done, failed, name="Exporting the report"
    )


def choose_and_export(window: MainWindow, session: InterviewSession, fmt: ExportFormat) -> None:
    path = ask_export_path(window, session, fmt)
    if path is not None:
        export_session(window, session, path)


def attach_export_menu(button: QPushButton, export: Callable[[ExportFormat], None]) -> QMenu:
    """The button opens a menu of the formats (PDF, Markdown, session zip), each asking where to save."""
    menu = QMenu(button)
    menu.setObjectName(f"{button.objectName() or 'export'}Menu")
    for fmt in (ExportFormat.PDF, ExportFormat.MARKDOWN, ExportFormat.ZIP):
        action = menu.addAction(f"{fmt.description}…")
        action.setObjectName(f"export-{fmt.value}")
        action.triggered.connect(lambda _checked=False, f=fmt: export(f))
    button.setMenu(menu)
    return menu
