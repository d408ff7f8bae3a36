"""Practise one question: score a single typed answer with instant feedback, offline or with Gemini.

The terminal (`mockmate score`) and the window ("Practise one question") both call `practise`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..domain.enums import Difficulty, Language
from ..domain.report_text import label
from ..domain.skills import extract_skills, unique_skills

QuestionType = Literal["technical", "behavioural"]
MAX_ANSWER_CHARS = 20_000


class PracticeError(ValueError):
    """Input the scorer cannot use; the message is one line for the user."""


@dataclass(frozen=True)
class PracticeRequest:
    question: str
    answer: str
    job_title: str = ""
    job_description: str = ""
    question_type: QuestionType | None = None  # None: taken from the question bank, else guessed
    difficulty: Difficulty = Difficulty.INTERMEDIATE
    language: Language = Language.EN
    engine: Literal["offline", "gemini"] = "offline"

    def checked(self) -> PracticeRequest:
        if not self.question.strip():
            raise PracticeError("the question is empty")
        if not self.answer.strip():
            raise PracticeError("the answer is empty")
        if len(self.answer) > MAX_ANSWER_CHARS:
            raise PracticeError(f"the answer is longer than {MAX_ANSWER_CHARS} characters")
        return self


@dataclass(frozen=True)
class PracticeResult:
    score: float  # 0-10
    engine: str  # who scored it, e.g. "offline (meaning: multilingual-e5-small...)" or "gemini-2.5-flash"
    method: str
    criteria: list[dict[str, Any]]
    evidence: list[str]
    went_well: list[str]
    to_improve: list[str]
    points: list[dict[str, Any]] = field(default_factory=list)
    caps: list[str] = field(default_factory=list)
    model_answer: str = ""
    question_type: str = "technical"
    language: Language = Language.EN  # of the question and answer: the result is shown in it

    def heading(self, key: str) -> str:
        return label(key, self.language)

    def status(self, status: str) -> str:
        """A point's covered / partly / missing in the result's language."""
        return label("point_missing" if status == "missing" else status, self.language)

    def criterion_label(self, criterion: dict[str, Any]) -> str:
        return str(criterion.get("label") or criterion.get("name", ""))

    def as_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "engine": self.engine,
            "method": self.method,
            "question_type": self.question_type,
            "criteria": self.criteria,
            "points": self.points,
            "caps": self.caps,
            "evidence": self.evidence,
            "feedback": {"went_well": self.went_well, "to_improve": self.to_improve},
            "model_answer": self.model_answer,
        }


def _guess_type(question: str) -> QuestionType:
    lowered = question.casefold()
    cues = (
        "tell me about a time",
        "describe a time",
        "give an example",
        "raconte",
        "décrivez une",
        "बताइए जब",
        "उस समय",
    )
    return "behavioural" if any(c in lowered for c in cues) else "technical"


def practise_offline(request: PracticeRequest) -> PracticeResult:
    from ..domain.scoring import ScoringInput, score_answer
    from ..engine.offline.assess import meaning_of
    from ..engine.offline.bank import load_bank
    from ..engine.offline.feedback import answer_feedback
    from ..engine.offline.texts import CRITERION_LABELS

    entry = load_bank().find_by_text(request.language, request.question)
    qtype: QuestionType = request.question_type or (
        "behavioural" if entry is not None and entry.type == "behavioural" else _guess_type(request.question)
    )
    points = list(entry.points_in(request.language)) if entry is not None else []
    shown = entry.model_answer_in(request.language) if entry is not None else ""
    reference = entry.scoring_reference(request.language) if entry is not None else ""
    jd = unique_skills(
        h for h in extract_skills(f"{request.job_title}\n{request.job_description}") if h.kind == "technical"
    )
    result = score_answer(
        ScoringInput(
            question=request.question,
            expected_points=points,
            jd_terms=jd,
            behavioural=qtype == "behavioural",
            transcript=request.answer,
            reference=reference,
            meaning=meaning_of(
                request.question,
                request.answer,
                points,
                reference,
                entry.english_points_for(request.language, points) if entry is not None else (),
            ),
        ),
        request.language.value,
    )
    went, improve = answer_feedback(result, request.answer, None, request.language, qtype == "behavioural")
    label = f"offline ({'meaning: ' + result.model if result.method == 'meaning' else 'keywords only'})"
    return PracticeResult(
        score=result.score,
        engine=label,
        method=result.method,
        criteria=[
            {
                **c.model_dump(),
                "label": CRITERION_LABELS.get(c.name, {}).get(request.language.value) or c.name,
            }
            for c in result.criteria
        ],
        evidence=result.evidence,
        went_well=went,
        to_improve=improve,
        points=[p.model_dump() for p in result.points],
        caps=result.caps,
        model_answer=shown,
        question_type=qtype,
        language=request.language,
    )


def practise(request: PracticeRequest, settings: Any = None) -> PracticeResult:
    """Scores one answer. Gemini needs `settings` with a key; its errors reach the caller as EngineError."""
    request = request.checked()
    if request.engine == "gemini":
        return practise_gemini(request, settings)
    return practise_offline(request)


def practise_gemini(request: PracticeRequest, settings: Any) -> PracticeResult:
    from ..engine.gemini.answer_scoring import AnswerToScore, score_with_gemini
    from ..engine.offline.bank import load_bank

    entry = load_bank().find_by_text(request.language, request.question)
    qtype: QuestionType = request.question_type or (
        "behavioural" if entry is not None and entry.type == "behavioural" else _guess_type(request.question)
    )
    found = score_with_gemini(
        AnswerToScore(
            question=request.question,
            answer=request.answer,
            question_type=qtype,
            difficulty=request.difficulty.value,
            language_code=request.language.value,
            language_name=request.language.display_name,
            job_title=request.job_title,
            job_description=request.job_description,
            competency=entry.competency if entry is not None else "",
            expected_points=list(entry.points_in(request.language)) if entry is not None else [],
        ),
        settings,
    )
    return PracticeResult(
        score=found.score,
        engine=f"gemini ({found.model})",
        method="gemini",
        criteria=[
            {
                "name": "gemini",
                "score": found.score,
                "explanation": found.reasoning,
                "evidence": found.evidence,
            }
        ],
        evidence=found.evidence,
        went_well=found.went_well,
        to_improve=found.to_improve,
        points=list(found.points),
        model_answer=found.model_answer,
        question_type=qtype,
        language=request.language,
    )
