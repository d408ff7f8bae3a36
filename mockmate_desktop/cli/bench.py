"""`mockmate bench speech|reports|interviewer`: benchmarks that print measured figures."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..speech.whisper_options import APP_WHISPER
from .common import CliError, CommandContext

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "speech"


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser("bench", help="print measured performance figures")
    bench_sub = parser.add_subparsers(dest="bench_command", metavar="BENCH", required=True)
    speech = bench_sub.add_parser("speech", help="Whisper load time, RTF, WER, end-of-answer latency, memory")
    speech.add_argument(
        "--model", choices=("base", "tiny.en"), default=None, help="default: the settings' model"
    )
    speech.add_argument(
        "--quick", action="store_true", help="only the ~30 s answer (about 1.5 min instead of 6)"
    )
    speech.add_argument(
        "--fixtures", type=Path, default=FIXTURES, help="folder of WAV + .txt reference pairs"
    )
    speech.add_argument(
        "--no-speculate", action="store_true", help="no speculative passes at pauses (compare stop latency)"
    )
    speech.add_argument(
        "--full-window",
        action="store_true",
        help="live passes with stock 30 s Whisper windows and Whisper's VAD (compare pass cost and WER)",
    )
    speech.add_argument(
        "--workers",
        type=int,
        default=APP_WHISPER["workers"],
        help="Whisper calls decoding at once (default: what the app uses)",
    )
    speech.add_argument(
        "--cpu-threads",
        type=int,
        default=APP_WHISPER["cpu_threads"],
        help="threads per Whisper call (default: what the app uses)",
    )
    speech.add_argument(
        "--no-beside",
        action="store_true",
        help="the last pass waits for a pass still running at the stop (compare stop latency)",
    )
    speech.add_argument(
        "--repeats", type=int, default=1, help="feed each answer this many times (more latency samples)"
    )
    speech.add_argument(
        "--split",
        choices=("heldout", "tune", "all"),
        default="heldout",
        help="spoken technical-answers split to report on (default: the held-out third)",
    )
    speech.add_argument(
        "--no-spoken", action="store_true", help="skip the spoken technical-answers set (about 8 minutes)"
    )
    speech.add_argument(
        "--no-fixtures", action="store_true", help="only the spoken set: skip the real-speech latency runs"
    )
    speech.add_argument(
        "--vocabulary",
        action="store_true",
        help="feed the latency answers with a backend interview's vocabulary prompt, as the app does",
    )
    speech.add_argument(
        "--prompt-form",
        choices=("list", "sentence"),
        default=None,
        help="how live passes write the vocabulary (default: as the app does); to compare the two forms",
    )
    speech.add_argument("--json", action="store_true")
    speech.set_defaults(handler=run_speech)
    from .bench_coaching import add_parser as add_coaching

    add_coaching(bench_sub)
    reports = bench_sub.add_parser("reports", help="report generation benchmarks")
    try:
        from ..services.bench_reports import add_arguments
    except ImportError:
        reports.set_defaults(handler=_reports_missing)
    else:
        add_arguments(reports)
        reports.set_defaults(handler=_run_reports)
    _register_scoring(bench_sub)
    _register_journey(bench_sub)
    interviewer = bench_sub.add_parser(
        "interviewer",
        help="JD coverage of plans, resume-claim questions, repeats, follow-up precision/recall",
    )
    from ..services.bench_interviewer import add_arguments as add_interviewer_arguments

    add_interviewer_arguments(interviewer)
    interviewer.set_defaults(handler=_run_interviewer)


def _run_interviewer(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..services.bench_interviewer import run

    try:
        return run(args, ctx)
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def _add_bench(
    bench_sub: Any,
    name: str,
    help_text: str,
    add_arguments: Callable[[argparse.ArgumentParser], None],
    handler: Callable[[argparse.Namespace, CommandContext], int],
) -> None:
    parser = bench_sub.add_parser(name, help=help_text)
    add_arguments(parser)
    parser.set_defaults(handler=handler)


def _register_scoring(bench_sub: Any) -> None:
    from ..services.bench_scoring import add_arguments

    _add_bench(
        bench_sub,
        "scoring",
        "offline scores against the graded development set (held-out fifth), cost per answer",
        add_arguments,
        _run_scoring,
    )


def _run_scoring(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..services.bench_scoring import run
    from ..services.scoring_dataset import DatasetMissingError

    try:
        return run(args)
    except (DatasetMissingError, RuntimeError) as exc:
        raise CliError(str(exc)) from exc


def _register_journey(bench_sub: Any) -> None:
    from ..services.bench_journey import add_arguments

    _add_bench(
        bench_sub,
        "journey",
        "Stop -> next question audible, speech -> words on screen, stalls, in the real window",
        add_arguments,
        _run_journey,
    )


def _run_journey(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..services.bench_journey import run

    try:
        return run(args, ctx.app.settings.whisper_model)
    except (RuntimeError, ValueError) as exc:
        raise CliError(str(exc)) from exc


def _reports_missing(args: argparse.Namespace, ctx: CommandContext) -> int:
    raise CliError("the reports benchmark is not available in this build (services.bench_reports is missing)")


def _run_reports(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..services.bench_reports import run

    return int(run(args, ctx) or 0)


def run_speech(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..services.speech_bench import run_bench
    from ..speech.protocols import SpeechUnavailableError

    if not (args.fixtures / "jfk.wav").is_file():
        raise CliError(f"speech fixtures not found in {args.fixtures}")
    synth: Callable[[str], Path] | None = None
    try:
        from ..speech.tts import Pyttsx3Synthesizer

        tts = Pyttsx3Synthesizer(ctx.app.settings, ctx.app.paths.tts_cache_dir)

        def speak(text: str) -> Path:
            return tts.synthesize(text, "en")

        synth = speak
    except SpeechUnavailableError:
        synth = None
    model = args.model or ctx.app.settings.whisper_model
    quiet = args.json

    def progress(line: str) -> None:
        if not quiet:
            print(f"  … {line}", file=sys.stderr, flush=True)

    from ..services.speech_bench import latency_vocabulary, peak_rss_mb
    from ..speech.whisper import WhisperTranscriber

    if args.workers < 1 or args.cpu_threads < 1:
        raise CliError("--workers and --cpu-threads must be at least 1")
    # One model for every part, built as the app builds it.
    transcriber = WhisperTranscriber(
        model, ctx.app.paths.model_cache, cpu_threads=args.cpu_threads, workers=args.workers
    )
    try:
        result: dict[str, Any] = {}
        if not args.no_fixtures:
            result = run_bench(
                model,
                ctx.app.paths.model_cache,
                args.fixtures,
                quick=args.quick,
                synth=synth,
                progress=progress,
                speculate=not args.no_speculate,
                short_window=False if args.full_window else None,
                repeats=max(1, args.repeats),
                transcriber=transcriber,
                pass_beside=not args.no_beside,
                vocabulary=latency_vocabulary() if args.vocabulary else None,
                prompt_form=args.prompt_form,
            )
        if not args.no_spoken:
            result["spoken"] = _spoken(args, ctx, transcriber, progress)
            result["spoken"]["peak_rss_mb"] = round(peak_rss_mb(), 1)
    except SpeechUnavailableError as exc:
        raise CliError(str(exc)) from exc
    result["uptime"] = _uptime()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"Load while measuring: {result['uptime']}")
    if not args.no_fixtures:
        _print_fixtures(result)
    if "spoken" in result:
        from .bench_spoken import print_spoken

        print_spoken(result["spoken"])
    return 0


def _spoken(
    args: argparse.Namespace, ctx: CommandContext, transcriber: Any, progress: Callable[[str], None]
) -> Any:
    from ..services.spoken_bench import run_spoken

    transcriber.load()
    transcriber.warm_up()
    return run_spoken(
        transcriber,
        ctx.app.paths.tts_cache_dir / "spoken-set",
        split=args.split,
        progress=progress,
        prompt_form=args.prompt_form,
    )


def _uptime() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            one, five, fifteen = f.read().split()[:3]
    except OSError:
        return "unknown"
    return f"load average {one}, {five}, {fifteen} (1, 5, 15 min)"


def _print_fixtures(result: dict[str, Any]) -> None:
    from ..services.speech_bench import REAL_SPEECH as REAL

    mode = "speculative passes at pauses" if result["speculate"] else "no speculative passes"
    mode += " · live windows: audio + 10 s" if result["short_window"] else " · live windows: stock 30 s"
    mode += f" · {result['workers']} Whisper call(s) at once"
    mode += " · last pass beside a running one" if result["pass_beside"] else " · last pass waits its turn"
    print(
        f"Speech benchmark · Whisper {result['model']} · int8 CPU, live beam {result['beam_size']} · {mode}"
    )
    print(f"  model load              {result['load_s']:.2f} s")
    print(
        f"  real-time factor        {result['rtf_full_pass']:.3f} (full passes over {len(REAL)} short real-speech clips, {result['real_speech_s']} s)"
    )
    print(
        f"  WER fixtures            full pass {result['wer_fixtures_full_pass']:.2f} % · streamed {result['wer_fixtures_streamed']:.2f} %"
    )
    with_vocabulary = (
        f", with a {result['vocabulary_terms']}-term vocabulary prompt" if result["vocabulary_terms"] else ""
    )
    print(f"  end-of-answer latency (stop at the last speech sample, fed in real time{with_vocabulary}):")
    for row in result["answers"]:
        print(
            f"    {row['answer_s']:6.1f} s answer: {row['latency_stop_s']:.2f} s "
            f"(full pass would take {row['full_pass_s']:.2f} s, RTF {row['rtf_full_pass']:.3f}) · WER full {row['wer_full_pass']:.2f} % "
            f"/ streamed {row['wer_streamed']:.2f} % · {row['stretches']} passes (median {row['median_pass_s']} s)"
            f"{' · a pass was still running at the stop' if row['worker_busy_at_end'] else ''}"
            f" · final pass {row['final_pass_s']} s over {row['final_pass_audio_s']} s of audio"
            f"{' (beside)' if row.get('final_pass_beside') else ''}"
        )
    print(
        f"    median {result['latency_median_s']:.2f} s, max {result['latency_max_s']:.2f} s over "
        f"{len(result['answers'])} answers"
    )
    for length, row in result["latency_by_length"].items():
        print(
            f"    ~{length} s answers: median {row['median_s']:.2f} s, max {row['max_s']:.2f} s ({row['runs']} runs)"
        )
    vad = result["vad_end"]
    print(
        f"  VAD end (30 s answer): end detected -> final {vad['end_detection_to_final_s']:.2f} s; "
        f"last speech -> final {vad['last_speech_to_final_s']:.2f} s (includes the silence wait)"
    )
    if "filler_recovery" in result:
        f = result["filler_recovery"]
        print(
            f"  filler recovery (espeak audio, {f['um_uh_spoken']} um/uh spoken): "
            f"{f['recovered_no_prompt']} without prompt, {f['recovered_disfluent_prompt']} with a disfluent prompt"
        )
    print(
        f"  peak RSS                {result['peak_rss_mb']:.0f} MB (live pipeline); "
        f"{result['peak_rss_with_full_passes_mb']:.0f} MB after the reference full passes"
    )
