"""What past sessions tell the next plan: questions asked lately, questions answered well, weak competencies.

Spaced repetition in three rules, all read from sessions the store already holds:
- a main question answered well (score >= `WELL_ANSWERED`) is not asked again;
- a question asked in one of the last `RECENT_SESSIONS` sessions of the same set-up waits its turn;
- a competency whose answers averaged below `WEAK_BELOW` comes back first, the weakest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .config import InterviewConfig
from .enums import QuestionKind
from .interview import InterviewSession

WELL_ANSWERED = 7.5  # on the 0-10 question score: a strong answer by the report's own scale
WEAK_BELOW = 5.5  # a competency averaging under this is practised again
RECENT_SESSIONS = 3  # "3 consecutive sessions of the same set-up" ask no question twice


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class PlanHistory:
    recent: dict[str, int] = field(default_factory=dict)  # question text -> sessions ago (0 = the last one)
    answered_well: frozenset[str] = frozenset()
    weak: dict[str, float] = field(default_factory=dict)  # competency -> mean score, weakest first
    same_setup_sessions: int = 0
    weak_scores: dict[str, int] = field(default_factory=dict)  # competency -> answers behind the mean

    def sessions_since(self, text: str) -> int | None:
        return self.recent.get(_key(text))

    def was_answered_well(self, text: str) -> bool:
        return _key(text) in self.answered_well

    def weakness(self, competency: str) -> float | None:
        return self.weak.get(competency.casefold())


EMPTY_HISTORY = PlanHistory()


def _same_setup(a: InterviewConfig, b: InterviewConfig) -> bool:
    return (
        _key(a.job_title) == _key(b.job_title)
        and a.interview_type == b.interview_type
        and a.difficulty == b.difficulty
        and a.language == b.language
    )


def _scores(session: InterviewSession) -> dict[str, float]:
    report = session.reports.questions
    if report is None:
        return {}
    return {str(item.question_id): item.score for item in report.items if not item.is_follow_up}


def history_from_sessions(sessions: Iterable[InterviewSession], config: InterviewConfig) -> PlanHistory:
    """Demo sessions never count: they are not the candidate's own answers."""
    own = [s for s in sessions if not s.is_demo and s.questions]
    own.sort(key=lambda s: s.started_at or s.created_at, reverse=True)
    same = [s for s in own if _same_setup(s.config, config)]
    recent: dict[str, int] = {}
    for ago, session in enumerate(same[:RECENT_SESSIONS]):
        for question in session.questions:
            if question.kind is QuestionKind.MAIN:
                recent.setdefault(_key(question.text), ago)
    well: set[str] = set()
    by_competency: dict[str, list[float]] = {}
    for session in own:
        if session.config.language != config.language:
            continue
        scores = _scores(session)
        for question in session.questions:
            score = scores.get(str(question.id))
            if score is None or question.kind is not QuestionKind.MAIN:
                continue
            if score >= WELL_ANSWERED:
                well.add(_key(question.text))
            if question.competency:
                by_competency.setdefault(question.competency.casefold(), []).append(score)
    means = {c: sum(v) / len(v) for c, v in by_competency.items()}
    weak = dict(sorted(((c, round(m, 1)) for c, m in means.items() if m < WEAK_BELOW), key=lambda cm: cm[1]))
    return PlanHistory(
        recent=recent,
        answered_well=frozenset(well),
        weak=weak,
        same_setup_sessions=len(same),
        weak_scores={c: len(by_competency[c]) for c in weak},
    )


def merge_recent(history: PlanHistory, asked: Sequence[str]) -> PlanHistory:
    """The history after one more session that asked `asked` (used by the bench to simulate sessions)."""
    recent = {text: ago + 1 for text, ago in history.recent.items() if ago + 1 < RECENT_SESSIONS}
    for text in asked:
        recent[_key(text)] = 0
    return PlanHistory(
        recent=recent,
        answered_well=history.answered_well,
        weak=history.weak,
        same_setup_sessions=history.same_setup_sessions + 1,
        weak_scores=history.weak_scores,
    )
