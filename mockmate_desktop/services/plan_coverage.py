"""Which planned question probes which requirement of the job: the coverage table shown on the setup screen.

`coverage_rows` is pure: it reads the JD's requirement groups and matches each planned question to the
groups it probes, by the requirement the planner recorded and, for questions from another engine, by the
group's skills named in the question. `preview_plan` plans with the offline engine (the same plan the
offline interview starts with, given the same settings and past sessions) and computes the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.config import InterviewConfig
from ..domain.interview import Question
from ..domain.jd_requirements import RequirementGroup, required_first, requirement_groups
from ..domain.resume import ResumeProfile
from ..engine.protocols import InterviewEngine


@dataclass(frozen=True)
class CoverageRow:
    requirement: str
    required: bool
    questions: tuple[int, ...]  # 1-based numbers of the main questions that probe it

    @property
    def covered(self) -> bool:
        return bool(self.questions)


@dataclass(frozen=True)
class PlanPreview:
    questions: list[Question]
    rows: list[CoverageRow]
    engine: str  # which engine made the plan, shown with the table

    @property
    def required_covered(self) -> tuple[int, int]:
        required = [r for r in self.rows if r.required]
        return sum(r.covered for r in required), len(required)


def _probes(question: Question, group: RequirementGroup) -> bool:
    recorded = {part.strip().casefold() for part in question.requirement.split("·")}
    if group.label.casefold() in recorded or group.text.casefold() in recorded:
        return True
    text = question.text.casefold()
    return any(len(skill) > 2 and skill.casefold() in text for skill in group.skills)


def coverage_rows(config: InterviewConfig, questions: Sequence[Question]) -> list[CoverageRow]:
    rows: list[CoverageRow] = []
    for group in required_first(requirement_groups(config.job_description)):
        numbers = tuple(n for n, q in enumerate(questions, 1) if _probes(q, group))
        rows.append(CoverageRow(requirement=group.label, required=group.required, questions=numbers))
    return rows


def preview_plan(
    engine: InterviewEngine, config: InterviewConfig, resume: ResumeProfile | None
) -> PlanPreview:
    """Plans with `engine` (call it off the GUI thread) and matches the plan to the JD's requirements."""
    questions = engine.plan_questions(config, resume)
    return PlanPreview(questions=questions, rows=coverage_rows(config, questions), engine=engine.model_name)
