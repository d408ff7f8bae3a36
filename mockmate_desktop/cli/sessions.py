"""`mockmate sessions list|show|delete|export|import`: the sessions in the local store.

A session is named by its id or by an unambiguous prefix of at least 8 characters (as `list` shows).
Exit codes: 0 ok, 2 usage error (bad id form), 1 failure with a one-line reason.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

from ..core.safe_text import terminal_safe
from ..domain.enums import Source
from ..domain.interview import InterviewSession
from ..storage.errors import StoreError
from .common import CliError, CommandContext, UsageError

MIN_PREFIX = 8


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "sessions", help="list, show, delete, export, import sessions"
    )
    actions = parser.add_subparsers(dest="sessions_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="all sessions, newest first")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    show = actions.add_parser("show", help="one session with its questions, answers and reports")
    show.add_argument("id", help=f"session id or a prefix of at least {MIN_PREFIX} characters")
    show.add_argument("--json", action="store_true", help="print the whole session as JSON")
    delete = actions.add_parser("delete", help="delete a session and its recordings")
    delete.add_argument("id")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    export = actions.add_parser("export", help="write a session, its recordings and resume to one zip")
    export.add_argument("id")
    export.add_argument("file", type=Path)
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    imp = actions.add_parser("import", help="add a session from a zip made by `export`")
    imp.add_argument("file", type=Path)
    imp.add_argument("--replace", action="store_true", help="replace the session if it is already here")
    actions.add_parser(
        "recover", help="after the database vanished: keep orphaned recordings aside, start a new database"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    handlers = {
        "list": _list,
        "show": _show,
        "delete": _delete,
        "export": _export,
        "import": _import,
        "recover": _recover,
    }
    try:
        handlers[args.sessions_action](args, ctx)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    return 0


def resolve_id(ctx: CommandContext, text: str) -> UUID:
    text = text.strip().lower()
    try:
        return UUID(text)
    except ValueError:
        pass
    if len(text) < MIN_PREFIX:
        raise UsageError(
            f"give at least {MIN_PREFIX} characters of the session id (see `mockmate sessions list`)"
        )
    found = ctx.app.store.find_session_ids(text)
    if not found:
        raise CliError(f"no session id starts with {text!r} (see `mockmate sessions list`)")
    if len(found) > 1:
        raise CliError(f"{len(found)} sessions start with {text!r}; give more characters of the id")
    return found[0]


def _badge(session: InterviewSession) -> str:
    names = {Source.GEMINI: "gemini", Source.OFFLINE: "offline", Source.CACHED: "cached"}
    sources = sorted(names[s] for s in session.sources)
    return "+".join(sources) if sources else "-"


def _when(session: InterviewSession) -> str:
    moment = session.started_at or session.created_at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _summary(session: InterviewSession) -> dict[str, Any]:
    return {
        "id": str(session.id),
        "date": (session.started_at or session.created_at).isoformat(),
        "job_title": session.config.job_title,
        "interview_type": session.config.interview_type.value,
        "score": session.overall_score,
        "sources": sorted(s.value for s in session.sources),
        "status": session.status.value,
        "is_demo": session.is_demo,
        "questions": len(session.questions),
        "answered": len({a.question_id for a in session.answers}),
    }


def _list(args: argparse.Namespace, ctx: CommandContext) -> None:
    sessions = ctx.app.store.list_sessions()
    if args.json:
        print(json.dumps([_summary(s) for s in sessions], indent=2))
        return
    if not sessions:
        print(
            "No sessions yet. Start an interview in the app, or import one with `mockmate sessions import FILE`."
        )
        return
    rows = [("ID", "DATE", "JOB TITLE", "TYPE", "SCORE", "ENGINE", "STATUS", "")]
    for s in sessions:
        score = "-" if s.overall_score is None else str(s.overall_score)
        title = terminal_safe(s.config.job_title, one_line=True)  # a table cell: one line, inert
        title = title if len(title) <= 32 else title[:31] + "…"
        rows.append(
            (
                str(s.id)[:MIN_PREFIX],
                _when(s),
                title,
                s.config.interview_type.value,
                score,
                _badge(s),
                s.status.value.replace("_", " "),
                "DEMO" if s.is_demo else "",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _show(args: argparse.Namespace, ctx: CommandContext) -> None:
    session = ctx.app.store.get_session(resolve_id(ctx, args.id))
    if args.json:
        print(session.model_dump_json(indent=2))
        return
    print(render_session(session))


def render_session(session: InterviewSession) -> str:
    c = session.config
    lines = [
        f"Session {session.id}{'  [DEMO: shipped example, not your interview]' if session.is_demo else ''}"
    ]
    lines.append(f"Job: {c.job_title}")
    lines.append(
        f"Set-up: {c.interview_type.value}, {c.difficulty.value}, {c.question_count} questions, "
        f"{c.language.display_name}, {c.answer_mode.value} answers, engine {c.engine.value}"
    )
    lines.append(f"Status: {session.status.value.replace('_', ' ')}   Date: {_when(session)}")
    lines.append("Made by: " + (", ".join(sorted(s.label for s in session.sources)) or "nothing yet"))
    summary = session.reports.summary
    if summary is not None:
        lines.append(
            f"Score: {summary.overall_score}/100, selection chance {summary.selection_probability}% "
            f"({summary.selection_label.value}) [{summary.source.label}]"
        )
    for note in session.engine_notes:
        lines.append(f"Note: {note}")
    lines.append("")
    for number, question in enumerate(session.questions, start=1):
        tag = "follow-up" if question.kind.value == "follow_up" else "question"
        lines.append(f"{number}. ({tag}, {question.source.label}) {question.text}")
        answer = session.answer_for(question.id)
        if answer is None:
            lines.append("   not answered yet")
        elif answer.skipped:
            lines.append("   skipped")
        else:
            audio = f", recording {answer.audio_path}" if answer.audio_path else ""
            lines.append(f"   answer ({answer.mode.value}, {answer.duration_s:.1f} s{audio}):")
            lines.append(f"   {answer.transcript or '(no words recognised)'}")
    reports = session.reports
    present = [
        f"{name} [{r.source.label}]"
        for name, r in (
            ("summary", reports.summary),
            ("performance", reports.performance),
            ("questions", reports.questions),
            ("delivery", reports.delivery),
        )
        if r is not None
    ]
    lines.append("")
    lines.append("Reports: " + (", ".join(present) if present else "none yet"))
    return "\n".join(lines)


def _delete(args: argparse.Namespace, ctx: CommandContext) -> None:
    session_id = resolve_id(ctx, args.id)
    session = ctx.app.store.get_session(session_id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("not deleting without confirmation: add --yes")
        title = terminal_safe(session.config.job_title, one_line=True)  # input() may bypass sys.stdout
        reply = input(f"Delete session {session_id} ({title}) and its recordings? [y/N] ")
        if reply.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.")
            return
    ctx.app.store.delete_session(session_id)
    print(f"Deleted session {session_id} ({session.config.job_title}).")


def _export(args: argparse.Namespace, ctx: CommandContext) -> None:
    from ..storage.archive import export_session

    session_id = resolve_id(ctx, args.id)
    target: Path = args.file
    if target.exists() and not args.force:
        raise CliError(f"{target} already exists; choose another name or add --force")
    if target.is_dir():
        raise CliError(f"{target} is a folder; give a file name such as session.zip")
    written = export_session(ctx.app.store, session_id, target)
    print(f"Exported session {session_id} to {written} ({written.stat().st_size / 1024:.0f} KiB).")


def _import(args: argparse.Namespace, ctx: CommandContext) -> None:
    from ..storage.archive import import_session

    session = import_session(ctx.app.store, args.file, replace=args.replace)
    label = " (demo)" if session.is_demo else ""
    print(f"Imported session {session.id} ({session.config.job_title}){label}.")


def _recover(args: argparse.Namespace, ctx: CommandContext) -> None:
    from ..storage.folder_state import recover_orphans

    folder, orphans = recover_orphans(ctx.app.paths)
    ctx.app.store  # noqa: B018 - opening starts the new, empty database now, not at the next command
    print(
        f"Moved {len(orphans.recordings)} recording(s) of {orphans.sessions} session(s) and "
        f"{len(orphans.resumes)} resume file(s) to {folder} (README.txt there lists them). "
        "A new, empty database was started."
    )
