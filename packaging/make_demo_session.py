"""Builds the shipped demo session (assets/demo/demo-session.zip) with the app's own pipeline.

    .venv/bin/python packaging/make_demo_session.py [--whisper base|tiny.en] [--out assets/demo]

What a good interview looks like, made end to end by MockMate itself:
1. The offline engine plans a "Python Developer" interview (overall, intermediate, 5 questions). Whatever it
   asks is answered (demo_answers.py): the answer written for that question, else the closest written one by
   meaning or competency, else a generic on-topic answer (listed at the end, to be written properly).
2. Each answer is spoken by espeak-ng through the app's own text-to-speech (at a calmer pace than the
   interviewer's), then goes through the live speech pipeline exactly as a microphone recording
   does: Silero VAD, Whisper (`base` by default) with word timings, delivery metrics.
3. The offline engine asks its follow-ups (answered from the chosen script by the STAR part asked), scores, and writes the three reports
   plus the delivery report. The session is marked is_demo, exported with storage/archive.py (recordings
   included), and its Markdown report is written beside it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from demo_answers import AnswerPicker, Choice, follow_up_answer  # noqa: E402 (needs the path above)

JOB_TITLE = "Python Developer"
JD = (
    "Software engineer for our customer support platform. You will build and run Python services on "
    "PostgreSQL, improve performance and reliability, take part in on-call for production incidents, and work "
    "closely with support and product managers."
)
CANDIDATE_VOICE = "gmw/en-us"  # Whisper misheard the British voice far more often ("bedline", "I won")
CANDIDATE_WPM = 135  # espeak speaks faster than asked: this comes out near 150 words a minute


def _similarity() -> Any:
    """The app's own sentence model for "closest meaning", or None when it cannot run here."""
    from mockmate_desktop.engine.semantic.loader import shared_loader

    embedder = shared_loader().get()
    if embedder is None:
        return None

    def similarity(question: str, openings: Any) -> list[float]:
        asked, *scripts = embedder.embed([question, *openings], query=True)
        return [sum(x * y for x, y in zip(asked, other, strict=True)) for other in scripts]

    return similarity


class SpokenScriptAnswers:
    """Answers each question by speaking its written answer with espeak-ng (the app's TTS) and passing the
    recording through the same live pipeline as a microphone answer (WavDirAnswers)."""

    def __init__(self, app: Any, transcriber: Any, work: Path) -> None:
        from mockmate_desktop.speech.tts import Pyttsx3Synthesizer

        settings = app.settings.model_copy(update={"tts_voice_en": CANDIDATE_VOICE, "tts_rate_wpm": CANDIDATE_WPM})
        self.tts = Pyttsx3Synthesizer(settings, work / "tts")
        self.transcriber = transcriber
        self.work = work
        self.description = "answers written for the demo, spoken by espeak-ng"
        self.count = 0
        self.vocabulary: Any = None  # the interview's words for Whisper, as for any spoken source
        self.picker = AnswerPicker(_similarity())
        self._chosen: dict[Any, Choice] = {}  # main question id -> its answer, for its follow-ups
        self.generic: list[str] = []  # questions answered by the generic fallback (write real answers)

    def next_answer(self, question: Any, audio_path: Path, language: Any) -> Any:
        from mockmate_desktop.domain.enums import QuestionKind
        from mockmate_desktop.services.answer_sources import WavDirAnswers

        if question.kind is QuestionKind.FOLLOW_UP:
            parent = self._chosen.get(question.parent_id)
            script = follow_up_answer(question.text, parent.script if parent is not None else None)
        else:
            choice = self.picker.choose(question.text, question.competency, question.expected_points)
            self._chosen[question.id] = choice
            script = choice.answer
            print(f"   answer: {choice.how}" + (f" ({choice.script.opening}...)" if choice.script else ""))
            if choice.script is None:
                self.generic.append(question.text)
        self.count += 1
        folder = self.work / f"answer-{self.count:02d}"
        folder.mkdir(parents=True)
        self.tts.synthesize(script, "en", folder / "answer_01.wav")
        source = WavDirAnswers(folder, self.transcriber)
        source.vocabulary = self.vocabulary
        return source.next_answer(question, audio_path, language)

    def close(self) -> None:
        self.tts.close()


def build(whisper: str, out: Path, work: Path) -> int:
    os.environ["MOCKMATE_HOME"] = str(work / "home")
    os.environ["MOCKMATE_WHISPER_MODEL"] = whisper
    os.environ.pop("GEMINI_API_KEY", None)
    from mockmate_desktop.app import AppContext
    from mockmate_desktop.domain.config import InterviewConfig
    from mockmate_desktop.domain.enums import Difficulty, EngineChoice, InterviewType, Language
    from mockmate_desktop.domain.report_text import render_markdown
    from mockmate_desktop.engine.factory import build_engine
    from mockmate_desktop.services import answer_sources
    from mockmate_desktop.services.orchestrator import InterviewOrchestrator
    from mockmate_desktop.speech.factory import make_transcriber
    from mockmate_desktop.storage.archive import export_session

    # A build machine may be busy: allow a one-minute answer as long as it takes rather than the app's bound.
    answer_sources.FILE_WAIT_S = 1800.0
    app = AppContext.create()
    config = InterviewConfig(
        job_title=JOB_TITLE,
        job_description=JD,
        interview_type=InterviewType.OVERALL,
        difficulty=Difficulty.INTERMEDIATE,
        question_count=5,
        language=Language.EN,
        engine=EngineChoice.OFFLINE,
    )
    answers = SpokenScriptAnswers(app, make_transcriber(app), work)
    engine = build_engine(EngineChoice.OFFLINE, app.settings, app.paths.gemini_cache_dir, records=app.store)
    # The same orchestrator the terminal and the window drive: ask, answer by voice, finish with reports.
    interview = InterviewOrchestrator.start(app.store, engine, config, is_demo=True)
    answers.vocabulary = interview.vocabulary()
    try:
        while (prompt := interview.next_prompt()) is not None:
            print(f"Q{prompt.number} [{prompt.question.kind.value}] {prompt.question.text}", flush=True)
            captured = answers.next_answer(prompt.question, interview.audio_path(prompt.question), Language.EN)
            if captured is None:
                print("no answer was captured", file=sys.stderr)
                return 1
            submitted = interview.submit(prompt.question.id, captured)
            print(f"   -> {submitted.answer.transcript[:100]}...", flush=True)
        result = interview.finish()
    finally:
        answers.close()
    session = result.session
    stored = app.store.get_session(session.id)
    if not (result.completed and stored.is_demo and stored.reports.complete):
        print("the interview did not produce a complete demo session", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    target = out / "demo-session.zip"
    target.unlink(missing_ok=True)
    export_session(app.store, stored.id, target)
    (out / "demo-report.md").write_text(render_markdown(stored), encoding="utf-8")
    summary = stored.reports.summary
    assert summary is not None
    print(
        f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB), session {stored.id}: "
        f"{summary.overall_score}/100, selection {summary.selection_probability} %"
    )
    if answers.generic:
        print("generic answers (write real ones in packaging/demo_answers.py):", *answers.generic, sep="\n  ")
    app.store.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--whisper", default="base", choices=["base", "tiny.en"])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "demo")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mockmate-demo-") as scratch:
        return build(args.whisper, args.out, Path(scratch))


if __name__ == "__main__":
    raise SystemExit(main())
