"""Builders for store tests: sessions with every kind of record, and real WAV recordings on disk."""

from __future__ import annotations

import hashlib
import math
import struct
import wave
from pathlib import Path

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.delivery import CountedTerm, DeliveryMetrics, GuidanceBand, WordTiming
from mockmate_desktop.domain.enums import InterviewType, QuestionKind, SelectionLabel, SessionStatus, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.domain.reports import (
    AnswerDelivery,
    CategoryScore,
    CategoryScores,
    DeliveryReport,
    PerformanceReport,
    QuestionFeedback,
    QuestionsReport,
    ReportSet,
    SummaryReport,
)
from mockmate_desktop.domain.resume import Experience, ResumeAnalysis, ResumeProfile, SkillMatch
from mockmate_desktop.storage.sqlite_store import SqliteStore

RATE = 16_000


def write_wav(path: Path, seconds: float = 0.4, frequency: float = 440.0) -> str:
    """A real 16 kHz mono 16-bit tone; returns the file's sha256."""
    frames = int(RATE * seconds)
    samples = (int(8000 * math.sin(2 * math.pi * frequency * i / RATE)) for i in range(frames))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def questions_for(count: int, source: Source = Source.OFFLINE) -> list[Question]:
    texts = [
        "Tell me about a time you improved a slow system.",
        "How do you decide between SQL and NoSQL storage?",
        "Describe a disagreement with a colleague and how you resolved it.",
        "What would you monitor in a new payments service?",
        "Walk me through designing a rate limiter.",
        "Which project are you proudest of, and why?",
    ]
    return [
        Question(position=i, text=texts[i % len(texts)], source=source, competency="problem solving")
        for i in range(count)
    ]


def answer_for(store: SqliteStore, session_id: object, question: Question, text: str) -> Answer:
    """An answer with a real recording written where the recorder would write it."""
    path = store.new_audio_path(session_id, question.id)  # type: ignore[arg-type]
    write_wav(path, seconds=0.3, frequency=300 + 40 * question.position)
    metrics = DeliveryMetrics(duration_s=0.3, word_count=len(text.split()), words_per_minute=140.0)
    words = [WordTiming(word=w, start=0.1 * i, end=0.1 * i + 0.08) for i, w in enumerate(text.split()[:3])]
    return Answer(
        question_id=question.id,
        transcript=text,
        words=words,
        audio_path=store.relative_path(path),
        duration_s=0.3,
        delivery=metrics,
    )


def reports_for(
    questions: list[Question], answers: list[Answer], source: Source = Source.OFFLINE
) -> ReportSet:
    score = CategoryScore(score=7.0, comment="clear", evidence="I profiled it")
    metrics = DeliveryMetrics(
        duration_s=30.0,
        word_count=70,
        words_per_minute=140.0,
        filler_count=2,
        fillers=[CountedTerm(term="um", count=2)],
    )
    return ReportSet(
        summary=SummaryReport(
            source=source,
            overall_score=72,
            selection_probability=64,
            selection_label=SelectionLabel.for_probability(64),
            snapshot="Solid answers with concrete numbers.",
            top_strengths=["quantified results"],
            top_improvements=["shorter openings"],
        ),
        performance=PerformanceReport(
            source=source,
            category_scores=CategoryScores(
                communication=score,
                technical_knowledge=score,
                problem_solving=score,
                cultural_fit=score,
                confidence_clarity=score,
            ),
            quantitative_analysis="7/10 on average",
            qualitative_analysis="good structure",
            cultural_fit="collaborative",
            final_remarks="ready for a technical round",
        ),
        questions=QuestionsReport(
            source=source,
            items=[
                QuestionFeedback(
                    question_id=q.id,
                    question=q.text,
                    answer_transcript=a.transcript,
                    score=7.5,
                    model_answer="A model answer.",
                    source=source,
                )
                for q, a in zip(questions, answers, strict=False)
            ],
        ),
        delivery=DeliveryReport(
            source=source,
            overall=metrics,
            per_answer=[AnswerDelivery(question_id=a.question_id, metrics=metrics) for a in answers],
            bands=[
                GuidanceBand(
                    metric="wpm",
                    low=120,
                    high=160,
                    unit="words/min",
                    note="conversational",
                    source="common presentation guidance",
                )
            ],
        ),
    )


def make_resume(store: SqliteStore, name: str = "cv.pdf") -> ResumeProfile:
    path = store.new_resume_path(name)
    data = b"%PDF-1.4 fake resume body " + name.encode()
    path.write_bytes(data)
    return ResumeProfile(
        source=Source.OFFLINE,
        file_sha256=hashlib.sha256(data).hexdigest(),
        original_name=name,
        stored_path=store.relative_path(path),
        text="Backend engineer, Python",
        name="A. Candidate",
        experience=[Experience(title="Engineer", organisation="Acme", period="2020-2024")],
        skills_technical=["python", "sql"],
    )


def make_analysis(resume: ResumeProfile) -> ResumeAnalysis:
    return ResumeAnalysis(
        source=Source.OFFLINE,
        resume_id=resume.id,
        job_title="Backend Engineer",
        suitability_score=70,
        deterministic_score=65,
        matched=[SkillMatch(skill="python", found_in=["skills"])],
        missing=[SkillMatch(skill="kubernetes")],
    )


def full_session(
    store: SqliteStore,
    *,
    questions: int = 3,
    answered: int = 3,
    with_reports: bool = True,
    with_resume: bool = False,
    is_demo: bool = False,
    job_title: str = "Backend Engineer",
    status: SessionStatus = SessionStatus.COMPLETED,
) -> InterviewSession:
    """A session built in memory with real WAV files on disk (not yet saved)."""
    resume = make_resume(store) if with_resume else None
    if resume is not None:
        store.save_resume(resume)
    config = InterviewConfig(
        job_title=job_title,
        job_description="Python, SQL, AWS",
        question_count=5,
        interview_type=InterviewType.TECHNICAL,
        resume_id=resume.id if resume else None,
    )
    session = InterviewSession(
        config=config, status=status, is_demo=is_demo, engine_notes=["offline engine used throughout"]
    )
    qs = questions_for(questions)
    if questions > 1:
        qs[1] = qs[1].model_copy(update={"kind": QuestionKind.FOLLOW_UP, "parent_id": qs[0].id})
    qs = [q.model_copy(update={"session_id": session.id}) for q in qs]
    answers = [
        answer_for(store, session.id, q, f"My answer number {i} mentions caching and indexes.")
        for i, q in enumerate(qs[:answered])
    ]
    answers = [a.model_copy(update={"session_id": session.id}) for a in answers]
    reports = reports_for(qs, answers) if with_reports else ReportSet()
    return session.model_copy(update={"questions": qs, "answers": answers, "reports": reports})
