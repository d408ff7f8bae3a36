"""`mockmate score`: practise one question and get instant, evidence-backed feedback on a typed answer."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import CliError, CommandContext, require_file

MAX_FILE_BYTES = 1_000_000


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "score", help="score one answer to one question, with feedback (offline or Gemini)"
    )
    parser.add_argument("--question", required=True, help="the interview question")
    parser.add_argument("--answer-file", required=True, type=Path, help="a UTF-8 text file with the answer")
    parser.add_argument("--job-title", default="")
    parser.add_argument(
        "--jd-file", type=Path, default=None, help="a UTF-8 text file with the job description"
    )
    parser.add_argument("--type", choices=("technical", "behavioural"), default=None, dest="question_type")
    parser.add_argument(
        "--difficulty", choices=("beginner", "intermediate", "experienced", "expert"), default="intermediate"
    )
    parser.add_argument("--language", choices=("en", "hi", "fr"), default="en")
    parser.add_argument("--engine", choices=("offline", "gemini"), default="offline")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def _read(path: Path, what: str) -> str:
    require_file(path, what)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CliError(f"{what} {path} is larger than 1 MB")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CliError(f"{what} {path} does not exist") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"{what} {path} is not UTF-8 text") from exc
    except OSError as exc:
        raise CliError(f"cannot read {what} {path}: {exc.strerror}") from exc


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..domain import numbers
    from ..domain.enums import Difficulty, Language
    from ..domain.report_headings import colon
    from ..engine.protocols import EngineError
    from ..services.practice import PracticeError, PracticeRequest, practise

    request = PracticeRequest(
        question=args.question,
        answer=_read(args.answer_file, "answer file"),
        job_title=args.job_title,
        job_description=_read(args.jd_file, "job description file") if args.jd_file else "",
        question_type=args.question_type,
        difficulty=Difficulty(args.difficulty),
        language=Language(args.language),
        engine=args.engine,
    )
    try:
        result = practise(request, ctx.app.settings if args.engine == "gemini" else None)
    except PracticeError as exc:
        raise CliError(str(exc)) from exc
    except EngineError as exc:
        raise CliError(f"Gemini could not score the answer: {exc}") from exc
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    sep = colon(result.language)
    print(f"{result.heading('score')}{sep}{numbers.out_of(result.score, 10, result.language)}  [{result.engine}]")
    for c in result.criteria:
        print(f"  {result.criterion_label(c):<13} {numbers.general(c['score'], result.language):>4}/10  {c['explanation']}")
    for cap in result.caps:
        print(f"  ! {cap}")
    if result.points:
        print(f"{result.heading('expected_points')}{sep.rstrip()}")
        for p in result.points:
            quote = f'  "{p["quote"]}"' if p.get("quote") else ""
            print(f"  [{result.status(p['status']):<7}] {p['point']}{quote}")
    print(f"{result.heading('went_well')}{sep.rstrip()}")
    for line in result.went_well or ["-"]:
        print(f"  + {line}")
    print(f"{result.heading('improvements')}{sep.rstrip()}")
    for line in result.to_improve:
        print(f"  - {line}")
    if result.model_answer:
        print(f"{result.heading('model_answer')}{sep}{result.model_answer}")
    return 0
