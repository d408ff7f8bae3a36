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
    from ..domain.interview import Answer, InterviewSession
    from ..domain.resume import ResumeProfile
    from ..services.answer_sources import AnswerSource
    from ..services.orchestrator import InterviewOrchestrator, Prompt


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
    p.add_argument(
        "--engine",
        choices=[e.value for e in EngineChoice],
        default=None,
        help="auto (default), gemini, offline or replay; with --continue it replaces the session's engine",
    )
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
            engine=EngineChoice(args.engine or "auto"),
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


def _print_question(prompt: Prompt) -> None:
    tag = "  follow-up" if prompt.follow_up else f"Q{prompt.number}"
    print(f"\n{tag}: {prompt.question.text}  [{prompt.question.source.value}]", flush=True)


def _print_answer(answer: Answer) -> None:
    if answer.skipped:
        print("  (skipped: no answer left)", flush=True)
        return
    where = f" ({answer.input_ref})" if answer.input_ref else ""
    print(f"  answer{where}: {answer.transcript or '(nothing heard)'}", flush=True)


def _print_note(note: str) -> None:
    print(f"  note: {note}", file=sys.stderr, flush=True)


def _load_session(ctx: CommandContext, text: str) -> InterviewSession:
    from ..storage.errors import StoreError

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


def _interview(
    args: argparse.Namespace, ctx: CommandContext, answers: AnswerSource | None
) -> tuple[InterviewOrchestrator, EngineChoice]:
    """A new interview planned and stored, or the stored one to continue (with `--engine` honoured)."""
    from ..engine.factory import build_engine
    from ..engine.protocols import EngineError
    from ..services.orchestrator import InterviewOrchestrator

    app = ctx.app
    if args.continue_id:
        session = _load_session(ctx, args.continue_id)
        if session.status is SessionStatus.COMPLETED and session.reports.complete:
            raise CliError(f"session {session.id} is already completed; see `mockmate report {session.id}`")
        if not session.questions:
            raise CliError(
                f"session {session.id} has no questions (its planning failed); start a new interview"
            )
        choice = EngineChoice(args.engine) if args.engine else session.config.engine
        if choice is not session.config.engine:
            session.config = session.config.model_copy(update={"engine": choice})
            app.store.save_session(session)
        try:
            engine = build_engine(choice, app.settings, app.paths.gemini_cache_dir, records=app.store)
        except EngineError as exc:
            raise CliError(str(exc)) from exc
        recover = getattr(answers, "recover", None)
        interview, tidied = InterviewOrchestrator.open(app.store, engine, session.id, recover=recover)
        for item in tidied:
            what = "re-attached" if item.reattached else "removed"
            _print_note(f"a recording left by the interruption was {what}: {item.path.name}")
        return interview, choice
    config = _config(args)
    resume = _resume_profile(ctx, args.resume, config.engine)
    if resume is not None:
        config = config.model_copy(update={"resume_id": resume.id})
    try:
        engine = build_engine(config.engine, app.settings, app.paths.gemini_cache_dir, records=app.store)
        interview = InterviewOrchestrator.start(app.store, engine, config, resume, is_demo=args.demo)
    except EngineError as exc:
        raise CliError(f"the interview could not be planned, nothing was stored: {exc}") from exc
    for note in interview.session.engine_notes:
        _print_note(note)
    return interview, config.engine


def _ask_all(interview: InterviewOrchestrator, answers: AnswerSource, speaker: Any) -> None:
    """The terminal loop: the orchestrator says what to ask, the source answers, the orchestrator stores."""
    language = interview.session.config.language
    exhausted = False
    while (prompt := interview.next_prompt()) is not None:
        _print_question(prompt)
        captured = None
        if not exhausted:
            if speaker is not None:
                try:
                    speaker.say(prompt.question.text, language)
                except Exception as exc:  # speech output is a convenience; the interview goes on without it
                    if interview.add_note(f"Questions not read aloud: {exc}"):
                        _print_note(f"Questions not read aloud: {exc}")
            captured = answers.next_answer(prompt.question, interview.audio_path(prompt.question), language)
        if captured is None:
            if not exhausted:
                exhausted = True
                note = (
                    f"No answer left in {answers.description} from question {prompt.number} on: the remaining "
                    "questions are recorded as skipped."
                )
                if interview.add_note(note):
                    _print_note(note)
            submitted = interview.skip(prompt.question.id, mode=interview.session.config.answer_mode)
        else:
            submitted = interview.submit(prompt.question.id, captured)
        _print_answer(submitted.answer)
        for note in submitted.notes:
            _print_note(note)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..engine.protocols import EngineError
    from ..services.answer_sources import AnswerSourceError
    from ..services.report_export import engine_info, report_json
    from ..speech.protocols import SpeechUnavailableError
    from ..storage.errors import StoreError

    app = ctx.app
    if args.continue_id:
        language = _load_session(ctx, args.continue_id).config.language
    else:
        language = _config(args).language
    answers = _answer_source(args, ctx, language)
    from ..services.recordings import close_unplanned, sweep_recordings

    close_unplanned(app.store)
    sweep_recordings(app.store)
    interview, choice = _interview(args, ctx, answers)
    session_id = interview.session_id
    skip = getattr(answers, "skip_used", None)
    if skip is not None:
        skip(interview.used_inputs())
    speaker = None
    if not args.no_tts:
        from ..services.speaker import QuestionSpeaker

        speaker = QuestionSpeaker(app.settings, app.paths.tts_cache_dir)
    interview.on_report = lambda kind, report: print(
        f"  {kind} report stored ({report.source.value})", flush=True
    )
    engine = interview.engine
    print(f"Session {session_id}{'  DEMO' if interview.session.is_demo else ''}", flush=True)
    print(f"Engine: {engine.source.label} ({engine.model_name}); answers: {answers.description}", flush=True)
    try:
        _ask_all(interview, answers, speaker)
        finished = interview.finish()
    except KeyboardInterrupt:
        print(
            f"\nInterrupted. Everything so far is stored; continue with: mockmate interview --continue {session_id}",
            file=sys.stderr,
        )
        return 130
    except (EngineError, AnswerSourceError, SpeechUnavailableError, StoreError, OSError) as exc:
        raise CliError(kept_session_message(exc, session_id)) from exc
    finally:
        if speaker is not None:
            speaker.close()
    for note in finished.notes:
        _print_note(note)
    stored = finished.session
    if args.json_out:
        from ..core.files import atomic_write_text

        try:
            atomic_write_text(args.json_out, report_json(stored, engine_info(stored, choice, app.settings)))
        except OSError as exc:
            raise CliError(f"cannot write {args.json_out}: {exc.strerror or exc}") from exc
        print(f"Report JSON: {args.json_out}")
    summary = stored.reports.summary
    if summary is not None:
        print(f"\nOverall {summary.overall_score}/100 ({summary.source.label}); {summary.snapshot}")
    if not finished.completed:
        print(
            f"Session {stored.id} is not complete; continue with `mockmate interview --continue {stored.id}`."
        )
        return 1
    print(
        f"Done. Session {stored.id}{'  DEMO' if stored.is_demo else ''}. See `mockmate report {stored.id}`."
    )
    return 0
