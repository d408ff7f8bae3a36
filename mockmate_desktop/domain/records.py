"""Base class every stored record derives from: identity and timestamps."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field


def utc_now() -> datetime:
    return datetime.now(UTC)


class Model(BaseModel):
    """Value objects: validated on assignment so a bad edit fails where it is made, not when saved."""

    model_config = ConfigDict(validate_assignment=True, extra="ignore", str_strip_whitespace=True)


class Record(Model):
    id: UUID = Field(default_factory=uuid4)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)

    def touch(self) -> None:
        self.updated_at = utc_now()
