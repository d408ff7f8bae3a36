"""Exports of a session, shared by the window's Export and `mockmate report`: PDF, Markdown, the session zip,
and the report JSON (also written by `mockmate interview --json-out`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from ..domain.enums import EngineChoice
from ..domain.interview import InterviewSession

if TYPE_CHECKING:
    from ..core.settings import Settings
    from ..storage.sqlite_store import SqliteStore


def engine_info(session: InterviewSession, choice: EngineChoice, settings: Settings) -> dict[str, Any]:
    """Which engine was asked for, and which really made the reports (after any fallback)."""
    from ..engine.factory import resolve_choice

    reports = session.reports
    made = {
        kind: part.source.value
        for kind, part in (
            ("summary", reports.summary),
            ("performance", reports.performance),
            ("questions", reports.questions),
        )
        if part is not None
    }
    summary = reports.summary
    return {
        "choice": choice.value,
        "resolved": resolve_choice(choice, settings).value,
        "source": summary.source.value if summary is not None else None,
        "model_name": summary.model_name if summary is not None else None,
        "report_sources": made,
    }


def report_document(session: InterviewSession, engine: dict[str, Any] | None = None) -> dict[str, Any]:
    """All four reports with the session's plan and answers, and which engine made which part."""
    reports = session.reports
    questions = sorted(session.questions, key=lambda q: q.position)
    return {
        "format": "mockmate-report/1",
        "session_id": str(session.id),
        "is_demo": session.is_demo,
        "status": session.status.value,
        "config": session.config.model_dump(mode="json"),
        "engine": {
            **(engine or {}),
            "sources": sorted(s.value for s in session.sources),
            "question_sources": {str(q.id): q.source.value for q in questions},
            "notes": list(session.engine_notes),
        },
        "questions": [
            {
                "id": str(q.id),
                "position": q.position,
                "kind": q.kind.value,
                "parent_id": str(q.parent_id) if q.parent_id else None,
                "text": q.text,
                "source": q.source.value,
                "answer": answer.model_dump(mode="json", exclude={"words"})
                if (answer := session.answer_for(q.id)) is not None
                else None,
            }
            for q in questions
        ],
        "reports": {
            kind: part.model_dump(mode="json") if part is not None else None
            for kind, part in (
                ("summary", reports.summary),
                ("performance", reports.performance),
                ("questions", reports.questions),
                ("delivery", reports.delivery),
            )
        },
    }


def report_json(session: InterviewSession, engine: dict[str, Any] | None = None) -> str:
    return json.dumps(report_document(session, engine), indent=2, ensure_ascii=False)


class ExportFormat(StrEnum):
    """What Export can write; the window and `mockmate report` offer the same four."""

    PDF = "pdf"  # the whole report with its charts, for reading and printing
    MARKDOWN = "md"  # the report as text
    ZIP = "zip"  # the whole session with its recordings, importable again
    JSON = "json"  # the report data (mockmate-report/1)

    @property
    def description(self) -> str:
        return {
            "pdf": "PDF report",
            "md": "Markdown report",
            "zip": "Whole session with recordings",
            "json": "Report data (JSON)",
        }[self.value]

    @classmethod
    def for_path(cls, path: Path) -> ExportFormat | None:
        suffix = path.suffix.lower().lstrip(".")
        return next((f for f in cls if f.value == suffix), None)


# Prints a session's report to a PDF file; the Qt renderer (ui/report/pdf.py) is handed in by the faces.
PdfRenderer = Callable[[InterviewSession, Path], Path]


def suggested_name(session: InterviewSession, fmt: ExportFormat) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in session.config.job_title.lower()).strip("-")[:40]
    demo = "-demo" if session.is_demo else ""
    return f"mockmate-{slug or 'interview'}{demo}.{fmt.value}"


def export_report(
    store: SqliteStore, session_id: UUID, target: Path, render_pdf: PdfRenderer, fmt: ExportFormat | None = None
) -> Path:
    """Writes one session as `fmt` (by default chosen from the file's extension, else the report JSON)."""
    chosen = fmt or ExportFormat.for_path(target) or ExportFormat.JSON
    if chosen is ExportFormat.ZIP:
        from ..storage.archive import export_session

        return export_session(store, session_id, target)
    session = store.get_session(session_id)
    if chosen is ExportFormat.PDF:
        return render_pdf(session, target)
    from ..core.files import atomic_write_text

    if chosen is ExportFormat.MARKDOWN:
        from ..domain.report_text import render_markdown

        atomic_write_text(target, render_markdown(session))
    else:
        atomic_write_text(target, report_json(session))
    return target
