"""`mockmate practise`, `mockmate plan` and `mockmate progress`: the coaching loop in the terminal.

The same `services.coaching.CoachingService` serves the window; this module only reads arguments and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import CliError, CommandContext, require_file

if TYPE_CHECKING:
    from ..domain.attempts import AttemptComparison
    from ..domain.practice_plan import PracticePlan
    from ..services.coaching import CoachingService, NewAttempt


def register(sub: Any) -> None:
    practise = sub.add_parser("practise", help="answer a question of an earlier interview again and compare")
    practise.add_argument("session", help="session id (or an unambiguous prefix of at least 8 characters)")
    practise.add_argument("question", help='the question as the report numbers it: "Q3" or "Q3 follow-up"')
    given = practise.add_mutually_exclusive_group(required=True)
    given.add_argument("--answer-file", type=Path, metavar="WAV", help="a recording of the new answer")
    given.add_argument("--typed", action="store_true", help="type the new answer on standard input")
    practise.add_argument("--json", action="store_true", help="print the attempt and comparison as JSON")
    practise.set_defaults(handler=run_practise)

    plan = sub.add_parser("plan", help="the practice plan of a finished interview, with drills ticked off")
    plan.add_argument("session", help="session id (or an unambiguous prefix of at least 8 characters)")
    plan.add_argument("--rebuild", action="store_true", help="build the drills again from the reports")
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(handler=run_plan)

    progress = sub.add_parser("progress", help="your scores and delivery across interviews")
    progress.add_argument("--role", help="only interviews for this job title")
    progress.add_argument("--type", choices=("technical", "behavioural", "overall"))
    progress.add_argument("--json", action="store_true")
    progress.set_defaults(handler=run_progress)


def _service(ctx: CommandContext) -> CoachingService:
    from ..services.coaching import coaching_service

    return coaching_service(ctx.app.store, ctx.app.settings)


def _session_id(ctx: CommandContext, given: str) -> Any:
    from ..cli.interview import _load_session

    if len(given.strip()) < 8:
        raise CliError("give at least 8 characters of the session id (see `mockmate sessions list`)")
    return _load_session(ctx, given)


def run_practise(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..services.coaching import CoachingError

    session = _session_id(ctx, args.session)
    service = _service(ctx)
    try:
        question = service.find_question(session, args.question)
        label = f"{args.question.strip().upper()}: {question.text}"
        new = _typed(label) if args.typed else _recorded(ctx, args.answer_file, session, question.id)
        result = service.practise(session.id, question.id, new)
    except CoachingError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        payload = {
            "attempt": result.attempt.model_dump(mode="json"),
            "comparison": result.comparison.model_dump(mode="json"),
            "score_delta": result.comparison.score_delta,
            "scored_by": result.attempt.scored_by,
            "seconds": round(result.seconds, 3),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(label)
    print(render_comparison(result.comparison))
    if result.attempt.scoring_note:
        print(result.attempt.scoring_note)
    print(
        f"Both answers scored by {result.attempt.scored_by} in {result.seconds:.2f} s; "
        f"attempt {result.attempt.id} kept."
    )
    return 0


def _typed(label: str) -> NewAttempt:
    from ..domain.enums import AnswerMode
    from ..services.coaching import NewAttempt

    if sys.stdin.isatty():
        print(f"{label}\nType your answer, then Ctrl+D on a new line:", file=sys.stderr)
    return NewAttempt(mode=AnswerMode.TYPED, transcript=sys.stdin.read(200_000))


def _recorded(ctx: CommandContext, wav: Path, session: Any, question_id: Any) -> NewAttempt:
    from ..services.coaching import attempt_from_recording
    from ..speech.factory import make_transcriber
    from ..speech.protocols import SpeechUnavailableError
    from ..speech.wavio import WavFormatError, read_wav_16k_mono, write_wav

    require_file(wav)
    store = ctx.app.store
    kept = store.new_audio_path(session.id, question_id)
    try:
        # The attempt keeps its own copy in the data folder, like an interview answer.
        write_wav(kept, read_wav_16k_mono(wav))
        transcriber = make_transcriber(ctx.app, None)
        return attempt_from_recording(transcriber, kept, store.relative_path(kept), session.config.language.value)
    except (WavFormatError, SpeechUnavailableError) as exc:
        kept.unlink(missing_ok=True)
        raise CliError(str(exc)) from exc


def render_comparison(c: AttemptComparison) -> str:
    sign = "+" if c.score_delta >= 0 else ""
    lines = [f"Score {c.score_before:.1f} -> {c.score_after:.1f} /10 ({sign}{c.score_delta:.1f})"]
    for title, items in (
        ("Now covered", c.now_covered),
        ("Still missing", c.still_missing),
        ("No longer covered", c.no_longer_covered),
    ):
        if items:
            lines.append(f"{title}:")
            lines += [f"  - {item}" for item in items]
    if c.star_gained or c.star_lost:
        lines.append(f"STAR: gained {', '.join(c.star_gained) or 'none'}; lost {', '.join(c.star_lost) or 'none'}")
    for change in c.delivery:
        lines.append(f"{change.metric.replace('_', ' ')}: {change.before:.1f} -> {change.after:.1f} {change.unit}")
    diff = " ".join(
        run.text if run.kind == "same" else f"[{'+' if run.kind == 'added' else '-'}{run.text}]" for run in c.word_diff
    )
    lines.append(f"Changes: {diff}")
    return "\n".join(lines)


def run_plan(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..services.coaching import CoachingError

    session = _session_id(ctx, args.session)
    try:
        plan = _service(ctx).plan(session.id, rebuild=args.rebuild)
    except CoachingError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print(plan.model_dump_json(indent=2))
        return 0
    print(render_plan(plan))
    return 0


def render_plan(plan: PracticePlan) -> str:
    done = sum(d.done for d in plan.drills)
    lines = [f"Practice plan: {done} of {len(plan.drills)} drills done"]
    for index, drill in enumerate(plan.drills, start=1):
        lines.append(f"{index}. [{'x' if drill.done else ' '}] {drill.title}  ({', '.join(drill.question_refs)})")
        lines.append(f"   why: {drill.reason}")
        lines += [f"   cover: {point}" for point in drill.points]
        if drill.delivery_target is not None:
            lines.append(f"   delivery: {drill.delivery_target.label} (was {drill.delivery_target.measured:.1f})")
        if drill.done:
            lines.append(f"   done: {drill.done_evidence}")
    lines.append("Re-answer with `mockmate practise SESSION Q#`; drills tick off from measured results.")
    return "\n".join(lines)


def run_progress(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..domain.enums import InterviewType
    from ..domain.progress import metric_names, trend

    points = _service(ctx).progress(
        role=args.role, interview_type=InterviewType(args.type) if args.type else None
    )
    if args.json:
        print(json.dumps([p.model_dump(mode="json") for p in points], ensure_ascii=False, indent=2))
        return 0
    if not points:
        print("No finished interviews yet: finish one to start tracking your progress.")
        return 0
    print(f"{len(points)} interview(s), {points[0].when:%Y-%m-%d} to {points[-1].when:%Y-%m-%d}")
    for metric in metric_names(points):
        lower = metric in ("fillers_per_100_words", "time_to_first_word_s")
        moved = trend(points, metric, higher_is_better=not lower)
        if moved is None:
            continue
        print(f"  {metric.replace('_', ' '):32} first {moved.first:6.1f}  last {moved.last:6.1f}  "
              f"change {moved.change:+6.1f}  best {moved.best:6.1f}")  # fmt: skip
    return 0
