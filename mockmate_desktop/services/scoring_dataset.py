"""The graded development set of answers (tests/data/scoring) and its fixed split by question."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "scoring"
SPLIT_SEED = 13
HELD_OUT_PER_LANGUAGE = 3  # of 15 questions per language: one fifth of the questions, held out


@dataclass(frozen=True)
class DevQuestion:
    id: str
    language: str
    type: str
    difficulty: str
    competency: str
    question: str
    expected_points: tuple[str, ...]
    model_answer: str
    # The English wording of translated points (hi/fr questions), matched too, as the app does.
    english_points: tuple[str, ...] = ()

    @property
    def behavioural(self) -> bool:
        return self.type == "behavioural"


@dataclass(frozen=True)
class DevAnswer:
    id: str
    question: DevQuestion
    kind: str
    grade: int
    text: str

    @property
    def language(self) -> str:
        return self.question.language


class DatasetMissingError(RuntimeError):
    """The development set is not on disk (it ships with the source, not the installed app)."""


def load(folder: Path = DATA_DIR) -> list[DevAnswer]:
    try:
        raw_questions = json.loads((folder / "questions.json").read_text(encoding="utf-8"))
        lines = (folder / "answers.jsonl").read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetMissingError(f"the scoring development set is not in {folder}: {exc.strerror}") from exc
    questions = {
        q["id"]: DevQuestion(
            id=q["id"],
            language=q["language"],
            type=q["type"],
            difficulty=q["difficulty"],
            competency=q["competency"],
            question=q["question"],
            expected_points=tuple(q["expected_points"]),
            model_answer=q["model_answer"],
            english_points=tuple(q.get("english_points", ())),
        )
        for q in raw_questions
    }
    answers = []
    for line in lines:
        if line.strip():
            row = json.loads(line)
            answers.append(
                DevAnswer(
                    id=row["id"],
                    question=questions[row["question_id"]],
                    kind=row["kind"],
                    grade=int(row["grade"]),
                    text=row["text"],
                )
            )
    return answers


def held_out_questions(answers: list[DevAnswer], seed: int = SPLIT_SEED) -> set[str]:
    """Question ids of the held-out fifth: the same count per language, chosen with a fixed seed."""
    rng = random.Random(seed)
    held: set[str] = set()
    for language in sorted({a.language for a in answers}):
        ids = sorted({a.question.id for a in answers if a.language == language})
        rng.shuffle(ids)
        held.update(ids[:HELD_OUT_PER_LANGUAGE])
    return held


def split(answers: list[DevAnswer], seed: int = SPLIT_SEED) -> tuple[list[DevAnswer], list[DevAnswer]]:
    held = held_out_questions(answers, seed)
    return [a for a in answers if a.question.id not in held], [a for a in answers if a.question.id in held]
