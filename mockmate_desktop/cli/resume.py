"""`mockmate resume analyze|show|list`: take in a resume and measure it against a job description.

Exit codes: 0 ok, 2 usage error (e.g. the --jd-file cannot be read), 1 the resume or the analysis failed,
with a one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.enums import EngineChoice
from ..domain.resume import ResumeAnalysis, ResumeProfile
from ..resume.analyzer import ResumeAnalyzer
from ..resume.errors import ResumeError
from ..resume.intake import ResumeIntake
from ..storage.errors import StoreError
from .common import CliError, CommandContext, UsageError, read_job_description, read_password

_ENGINES = [EngineChoice.AUTO.value, EngineChoice.GEMINI.value, EngineChoice.OFFLINE.value]


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "resume", help="read a resume and analyse it against a job"
    )
    actions = parser.add_subparsers(dest="resume_action", metavar="ACTION", required=True)
    analyze = actions.add_parser("analyze", help="suitability score, matched and missing skills, rewrites")
    analyze.add_argument("file", type=Path, help="resume: PDF or .txt")
    analyze.add_argument("--jd-file", type=Path, required=True, help="the job description as a text file")
    analyze.add_argument("--job-title", default="", help="the job title (optional)")
    analyze.add_argument("--engine", choices=_ENGINES, default="auto", help="auto: Gemini when a key is set")
    analyze.add_argument("--password", nargs="?", const=True, default=None, help="ask for the PDF password (a prompt, or the first line of stdin)")
    analyze.add_argument("--json", action="store_true", help="print the analysis as JSON")
    show = actions.add_parser("show", help="the text extracted from a resume and its profile")
    show.add_argument("file", type=Path)
    show.add_argument("--engine", choices=_ENGINES, default="auto")
    show.add_argument("--password", nargs="?", const=True, default=None, help="ask for the PDF password (a prompt, or the first line of stdin)")
    show.add_argument("--json", action="store_true")
    listing = actions.add_parser("list", help="stored resumes, newest first")
    listing.add_argument("--json", action="store_true")
    bench = actions.add_parser("bench", help="measure text extraction, parsing and scoring on a file")
    bench.add_argument("file", type=Path)
    bench.add_argument("--jd-file", type=Path, default=None, help="a job description to score against")
    bench.add_argument("--repeat", type=int, default=5, help="runs per step (median is printed)")
    bench.add_argument("--password", nargs="?", const=True, default=None, help="ask for the PDF password (a prompt, or the first line of stdin)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    handlers = {"analyze": _analyze, "show": _show, "list": _list, "bench": _bench}
    if hasattr(args, "password"):
        args.password = read_password(args.password)  # before any work, so a refusal costs nothing
    try:
        handlers[args.resume_action](args, ctx)
    except (ResumeError, StoreError) as exc:
        raise CliError(str(exc)) from exc
    return 0


def _intake(ctx: CommandContext) -> ResumeIntake:
    return ResumeIntake(ctx.app.store, ctx.app.settings)


def _read_jd(path: Path) -> str:
    return read_job_description(path, UsageError)


def _analyze(args: argparse.Namespace, ctx: CommandContext) -> None:
    jd = _read_jd(args.jd_file)
    result = _intake(ctx).ingest_file(args.file, password=args.password, engine=args.engine)
    analysis = ResumeAnalyzer(ctx.app.settings, ctx.app.store).analyze(
        result.profile, jd, args.job_title, engine=args.engine
    )
    if args.json:
        payload = analysis.model_dump(mode="json")
        payload["resume_reused"] = result.reused
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    _print_analysis(analysis, result.profile, result.reused)


def _show(args: argparse.Namespace, ctx: CommandContext) -> None:
    intake = _intake(ctx)
    result = intake.ingest_file(args.file, password=args.password, engine=args.engine)
    text = result.text or intake.read_only(args.file, password=args.password).text or result.profile.text
    if args.json:
        payload = {"text": text, "reused": result.reused, "profile": result.profile.model_dump(mode="json")}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    print("=== Extracted text ===")
    print(text)
    print()
    print("=== Profile ===")
    _print_profile(result.profile, result.reused)


def _list(args: argparse.Namespace, ctx: CommandContext) -> None:
    resumes = ctx.app.store.list_resumes()
    if args.json:
        print(json.dumps([r.model_dump(mode="json", exclude={"text"}) for r in resumes], indent=2))
        return
    if not resumes:
        print("No resumes yet. Add one with `mockmate resume show FILE`.")
        return
    for r in resumes:
        print(f"{str(r.id)[:8]}  {r.created_at:%Y-%m-%d}  {r.source.label:<28} {r.name or '(no name)'}  "
              f"[{r.original_name}]")  # fmt: skip


def _bench(args: argparse.Namespace, ctx: CommandContext) -> None:
    """Median wall time of each intake step; nothing is stored."""
    from ..domain.resume_parsing import parse_resume, redact_contact
    from ..domain.resume_scoring import score_coverage
    from ..domain.skills import extract_skills

    if args.repeat < 1:
        raise UsageError("--repeat must be at least 1")
    jd = _read_jd(args.jd_file) if args.jd_file else None
    intake = _intake(ctx)
    text = ""

    def extract() -> None:
        nonlocal text
        text = intake.read_only(args.file, password=args.password).text

    steps: list[tuple[str, Callable[[], object]]] = [("read + extract text (child process)", extract)]
    extract()
    steps += [
        ("redact contact details", lambda: redact_contact(text)),
        ("local parser (profile)", lambda: parse_resume(text)),
        ("skill extraction", lambda: extract_skills(text)),
    ]
    if jd is not None:
        steps.append(("JD coverage score", lambda: score_coverage(redact_contact(text), jd)))
    print(f"file: {args.file.name}  characters: {len(text)}  runs per step: {args.repeat}")
    for label, step in steps:
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            step()
            times.append(time.perf_counter() - started)
        print(
            f"  {label:<38} median {statistics.median(times) * 1000:8.1f} ms   max {max(times) * 1000:8.1f} ms"
        )


def _print_profile(profile: ResumeProfile, reused: bool) -> None:
    print(f"Source: {profile.source.label}{' (' + profile.model_name + ')' if profile.model_name else ''}"
          f"{'  - already processed, stored profile reused' if reused else ''}")  # fmt: skip
    print(f"File: {profile.original_name}  sha256 {profile.file_sha256[:16]}…  id {profile.id}")
    rows = [
        ("Name", profile.name),
        ("Headline", profile.headline),
        ("Summary", profile.summary),
        ("Technical skills", ", ".join(profile.skills_technical)),
        ("Soft skills", ", ".join(profile.skills_soft)),
        ("Certifications", "; ".join(profile.certifications)),
        ("Awards", "; ".join(profile.awards)),
        ("Languages", ", ".join(profile.languages)),
    ]
    for label, value in rows:
        if value:
            print(f"{label}: {value}")
    for job in profile.experience:
        print(f"Experience: {job.title} | {job.organisation} | {job.period}")
        for line in job.highlights:
            print(f"    - {line}")
    for edu in profile.education:
        print(f"Education: {edu.qualification} | {edu.institution} | {edu.period}")
    for project in profile.projects:
        print(f"Project: {project.name}: {project.description}")
    for warning in profile.warnings:
        print(f"Warning: {warning}")


def _print_analysis(analysis: ResumeAnalysis, profile: ResumeProfile, reused: bool) -> None:
    engine = f" (model {analysis.model_name})" if analysis.model_name else ""
    print(f"Suitability: {analysis.suitability_score}/100   source: {analysis.source.label}{engine}")
    judged = "n/a" if analysis.engine_score is None else f"{analysis.engine_score}/100"
    print(f"Keyword coverage (reproducible): {analysis.deterministic_score}/100   engine judgement: {judged}")
    print(f"Resume: {profile.name or profile.original_name}{'  (stored profile reused)' if reused else ''}")
    for title, matches in (("Matched", analysis.matched), ("Missing", analysis.missing)):
        if matches:
            print(f"\n{title}:")
        for m in matches:
            where = f" in {', '.join(m.found_in)}" if m.found_in else ""
            alias = f" as '{m.matched_as}'" if m.matched_as and m.matched_as != m.skill else ""
            print(f"  {'required' if m.required else 'nice    '}  {m.skill}{alias}{where}")
    for title, items in (("Strengths", analysis.strengths), ("Gaps", analysis.gaps)):
        if items:
            print(f"\n{title}:")
            for item in items:
                print(f"  - {item}")
    if analysis.suggestions:
        print("\nSuggestions:")
    for s in analysis.suggestions:
        print(f"  [{s.section}]")
        if s.original:
            print(f"    was: {s.original}")
        print(f"    now: {s.suggested}")
        print(f"    why: {s.reason}")
    print(f"\n{analysis.summary}")
