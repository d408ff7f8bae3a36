"""Local records <-> Firestore documents. A document always holds the WHOLE current state of its record, so
writing it twice is the same as writing it once. `last_change` (a Firestore timestamp) is the newest
`updated_at` anywhere in the record; deletions leave a small tombstone so other machines learn of them."""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any

from ...domain.attempts import PracticeAttempt
from ...domain.interview import InterviewSession
from ...domain.practice_plan import PracticePlan
from ...domain.resume import ResumeAnalysis, ResumeProfile

SCHEMA = 1
# Clocks disagree by seconds, sometimes minutes; a change time later than this ahead of ours is not believed.
MAX_CLOCK_SKEW = timedelta(minutes=5)
_TIME_FIELDS = frozenset({"created_at", "updated_at", "last_change", "started_at", "ended_at"})


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


def interview_doc(
    session: InterviewSession,
    uid: str,
    audio_objects: dict[str, str],
    practice: tuple[Sequence[PracticeAttempt], PracticePlan | None] = ((), None),
) -> dict[str, Any]:
    """Config, questions, answers (transcripts, delivery), reports, sources and timestamps, as one document;
    the coaching loop's practice attempts and plan ride along under `practice`."""
    data = session.model_dump(mode="json")
    attempts, plan = practice
    data["practice"] = {
        "attempts": [a.model_dump(mode="json", exclude={"audio_path"}) for a in attempts],
        "plan": None if plan is None else plan.model_dump(mode="json"),
    }
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


def practice_from_doc(doc: dict[str, Any], session_id: Any) -> tuple[list[PracticeAttempt], PracticePlan | None]:
    """The attempts and plan inside an interview document; each must belong to that session."""
    practice = doc.get("practice") or {}
    if not isinstance(practice, dict):
        raise ValueError("practice is not a map")
    attempts = [PracticeAttempt.model_validate(item) for item in practice.get("attempts") or []]
    raw_plan = practice.get("plan")
    plan = None if raw_plan is None else PracticePlan.model_validate(raw_plan)
    owners = [a.session_id for a in attempts] + ([plan.session_id] if plan is not None else [])
    if any(owner != session_id for owner in owners):
        raise ValueError("practice records inside belong to another session")
    return attempts, plan


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


def clamp_future(doc: Any, now: datetime, *, where: str = "") -> tuple[Any, list[str]]:
    """A copy of `doc` whose change times beyond `now + MAX_CLOCK_SKEW` are set to `now`, and the fields that
    were. Times are Firestore timestamps or the ISO strings of model dumps; anything else is left alone."""
    limit = now + MAX_CLOCK_SKEW
    flagged: list[str] = []

    def walk(value: Any, path: str) -> Any:
        if isinstance(value, dict):
            out: dict[str, Any] = {}
            for key, item in value.items():
                here = f"{path}.{key}" if path else str(key)
                if key in _TIME_FIELDS and _later_than(item, limit):
                    flagged.append(here)
                    out[key] = now if isinstance(item, datetime) else now.isoformat()
                else:
                    out[key] = walk(item, here)
            return out
        if isinstance(value, list):
            return [walk(item, f"{path}[{i}]") for i, item in enumerate(value)]
        return value

    return walk(doc, where), flagged


def _later_than(value: Any, limit: datetime) -> bool:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return False
    return isinstance(value, datetime) and _aware(value) > limit
