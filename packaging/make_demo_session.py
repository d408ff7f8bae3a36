"""Builds the shipped demo session (assets/demo/demo-session.zip) with the app's own pipeline.

    .venv/bin/python packaging/make_demo_session.py [--whisper base|tiny.en] [--out assets/demo]

What a good interview looks like, made end to end by MockMate itself:
1. The offline engine plans a "Python Developer" interview (overall, intermediate, 5 questions); the plan is
   deterministic for a configuration, so each planned question has a written answer below (ANSWERS, keyed by
   the question's opening words). An answer that the bank no longer plans stops the build with the questions
   to write answers for.
2. Each answer is spoken by espeak-ng through the app's own text-to-speech (at a calmer pace than the
   interviewer's), then goes through the live speech pipeline exactly as a microphone recording
   does: Silero VAD, Whisper (`base` by default) with word timings, delivery metrics.
3. The offline engine asks its follow-ups (answered from FOLLOW_UPS), scores, and writes the three reports
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

JOB_TITLE = "Python Developer"
JD = (
    "Software engineer for our customer support platform. You will build and run Python services on "
    "PostgreSQL, improve performance and reliability, take part in on-call for production incidents, and work "
    "closely with support and product managers."
)
CANDIDATE_VOICE = "gmw/en-us"  # Whisper misheard the British voice far more often ("bedline", "I won")
CANDIDATE_WPM = 135  # espeak speaks faster than asked: this comes out near 150 words a minute

ANSWERS = {
    "Imagine your manager asks for an urgent task": (
        "In my last job I was two days from a deadline on our monthly invoice report when my manager asked me "
        "to fix an urgent login failure for support agents. First I made the conflict visible right away. "
        "I told her the facts: the login fix would take a day and blocked "
        "forty agents, while the report could wait a day. Then I proposed two options and asked her to decide "
        "the priority. We chose the login, and I told the finance team, the people affected, in Jira and Slack "
        "that afternoon. The result: the fix shipped that evening, and the report arrived one day late."
    ),
    "How do you write a good user story": (
        "I use the who, what and why format. For example: as a support agent, I want to see the customer's "
        "last five tickets on the call screen, so that I do not ask them to repeat themselves. Then I keep the "
        "story small and testable, because a small story can be finished in a few days. The acceptance "
        "criteria use given, when, then: given a customer with tickets, when the agent opens the call, then "
        "the newest tickets show within one second. I write it with design and engineering in Jira, so edge "
        "cases are agreed first."
    ),
    "Tell me about a time you worked with another team": (
        "In my last job our team needed live order status on the support platform, and only the delivery "
        "team's service had it. My task was to put that status on the agents' screen. First I set up a shared "
        "goal with their lead, then we mapped the dependencies and aligned priorities on a small REST API "
        "contract, so both parts landed in the same sprint. We kept a short call twice a week, you know. "
        "As a result we shipped in five weeks, and the average call time fell by thirty seconds."
    ),
    "Tell me about the hardest bug you have fixed": (
        "In my last job, a Python worker that processed support emails had a memory leak. It was killed every "
        "few hours, and two hundred emails were delayed each time. My task was to find the cause. First I "
        "compared memory snapshots from tracemalloc taken one hour apart. The growth was in a cache of "
        "templates keyed by the whole email, because of one wrong line. Then I fixed the key, limited the cache "
        "size, and wrote a pytest test that checks memory stays flat over ten thousand emails. As a result, "
        "the worker has run without a restart since."
    ),
    "Tell me about a time you stayed motivated": (
        "In my last role we had to migrate three hundred old support macros to a new format, which was slow, "
        "repetitive work. First I split it into weekly milestones of fifty macros with a progress chart the "
        "team could see, because visible progress keeps me going. I kept the purpose in mind: agents were "
        "losing time with broken macros. Then I wrote a small Python script for the simple cases, and an agent "
        "checked every macro to keep quality high. The result: we finished in six weeks instead of ten."
    ),
}
# Follow-up answers, keyed by the opening words of the main question they follow, then by what the follow-up
# asks for: the STAR part it names ("You did not describe the actions ..."), else "detail". Short, because
# every second of audio ships in the archive.
FOLLOW_UPS: dict[str, dict[str, str]] = {
    "Imagine your manager asks for an urgent task": {
        "action": "I wrote down both tasks with effort and impact, I called my manager, and I messaged the "
        "finance team myself with the new date.",
        "result": "The login fix shipped that evening and forty agents could work again. I learned to raise a "
        "conflict on the day it appears.",
        "detail": "I keep a short list of options ready, so the decision takes minutes, not days.",
    },
    "How do you write a good user story": {
        "detail": "Because the criteria were testable, our tester automated them on the first day, and the "
        "story was done in three days with no rework.",
    },
    "Tell me about a time you worked with another team": {
        "action": "I wrote the first draft of the API contract, I ran the twice weekly call, and I tested our "
        "screen against their staging service every day.",
        "result": "We shipped in five weeks and calls got thirty seconds shorter. I learned to agree the "
        "contract first.",
        "detail": "We reused the same contract-first approach for refunds later, in half the time.",
    },
    "Tell me about the hardest bug you have fixed": {
        "action": "I took the snapshots, I read the diff of allocations, and I wrote the fix and the test "
        "myself.",
        "result": "No restarts and no delayed emails for six months. I learned to measure memory before "
        "guessing.",
        "detail": "The test now runs in our CI on every change, with an alert when memory grows fast.",
    },
    "Tell me about a time you stayed motivated": {
        "action": "I planned the milestones, I wrote the conversion script, and I reviewed the hard macros "
        "myself.",
        "result": "We finished in six weeks instead of ten, and two other teams now use the script. I learned "
        "to automate early.",
        "detail": "I kept each week's goal small, so there was always a finish line in sight.",
    },
}
_STAR_WORDS = {"situation": "situation", "task": "task", "action": "action", "result": "result"}


def follow_up_answer(question_text: str, parent_text: str) -> str | None:
    key = _key_for(parent_text, FOLLOW_UPS)
    if key is None:
        return None
    answers = FOLLOW_UPS[key]
    asked = question_text.lower()
    wanted = [part for part, word in _STAR_WORDS.items() if word in asked and part in answers]
    return answers[wanted[0]] if wanted else answers["detail"]


class MissingAnswerError(Exception):
    """The engine planned a question this script has no answer for; the message lists it."""


def _key_for(text: str, table: dict[str, Any]) -> str | None:
    return next((key for key in table if text.startswith(key)), None)


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
        self._main_text: dict[Any, str] = {}

    def next_answer(self, question: Any, audio_path: Path, language: Any) -> Any:
        from mockmate_desktop.domain.enums import QuestionKind
        from mockmate_desktop.services.answer_sources import WavDirAnswers

        if question.kind is QuestionKind.FOLLOW_UP:
            script = follow_up_answer(question.text, self._main_text.get(question.parent_id, ""))
        else:
            self._main_text[question.id] = question.text
            key = _key_for(question.text, ANSWERS)
            script = ANSWERS[key] if key else None
        if script is None:
            raise MissingAnswerError(f"no written answer for: {question.text!r} (add one to ANSWERS/FOLLOW_UPS)")
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
    app.store.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--whisper", default="base", choices=["base", "tiny.en"])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "demo")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mockmate-demo-") as scratch:
        try:
            return build(args.whisper, args.out, Path(scratch))
        except MissingAnswerError as exc:
            print(exc, file=sys.stderr)
            return 1


if __name__ == "__main__":
    raise SystemExit(main())
