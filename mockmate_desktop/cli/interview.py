"""`mockmate interview`: a whole interview in the terminal, answers from WAV files, the microphone or typing.

Prints the session id first, then each question and answer; stores everything as it goes; writes the report
JSON with --json-out. Ctrl-C leaves the session resumable: `mockmate interview --continue ID`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from pydantic import ValidationError

from ..domain.config import MAX_QUESTIONS, MIN_QUESTIONS, InterviewConfig
from ..domain.enums import AnswerMode, Difficulty, EngineChoice, InterviewType, Language, SessionStatus
from ..domain.messages import friendly_message
from .common import CliError, CommandContext, kept_session_message, read_job_description

if TYPE_CHECKING:
    from ..domain.interview import Answer, InterviewSession, Question
    from ..domain.resume import ResumeProfile
    from ..services.answer_sources import AnswerSource


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("interview", help="run a whole interview in the terminal")
    p.add_argument("--job-title", help="the role you are practising for")
    p.add_argument("--jd-file", type=Path, help="a text file with the job description")
    p.add_argument("--resume", type=Path, metavar="PDF", help="your resume (PDF) to fit the questions to")
    p.add_argument("--type", dest="itype", choices=[t.value for t in InterviewType], default="overall")
    p.add_argument("--difficulty", choices=[d.value for d in Difficulty], default="intermediate")
    p.add_argument(
        "--questions", type=int, default=5, help=f"main questions, {MIN_QUESTIONS}-{MAX_QUESTIONS}"
    )
    p.add_argument("--language", choices=[lang.value for lang in Language], default="en")
    p.add_argument("--engine", choices=[e.value for e in EngineChoice], default="auto")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--answers-dir", type=Path, help="answer_01.wav, answer_02.wav ... in order")
    source.add_argument("--mic", action="store_true", help="answer with the microphone")
    source.add_argument("--typed", action="store_true", help="type the answers on standard input")
    p.add_argument("--no-tts", action="store_true", help="do not read the questions aloud")
    p.add_argument("--json-out", type=Path, metavar="FILE", help="write the report JSON here")
    p.add_argument("--continue", dest="continue_id", metavar="ID", help="continue an interrupted session")
    p.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)  # marks the session as demo content
    p.set_defaults(handler=run)


def _config(args: argparse.Namespace) -> InterviewConfig:
    if not args.job_title:
        raise CliError("--job-title is required (or --continue ID to continue a session)")
    jd = "" if args.jd_file is None else read_job_description(args.jd_file)  # budgeted: /dev/zero stops
    try:
        return InterviewConfig(
            job_title=args.job_title,
            job_description=jd,
            interview_type=InterviewType(args.itype),
            difficulty=Difficulty(args.difficulty),
            question_count=args.questions,
            language=Language(args.language),
            answer_mode=AnswerMode.TYPED if args.typed else AnswerMode.VOICE,
            engine=EngineChoice(args.engine),
        )
    except ValidationError as exc:
        raise CliError(friendly_message(exc)) from exc


def _resume_profile(ctx: CommandContext, path: Path | None, engine: EngineChoice) -> ResumeProfile | None:
    """The resume read by the resume layer (stored once per distinct file), to fit the questions to."""
    if path is None:
        return None
    from ..engine.protocols import EngineError
    from ..resume.errors import ResumeError
    from ..resume.intake import ResumeIntake

    try:
        result = ResumeIntake(ctx.app.store, ctx.app.settings).ingest_file(path, engine=engine)
    except ResumeError as exc:
        raise CliError(f"the resume {path.name} could not be used: {exc.message}") from exc
    except EngineError as exc:
        raise CliError(f"the resume {path.name} could not be read: {exc}") from exc
    for warning in result.warnings:
        print(f"  resume: {warning}", file=sys.stderr)
    return result.profile


def _answer_source(args: argparse.Namespace, ctx: CommandContext, language: Language) -> AnswerSource:
    from ..services.answer_sources import AnswerSourceError, MicrophoneAnswers, TypedAnswers, WavDirAnswers

    if args.typed:
        return TypedAnswers()
    if not (args.answers_dir or args.mic):
        raise CliError("choose where the answers come from: --answers-dir DIR, --mic or --typed")
    from ..speech.factory import make_transcriber

    transcriber = make_transcriber(ctx.app)
    if transcriber.model_name.endswith(".en") and language is not Language.EN:
        raise CliError(
            f"the Whisper model {transcriber.model_name} is English only; set MOCKMATE_WHISPER_MODEL=base for "
            f"{language.display_name}"
        )
    try:
        if args.answers_dir:
            return WavDirAnswers(args.answers_dir, transcriber)
        return MicrophoneAnswers(transcriber, ctx.app.settings)
    except AnswerSourceError as exc:
        raise CliError(str(exc)) from exc


def _print_question(number: int, question: Question) -> None:
    tag = "  follow-up" if question.parent_id else f"Q{number}"
    print(f"\n{tag}: {question.text}  [{question.source.value}]", flush=True)


def _print_answer(question: Question, answer: Answer, origin: str) -> None:
    if answer.skipped:
        print("  (skipped: no answer left)", flush=True)
        return
    where = f" ({origin})" if origin else ""
    print(f"  answer{where}: {answer.transcript or '(nothing heard)'}", flush=True)


def _load_session(ctx: CommandContext, text: str) -> InterviewSession:
    from ..storage.protocols import StoreError

    try:
        session_id = UUID(text)
    except ValueError:
        found = ctx.app.store.find_session_ids(text.strip().lower())
        if len(found) != 1:
            raise CliError(f"no single session id starts with {text!r}") from None
        session_id = found[0]
    try:
        return ctx.app.store.get_session(session_id)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..engine.factory import build_engine, resolve_choice
    from ..engine.protocols import EngineError
    from ..services.answer_sources import AnswerSourceError
    from ..services.interview_runner import InterviewRunner, RunnerEvents
    from ..services.report_export import report_json
    from ..speech.protocols import SpeechUnavailableError
    from ..storage.protocols import StoreError

    app = ctx.app
    if args.continue_id:
        session = _load_session(ctx, args.continue_id)
        if session.status is SessionStatus.COMPLETED:
            raise CliError(f"session {session.id} is already completed; see `mockmate report {session.id}`")
        config = session.config
    else:
        config = _config(args)
    resume = _resume_profile(ctx, args.resume, config.engine)
    if resume is None and config.resume_id is not None:
        from ..storage.protocols import StoreError

        try:  # a continued session keeps the resume it started with
            resume = app.store.get_resume(config.resume_id)
        except StoreError:
            resume = None
    if resume is not None:
        config = config.model_copy(update={"resume_id": resume.id})
    choice = EngineChoice(args.engine) if not args.continue_id else config.engine
    try:
        engine = build_engine(choice, app)
    except EngineError as exc:
        raise CliError(str(exc)) from exc
    answers = _answer_source(args, ctx, config.language)
    speaker = None
    if not args.no_tts:
        from ..services.speaker import QuestionSpeaker

        speaker = QuestionSpeaker(app)
    runner = InterviewRunner(
        app.store,
        engine,
        answers,
        speaker=speaker,
        events=RunnerEvents(
            on_question=_print_question,
            on_answer=_print_answer,
            on_note=lambda note: print(f"  note: {note}", file=sys.stderr, flush=True),
            on_report=lambda kind, report: print(
                f"  {kind} report stored ({report.source.value})", flush=True
            ),
        ),
    )
    if not args.continue_id:
        session = runner.create(config, is_demo=args.demo)
    print(f"Session {session.id}{'  DEMO' if session.is_demo else ''}", flush=True)
    print(f"Engine: {engine.source.label} ({engine.model_name}); answers: {answers.description}", flush=True)
    try:
        result = runner.run(session, resume)
    except KeyboardInterrupt:
        print(
            f"\nInterrupted. Everything so far is stored; continue with: mockmate interview --continue {session.id}",
            file=sys.stderr,
        )
        return 130
    except (EngineError, AnswerSourceError, SpeechUnavailableError, StoreError, OSError) as exc:
        raise CliError(kept_session_message(exc, session.id)) from exc
    finally:
        if speaker is not None:
            speaker.close()
    stored = app.store.get_session(session.id)
    engine_info = {
        "choice": choice.value,
        "resolved": resolve_choice(choice, app).value,
        "source": engine.source.value,
        "model_name": engine.model_name,
    }
    if args.json_out:
        from ..core.files import atomic_write_text

        try:
            atomic_write_text(args.json_out, report_json(stored, engine_info))
        except OSError as exc:
            raise CliError(f"cannot write {args.json_out}: {exc.strerror or exc}") from exc
        print(f"Report JSON: {args.json_out}")
    summary = stored.reports.summary
    if summary is not None:
        print(f"\nOverall {summary.overall_score}/100 ({summary.source.label}); {summary.snapshot}")
    if not result.completed:
        print(
            f"Session {stored.id} is not complete; continue with `mockmate interview --continue {stored.id}`."
        )
        return 1
    print(
        f"Done. Session {stored.id}{'  DEMO' if stored.is_demo else ''}. See `mockmate report {stored.id}`."
    )
    return 0
