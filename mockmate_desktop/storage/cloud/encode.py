"""Local records <-> Firestore documents. A document always holds the WHOLE current state of its record, so
writing it twice is the same as writing it once. `last_change` (a Firestore timestamp) is the newest
`updated_at` anywhere in the record; deletions leave a small tombstone so other machines learn of them."""

from __future__ import annotations

import mimetypes
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from ...domain.interview import InterviewSession
from ...domain.resume import ResumeAnalysis, ResumeProfile

SCHEMA = 1


def last_change(session: InterviewSession) -> datetime:
    stamps = [session.updated_at, session.config.updated_at]
    stamps += [q.updated_at for q in session.questions]
    stamps += [a.updated_at for a in session.answers]
    stamps += _report_stamps(session)
    return max(_aware(s) for s in stamps)


def _report_stamps(session: InterviewSession) -> list[datetime]:
    found: list[datetime] = []
    for name in type(session.reports).model_fields:
        report = getattr(session.reports, name)
        stamp = getattr(report, "updated_at", None)
        if isinstance(stamp, datetime):
            found.append(stamp)
    return found


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def interview_doc(session: InterviewSession, uid: str, audio_objects: dict[str, str]) -> dict[str, Any]:
    """Config, questions, answers (transcripts, delivery), reports, sources and timestamps, as one document."""
    data = session.model_dump(mode="json")
    data["owner_uid"] = uid
    data.update(
        schema=SCHEMA,
        deleted=False,
        sources=sorted(s.value for s in session.sources),
        last_change=last_change(session),
        audio_objects=audio_objects,
    )
    return data


def session_from_doc(doc: dict[str, Any]) -> InterviewSession:
    return InterviewSession.model_validate(doc)


def resume_doc(
    profile: ResumeProfile, sha256: str, storage_path: str | None, content_type: str
) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "id": str(profile.id),
        "deleted": False,
        "summary": {
            "name": profile.name,
            "headline": profile.headline,
            "summary": profile.summary,
            "skills_technical": profile.skills_technical,
            "source": profile.source.value,
        },
        "profile": profile.model_dump(mode="json"),
        "sha256": sha256,
        "storage_path": storage_path,
        "content_type": content_type,
        "updated_at": profile.updated_at.isoformat(),
        "last_change": _aware(profile.updated_at),
    }


def analysis_doc(analysis: ResumeAnalysis) -> dict[str, Any]:
    data = analysis.model_dump(mode="json")
    data.update(schema=SCHEMA, deleted=False, last_change=_aware(analysis.updated_at))
    return data


def tombstone(record_id: str, deleted_at: datetime) -> dict[str, Any]:
    return {"schema": SCHEMA, "id": record_id, "deleted": True, "last_change": _aware(deleted_at)}


def doc_time(doc: dict[str, Any]) -> datetime:
    """`last_change` as an aware datetime (Firestore returns its own datetime subclass)."""
    value = doc.get("last_change")
    if isinstance(value, datetime):
        return _aware(value)
    return datetime.min.replace(tzinfo=UTC)


def file_kind(relative: str) -> tuple[str, str]:
    """(suffix, content type) for a stored file: resumes keep their own type, PDFs by default."""
    suffix = PurePosixPath(relative).suffix.lower() or ".pdf"
    return suffix, mimetypes.types_map.get(suffix, "application/octet-stream")
