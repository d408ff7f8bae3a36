"""`mockmate transcribe FILE.wav`: text, words with times and delivery metrics of one recording."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import CliError, CommandContext, require_file


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "transcribe", help="transcribe a WAV file with local Whisper"
    )
    parser.add_argument("file", type=Path, help="a PCM WAV file (any rate, mono or stereo)")
    parser.add_argument(
        "--model", choices=("base", "tiny.en"), default=None, help="default: the settings' model"
    )
    parser.add_argument("--language", choices=("en", "hi", "fr"), default="en")
    parser.add_argument(
        "--job",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a job description or resume as text: its skills are given to Whisper and canonicalised (repeatable)",
    )
    parser.add_argument(
        "--terms", default="", help='extra comma-separated terms, e.g. employers and tools: "Acme, Grafana"'
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..domain.delivery_metrics import compute_delivery, guidance_bands
    from ..domain.vocabulary import canonicalise
    from ..speech.factory import make_transcriber
    from ..speech.protocols import SpeechUnavailableError
    from ..speech.vocabulary_prompt import DEFAULT_MODE, whisper_prompt
    from ..speech.wavio import WavFormatError, read_wav_16k_mono

    path: Path = args.file
    require_file(path)
    vocabulary = _vocabulary(args)
    try:
        audio = read_wav_16k_mono(path)
        transcriber = make_transcriber(ctx.app, args.model)
        transcript = transcriber.transcribe(
            audio, language=args.language, **whisper_prompt(vocabulary, DEFAULT_MODE)
        )
    except (WavFormatError, SpeechUnavailableError) as exc:
        raise CliError(str(exc)) from exc
    replaced: list[str] = []
    if vocabulary:
        fixed = canonicalise(transcript.text, vocabulary)
        transcript = transcript.model_copy(update={"text": fixed.text})
        replaced = [f"{r.heard} -> {r.term}" for r in fixed.replacements if r.heard.lower() != r.term.lower()]
    metrics = compute_delivery(
        transcript.words, transcript.duration_s, args.language, silences=_silences(audio)
    )
    if args.json:
        payload = {
            "transcript": transcript.model_dump(mode="json"),
            "delivery": metrics.model_dump(mode="json"),
            "guidance": [b.model_dump(mode="json") for b in guidance_bands(args.language)],
            "vocabulary": list(vocabulary.terms) if vocabulary else [],
            "canonicalised": replaced,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(
        f"Model: Whisper {transcript.model_name} · language {transcript.language} · {transcript.duration_s:.1f} s"
    )
    if vocabulary:
        print(f"Vocabulary: {len(vocabulary.terms)} terms given to Whisper ({vocabulary.prompt()[:80]}…)")
    if replaced:
        print("Canonical spellings: " + "; ".join(replaced))
    print()
    print(transcript.text or "(no speech detected)")
    if transcript.words:
        print("\nWords:")
        for w in transcript.words:
            print(f"  {w.start:7.2f}-{w.end:7.2f}  {w.word}")
    print("\nDelivery:")
    print(
        f"  pace {metrics.words_per_minute:.0f} wpm over {metrics.speaking_time_s:.1f} s speaking, {metrics.word_count} words"
    )
    fillers = ", ".join(f"{t.term}×{t.count}" for t in metrics.fillers) or "none"
    print(f"  fillers {metrics.filler_count} ({metrics.fillers_per_minute:.1f}/min): {fillers}")
    print(f"  pauses >= 0.3 s: {metrics.pause_count}; >= 2 s: {len(metrics.long_pauses)}")
    first = "n/a" if metrics.time_to_first_word_s is None else f"{metrics.time_to_first_word_s:.2f} s"
    print(f"  time to first word {first}; hedges {metrics.hedging_count}")
    if metrics.most_repeated:
        print("  most repeated: " + ", ".join(f"{t.term}×{t.count}" for t in metrics.most_repeated))
    return 0


def _vocabulary(args: argparse.Namespace) -> Any:
    from ..domain.vocabulary import InterviewVocabulary

    texts: list[str] = []
    for file in args.job:
        try:
            texts.append(Path(file).read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            raise CliError(f"{file} cannot be read ({exc.strerror or exc})") from exc
    extra = [t.strip() for t in args.terms.split(",") if t.strip()]
    if not texts and not extra:
        return None
    vocabulary = InterviewVocabulary.build(job_text="\n".join(texts), extra=extra).for_question()
    return vocabulary or None


def _silences(audio: Any) -> list[tuple[float, float]] | None:
    from ..domain.segmentation import silent_spans
    from ..speech.protocols import SpeechUnavailableError
    from ..speech.vad import StreamingVad

    try:
        return silent_spans(StreamingVad().process(audio))
    except SpeechUnavailableError:
        return None  # pauses then come from word gaps only
