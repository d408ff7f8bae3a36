"""Printing the spoken technical-answers figures of `mockmate bench speech` (services/spoken_bench.py)."""

from __future__ import annotations

from typing import Any


def print_spoken(s: dict[str, Any]) -> None:
    print(
        f"Spoken technical answers · {s['split']} split · {s['answers']} answers, {s['audio_s']} s, "
        f"espeak-ng voices {', '.join(s['voices'])}"
    )
    print(
        "  job-term recall, canonical spelling (full pass; the canonicaliser runs whenever a vocabulary does):"
    )
    for mode, row in s["full_pass_by_mode"].items():
        label = "no vocabulary" if mode == "none" else f"vocabulary as {mode}"
        print(
            f"    {label:26s} {row['recall_pct']:5.1f} % of {row['terms']} terms · WER {row['wer_pct']:.2f} % "
            f"· {row.get('false_insertions', 0)} terms inserted where none was said"
        )
    print("  streamed vs full pass (one pass per stretch):")
    for mode, row in s["streamed_vs_full"].items():
        label = "no vocabulary" if mode == "none" else f"vocabulary as {mode}"
        gap = row["wer_streamed_pct"] - row["wer_full_pct"]
        print(
            f"    {label:26s} WER streamed {row['wer_streamed_pct']:.2f} % · full {row['wer_full_pct']:.2f} % "
            f"({gap:+.2f} points) · streamed term recall {row['term_recall_streamed_pct']:.1f} % "
            f"({row.get('term_found_streamed', '?')}) · {row.get('false_insertions_streamed', 0)} terms inserted"
        )
    fillers = s["fillers"]
    print(f"  filler recall on {fillers['answers']} disfluent answers (um, uh, like, you know, basically):")
    for key in ("vocabulary", "vocabulary+disfluent"):
        row = fillers[key]
        by = ", ".join(f"{f} {v}" for f, v in row["by_filler"].items())
        print(f"    {key:26s} {row['recall_pct']:5.1f} % ({by})")
    if "thinking_pauses" in s:
        t = s["thinking_pauses"]
        print(
            f"  thinking pauses of 2-4 s (median {t['pause_s_median']} s) in {t['answers']} answers, fed in real "
            f"time: ended the answer {t['ended_at_default']} times at the default end of turn "
            f"(5 s finished / 8 s trailing); {t['ended_at_fixed_1_5s']} times with the old fixed 1.5 s"
        )
    for language, row in s.get("other_languages", {}).items():
        print(
            f"  {language} ({row['answers']} espeak-ng answers): WER full {row['wer_full_pct']:.2f} % · streamed "
            f"30 s windows {row['wer_streamed_30s_pct']:.2f} % · short windows {row['wer_streamed_short_pct']:.2f} % · "
            f"term recall {row['term_recall_none_pct']:.1f} % -> {row['term_recall_vocabulary_pct']:.1f} % with the vocabulary"
        )
    if "peak_rss_mb" in s:
        print(f"  peak RSS after the spoken set {s['peak_rss_mb']:.0f} MB")
