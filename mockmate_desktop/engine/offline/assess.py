"""Scores every turn of a session with the rubric, remembering which bank entry each question came from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...domain.enums import QuestionKind
from ...domain.interview import Answer, InterviewSession, Question
from ...domain.meaning import MeaningSignals
from ...domain.numbering import number_questions
from ...domain.scoring import AnswerScore, ScoringInput, score_answer
from ...domain.skills import extract_skills, unique_skills
from ..semantic.loader import shared_loader
from ..semantic.measure import measure
from .bank import BankEntry, QuestionBank

# A report or follow-up waits for the embedding model still loading in the background (it loads in well
# under a second when the machine is idle): a timeout would make the same answer score differently
# depending on machine load. Only a model that cannot load at all leaves scoring to keywords.
MODEL_WAIT_S: float | None = None


@dataclass(frozen=True)
class Turn:
    number: int  # 1-based number of the main question this turn belongs to
    label: str  # "Q3" or "Q3 follow-up": the one numbering scheme of every view (domain/numbering.py)
    question: Question
    answer: Answer | None
    entry: BankEntry | None
    behavioural: bool
    score: AnswerScore

    @property
    def answered(self) -> bool:
        return self.answer is not None and not self.answer.skipped and bool(self.answer.transcript.strip())


def jd_terms(session: InterviewSession) -> list[str]:
    config = session.config
    return unique_skills(
        h for h in extract_skills(f"{config.job_title}\n{config.job_description}") if h.kind == "technical"
    )


def entry_for(bank: QuestionBank, session: InterviewSession, question: Question) -> BankEntry | None:
    main = question
    if question.kind is QuestionKind.FOLLOW_UP and question.parent_id is not None:
        main = next((q for q in session.questions if q.id == question.parent_id), question)
    return bank.find_by_text(session.config.language, main.text)


def is_behavioural(entry: BankEntry | None, question: Question) -> bool:
    if entry is not None:
        return entry.type == "behavioural"
    # A question from another engine: its competency or wording tells.
    lowered = f"{question.competency} {question.text}".casefold()
    return any(
        k in lowered for k in ("tell me about a time", "behaviour", "behavior", "teamwork", "conflict")
    )


def score_turn(
    session: InterviewSession, bank: QuestionBank, question: Question, answer: Answer | None, terms: list[str]
) -> tuple[BankEntry | None, bool, AnswerScore]:
    entry = entry_for(bank, session, question)
    behavioural = is_behavioural(entry, question)
    language = session.config.language
    parent_points: list[str] = question.expected_points
    if question.kind is QuestionKind.FOLLOW_UP and not parent_points and entry is not None:
        parent_points = list(entry.points_in(language))
    transcript = "" if answer is None or answer.skipped else answer.transcript
    context = ""
    topic = ""  # what a follow-up digs into besides the candidate's answer: its main question and rubric
    # What the answer is measured against by meaning. A follow-up ("make that concrete: one real case?")
    # digs into its main question, so the answer is on topic when it fits that one: measured against the
    # follow-up alone, a concrete answer about window functions "fitted another question of the bank better"
    # (the main question itself) and was scored as off topic.
    asked = question.text
    not_rivals: tuple[str, ...] = ()
    if question.kind is QuestionKind.FOLLOW_UP and question.parent_id is not None:
        earlier = session.answer_for(question.parent_id)
        context = earlier.transcript if earlier is not None and not earlier.skipped else ""
        main = next((q for q in session.questions if q.id == question.parent_id), None)
        if main is not None:
            asked = f"{main.text} {question.text}"
            # The bank's points and model answer name the topic's own terms ("PARTITION BY", "running
            # total"), which a real case uses without repeating the question's words.
            about = [main.text, *main.expected_points]
            if entry is not None:
                about.append(entry.scoring_reference(language))
            topic = "\n".join(about)
        not_rivals = (entry.id,) if entry is not None else ()
    reference = (
        entry.scoring_reference(language) if entry is not None and question.kind is QuestionKind.MAIN else ""
    )
    # A probe's rubric ("One real case") names moves of the reply, not topics: the scorer reads those points
    # from its structure too. Only while the follow-up still carries that rubric (not its parent's points).
    probe = question.probe if question.kind is QuestionKind.FOLLOW_UP and question.expected_points else ""
    result = score_answer(
        ScoringInput(
            question=question.text,
            expected_points=parent_points,
            jd_terms=terms,
            behavioural=behavioural,
            transcript=transcript,
            delivery=answer.delivery if answer is not None and not answer.skipped else None,
            context=context,
            reference=reference,
            probe=probe,
            topic=topic,
            meaning=meaning_of(
                asked,
                transcript,
                parent_points,
                reference,
                entry.english_points_for(language, parent_points) if entry is not None else (),
                not_rivals=not_rivals,
            ),
        ),
        language.value,
    )
    return entry, behavioural, result


def meaning_of(
    question: str,
    transcript: str,
    points: list[str],
    reference: str,
    english_points: Sequence[str] = (),
    *,
    not_rivals: Sequence[str] = (),
) -> MeaningSignals | None:
    """Similarities by meaning, or None (keyword scoring) when the model cannot run here. `english_points`:
    the English wording of translated `points`, also matched (see `measure`)."""
    if not transcript.strip():
        return None
    embedder = shared_loader().get(MODEL_WAIT_S)
    if embedder is None:
        return None
    return measure(
        embedder,
        question,
        transcript,
        points,
        reference,
        english_points=english_points,
        not_rivals=not_rivals,
    )


def assess(session: InterviewSession, bank: QuestionBank) -> list[Turn]:
    terms = jd_terms(session)
    turns: list[Turn] = []
    numbers = number_questions(session.questions)
    language = session.config.language
    for question in sorted(session.questions, key=lambda q: q.position):
        answer = session.answer_for(question.id)
        entry, behavioural, result = score_turn(session, bank, question, answer, terms)
        turns.append(
            Turn(
                number=numbers[question.id].main,
                label=numbers[question.id].label(language),
                question=question,
                answer=answer,
                entry=entry,
                behavioural=behavioural,
                score=result,
            )
        )
    return turns
