"""The closed vocabularies of the app. Values are the stable strings stored on disk and sent to the cloud."""

from __future__ import annotations

from enum import StrEnum


class InterviewType(StrEnum):
    TECHNICAL = "technical"
    BEHAVIOURAL = "behavioural"
    OVERALL = "overall"


class Difficulty(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    EXPERIENCED = "experienced"
    EXPERT = "expert"


class Language(StrEnum):
    EN = "en"
    HI = "hi"
    FR = "fr"

    @property
    def display_name(self) -> str:
        return {"en": "English", "hi": "Hindi", "fr": "French"}[self.value]


class AnswerMode(StrEnum):
    VOICE = "voice"
    TYPED = "typed"


class EngineChoice(StrEnum):
    """What the user asked for; `auto` means Gemini when a key is set, else offline."""

    AUTO = "auto"
    GEMINI = "gemini"
    OFFLINE = "offline"
    REPLAY = "replay"


class Source(StrEnum):
    """Which engine produced a machine-made record. Shown to the user wherever the record appears."""

    GEMINI = "gemini"
    OFFLINE = "offline"
    CACHED = "cached"

    @property
    def label(self) -> str:
        return {
            "gemini": "Gemini",
            "offline": "Offline engine (heuristic)",
            "cached": "Cached replay (demo)",
        }[self.value]


class SessionStatus(StrEnum):
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


class QuestionKind(StrEnum):
    MAIN = "main"
    FOLLOW_UP = "follow_up"


class SelectionLabel(StrEnum):
    VERY_LOW = "very low"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    VERY_HIGH = "very high"

    @classmethod
    def for_probability(cls, probability: float) -> SelectionLabel:
        """Maps 0-100 onto five equal bands so the label never disagrees with the number."""
        bands = (20.0, 40.0, 60.0, 80.0)
        labels = (cls.VERY_LOW, cls.LOW, cls.MODERATE, cls.HIGH)
        for upper, label in zip(bands, labels, strict=True):
            if probability < upper:
                return label
        return cls.VERY_HIGH
