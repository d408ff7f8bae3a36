"""The report JSON written by `mockmate interview --json-out` and `mockmate report --format json`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..domain.enums import EngineChoice
from ..domain.interview import InterviewSession

if TYPE_CHECKING:
    from ..core.settings import Settings


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
