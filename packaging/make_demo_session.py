"""Builds the shipped demo session (assets/demo/demo-session.zip) with the project's own pipeline.

    .venv/bin/python packaging/make_demo_session.py [--whisper base|tiny.en] [--out assets/demo]

1. Answer WAVs come from the real speech fixtures in tests/fixtures/speech (see their PROVENANCE.md): the
   espeak-ng interview answer is cut in two at the pause before its result ("After the change, ..."), found
   with Whisper's own word timings, so the first part is a STAR story without a result and the second part
   answers the follow-up the offline engine asks for it; jfk, LibriVox and CMU clips are the other answers.
   Nothing is resampled: the fixtures are already 16 kHz mono, what Whisper reads.
2. `mockmate interview --engine offline --answers-dir ... --no-tts --demo` runs the real interview (live
   speech pipeline, delivery metrics, offline engine, the three reports concurrently) in a scratch data folder.
3. The session (is_demo=True) is exported with storage/archive.py, and its Markdown report written beside it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures" / "speech"
# In the order the interview takes them: follow-up answers take the next file.
CLIPS = (
    "jfk",
    "librivox_0880",
    "librivox_0870",
    "librivox_0890",
    "goforward",
    "cards_001",
    "cards_002",
    "cards_003",
)
JOB_TITLE = "Python Developer"
JD = (
    "Software engineer for our customer support platform. You will build and run Python services on "
    "PostgreSQL, improve performance and reliability, take part in on-call for production incidents, and work "
    "closely with support and product managers."
)
SPLIT_WORD = "after"  # the result of the espeak story starts with "After the change, ..."


def split_story(whisper_model: str, out_dir: Path) -> tuple[Path, Path, float]:
    from mockmate_desktop.core.paths import AppPaths
    from mockmate_desktop.speech.protocols import SAMPLE_RATE
    from mockmate_desktop.speech.wavio import read_wav_16k_mono, write_wav
    from mockmate_desktop.speech.whisper import WhisperTranscriber

    audio = read_wav_16k_mono(FIXTURES / "espeak_answer_16k.wav")
    transcript = WhisperTranscriber(whisper_model, AppPaths.from_environment().model_cache).transcribe(
        audio, language="en"
    )
    words = transcript.words
    index = next(
        i for i, w in enumerate(words) if i > len(words) // 2 and w.word.strip(" ,.").casefold() == SPLIT_WORD
    )
    cut_s = (words[index - 1].end + words[index].start) / 2  # the middle of the pause before "After"
    cut = int(cut_s * SAMPLE_RATE)
    first, second = out_dir / "story_part1.wav", out_dir / "story_part2.wav"
    write_wav(first, audio[:cut])
    write_wav(second, audio[cut:])
    return first, second, cut_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--whisper", default="base", choices=["base", "tiny.en"])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "demo")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mockmate-demo-") as scratch:
        work = Path(scratch)
        answers = work / "answers"
        answers.mkdir()
        part1, part2, cut_s = split_story(args.whisper, work)
        sources = [part1, part2, *(FIXTURES / f"{name}.wav" for name in CLIPS)]
        for number, source in enumerate(sources, start=1):
            (answers / f"answer_{number:02d}.wav").write_bytes(source.read_bytes())
        print(f"story cut at {cut_s:.2f} s; {len(sources)} answer files")

        jd_file = work / "jd.txt"
        jd_file.write_text(JD, encoding="utf-8")
        env = dict(os.environ, MOCKMATE_HOME=str(work / "home"), MOCKMATE_WHISPER_MODEL=args.whisper)
        env.pop("GEMINI_API_KEY", None)
        command = [
            sys.executable,
            "-m",
            "mockmate_desktop",
            "interview",
            "--job-title",
            JOB_TITLE,
            "--jd-file",
            str(jd_file),
            "--type",
            "behavioural",
            "--difficulty",
            "experienced",
            "--questions",
            "5",
            "--language",
            "en",
            "--engine",
            "offline",
            "--answers-dir",
            str(answers),
            "--no-tts",
            "--demo",
        ]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
        print(done.stdout)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        session_id = UUID(
            next(line for line in done.stdout.splitlines() if line.startswith("Session ")).split()[1]
        )

        os.environ["MOCKMATE_HOME"] = env["MOCKMATE_HOME"]
        from mockmate_desktop.core.paths import AppPaths
        from mockmate_desktop.domain.report_text import render_markdown
        from mockmate_desktop.storage.archive import export_session
        from mockmate_desktop.storage.sqlite_store import SqliteStore

        store = SqliteStore.open(AppPaths.from_environment())
        try:
            session = store.get_session(session_id)
            if not session.is_demo or not session.reports.complete:
                print("the interview did not produce a complete demo session", file=sys.stderr)
                return 1
            args.out.mkdir(parents=True, exist_ok=True)
            target = args.out / "demo-session.zip"
            target.unlink(missing_ok=True)
            export_session(store, session_id, target)
            (args.out / "demo-report.md").write_text(render_markdown(session), encoding="utf-8")
        finally:
            store.close()
        size = target.stat().st_size
        print(f"wrote {target} ({size / 1e6:.2f} MB), session {session_id}")
        return 0 if size < 5_000_000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
