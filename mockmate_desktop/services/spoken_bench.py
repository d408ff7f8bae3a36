"""Figures on the spoken technical-answers set (speech/spoken_set.py): job-term recall by vocabulary mode,
streamed vs full-pass WER, thinking pauses, and filler recall. Reported on one split (default: held out).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ..domain.end_of_turn import EndOfTurnConfig
from ..domain.segmentation import EndReason, SegmenterConfig
from ..domain.skills import extract_skills
from ..domain.stream_core import StreamConfig
from ..domain.vocabulary import InterviewVocabulary, PromptForm, Vocabulary, canonicalise
from ..domain.wer import corpus_wer
from ..speech.live import LiveConfig, LiveTranscription, feed_array
from ..speech.protocols import SAMPLE_RATE, AudioArray
from ..speech.spoken_set import SpokenAnswer, load_set, synthesize
from ..speech.vocabulary_prompt import VocabularyMode, whisper_prompt
from ..speech.wavio import read_wav_16k_mono
from ..speech.whisper import WhisperTranscriber

MODES: tuple[VocabularyMode | None, ...] = (None, "prompt", "hotwords", "both")
DISFLUENT_PROMPT = "Umm, let me think, uh, like, hmm... Okay, so, um, here's what I, uh, did."
FILLERS = ("um", "uh", "like", "you know", "basically")
PAUSE_SECONDS = (2.0, 2.5, 3.0, 3.5, 4.0)


def vocabulary_for(answer: SpokenAnswer) -> Vocabulary:
    interview = InterviewVocabulary.build(
        job_text=answer.job.description, resume_text=answer.job.resume, role=answer.job.title
    )
    return interview.for_question(answer.question)


def job_terms(reference: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """The job's terms in a reference as written there (canonical spelling), each once: technical skills
    of the interview's vocabulary (JD, resume, question), or every technical skill without one."""
    wanted = set(vocabulary.terms) if vocabulary is not None else None
    seen: dict[str, None] = {}
    for hit in extract_skills(reference):
        if hit.kind == "technical" and (wanted is None or hit.skill in wanted):
            # "Kubernetes clusters" is the term "Kubernetes" followed by an ordinary word.
            seen.setdefault(hit.skill if hit.skill in hit.matched else hit.matched, None)
    return list(seen)


def term_hits(reference: str, hypothesis: str, vocabulary: Vocabulary | None = None) -> tuple[int, int]:
    """(terms found in the hypothesis in exactly the reference's spelling, terms in the reference)."""
    terms = job_terms(reference, vocabulary)
    found = sum(1 for t in terms if re.search(rf"(?<![\w]){re.escape(t)}(?![\w])", hypothesis))
    return found, len(terms)


def term_insertions(reference: str, hypothesis: str, vocabulary: Vocabulary) -> int:
    """Vocabulary terms written in the hypothesis more often than the reference says them: a term put where
    none was spoken (by Whisper following the prompt, or by the canonicaliser) is a defect."""

    def count(term: str, text: str) -> int:
        return len(re.findall(rf"(?<![\w]){re.escape(term)}(?![\w])", text))

    return sum(max(0, count(t, hypothesis) - count(t, reference)) for t in vocabulary.terms)


def filler_counts(text: str) -> dict[str, int]:
    lowered = " " + re.sub(r"[^\w' ]+", " ", text.lower()) + " "
    counts = {f: len(re.findall(rf"(?<=\s){re.escape(f)}(?=\s)", lowered)) for f in FILLERS}
    counts["um"] += len(re.findall(r"(?<=\s)(?:umm+|uhm|hmm+)(?=\s)", lowered))
    counts["uh"] += len(re.findall(r"(?<=\s)(?:uhh+|er|erm)(?=\s)", lowered))
    return counts


def streamed_text(
    model: WhisperTranscriber,
    audio: AudioArray,
    *,
    vocabulary: Vocabulary | None,
    mode: VocabularyMode,
    prompt: str | None = None,
    reheard_s: float | None = None,
    prompt_form: PromptForm | None = None,
) -> str:
    """The streamed pipeline, one pass per stretch (as when audio comes in real time), stopped at the end."""
    stream = StreamConfig(merge_backlog=False, speculate=False)
    if reheard_s is not None:
        stream = StreamConfig(merge_backlog=False, speculate=False, reheard_s=reheard_s)
    live = LiveTranscription(
        model,
        LiveConfig(
            segmenter=SegmenterConfig(auto_end=False),
            stream=stream,
            vocabulary=vocabulary,
            vocabulary_mode=mode,
            prompt=prompt,
            prompt_form=prompt_form,
        ),
    )
    live.start()
    feed_array(live, audio)
    final = live.wait_final(timeout=300)
    return final.text if final else ""


def full_text(
    model: WhisperTranscriber,
    audio: AudioArray,
    *,
    vocabulary: Vocabulary | None,
    mode: VocabularyMode | None,
    prompt: str | None = None,
) -> str:
    args = whisper_prompt(vocabulary if mode else None, mode or "prompt", prompt)
    text = model.transcribe(audio, language="en", **args).text
    return canonicalise(text, vocabulary).text if vocabulary and mode else text


def run_spoken(
    model: WhisperTranscriber,
    cache_dir: Path,
    *,
    split: str,
    progress: Callable[[str], None],
    pauses: bool = True,
    set_file: Path | None = None,
    prompt_form: PromptForm | None = None,
) -> dict[str, Any]:
    """`prompt_form`: how the vocabulary is written for the streamed passes; None: as the app writes it."""
    every = [a for a in (load_set(set_file) if set_file else load_set()) if split in ("all", a.split)]
    answers = [a for a in every if a.language == "en"]
    audio = {a.id: read_wav_16k_mono(synthesize(a, cache_dir)) for a in answers}
    vocab = {a.id: vocabulary_for(a) for a in answers}
    result: dict[str, Any] = {
        "split": split,
        "answers": len(answers),
        "audio_s": round(sum(len(x) for x in audio.values()) / SAMPLE_RATE, 1),
        "voices": sorted({f"{a.voice}@{a.rate}" for a in answers}),
        "prompt_form": prompt_form or "app default",
    }
    progress(f"spoken set: {len(answers)} {split} answers, {result['audio_s']} s of espeak-ng speech")

    # Job-term recall of full passes by vocabulary mode (canonicaliser applied with a vocabulary).
    recall: dict[str, Any] = {}
    full_by_mode: dict[str, list[tuple[str, str]]] = {}
    for mode in MODES:
        found = total = inserted = 0
        pairs: list[tuple[str, str]] = []
        for a in answers:
            text = full_text(model, audio[a.id], vocabulary=vocab[a.id], mode=mode)
            f, t = term_hits(a.reference, text, vocab[a.id])
            found, total = found + f, total + t
            inserted += term_insertions(a.reference, text, vocab[a.id])
            pairs.append((a.reference, text))
        key = mode or "none"
        full_by_mode[key] = pairs
        recall[key] = {
            "terms": total,
            "recall_pct": round(100 * found / max(1, total), 1),
            "wer_pct": round(100 * corpus_wer(pairs), 2),
            "false_insertions": inserted,
        }
        progress(f"full pass, vocabulary {key}: term recall {recall[key]['recall_pct']} %")
    result["full_pass_by_mode"] = recall

    # Streamed vs full pass, with the vocabulary (prompt mode, the app's default) and without.
    parity: dict[str, Any] = {}
    for label, mode in (("none", None), ("prompt", "prompt")):
        pairs, found, total, inserted = [], 0, 0, 0
        rows: list[dict[str, Any]] = []
        for a in answers:
            text = streamed_text(
                model,
                audio[a.id],
                vocabulary=vocab[a.id] if mode else None,
                mode=mode or "prompt",
                prompt_form=prompt_form,
            )
            f, t = term_hits(a.reference, text, vocab[a.id])
            added = term_insertions(a.reference, text, vocab[a.id])
            found, total, inserted = found + f, total + t, inserted + added
            pairs.append((a.reference, text))
            # Kept so a figure can be traced to the answers behind it (which terms, which insertions).
            rows.append({"id": a.id, "text": text, "terms_found": f"{f}/{t}", "inserted": added})
        parity[label] = {
            "wer_streamed_pct": round(100 * corpus_wer(pairs), 2),
            "wer_full_pct": recall[label]["wer_pct"],
            "term_recall_streamed_pct": round(100 * found / max(1, total), 1),
            "term_found_streamed": f"{found}/{total}",
            "false_insertions_streamed": inserted,
            "answers": rows,
        }
        progress(f"streamed, vocabulary {label}: WER {parity[label]['wer_streamed_pct']} %")
    result["streamed_vs_full"] = parity
    result["fillers"] = filler_recall(model, answers, audio, vocab)
    if pauses:
        result["thinking_pauses"] = thinking_pauses(model, answers, cache_dir, vocab, progress)
    if model.model_name == "base":
        others = [a for a in every if a.language != "en"]
        result["other_languages"] = other_languages(model, others, cache_dir, progress)
    return result


def other_languages(
    model: WhisperTranscriber,
    answers: list[SpokenAnswer],
    cache_dir: Path,
    progress: Callable[[str], None],
) -> dict[str, Any]:
    """Hindi and French (espeak-ng voices): WER of a full pass, of the streamed pipeline with stock 30 s
    windows and with short windows, and job-term recall without and with the vocabulary."""
    out: dict[str, Any] = {}
    for language in sorted({a.language for a in answers}):
        group = [a for a in answers if a.language == language]
        pairs: dict[str, list[tuple[str, str]]] = {k: [] for k in ("full", "streamed_30s", "streamed_short")}
        terms = {"none": [0, 0], "vocabulary": [0, 0]}
        for a in group:
            audio = read_wav_16k_mono(synthesize(a, cache_dir))
            vocabulary = vocabulary_for(a)
            plain = model.transcribe(audio, language=language).text
            pairs["full"].append((a.reference, plain))
            args = whisper_prompt(vocabulary, "prompt")
            prompted = canonicalise(model.transcribe(audio, language=language, **args).text, vocabulary).text
            for key, text in (("none", plain), ("vocabulary", prompted)):
                found, total = term_hits(a.reference, text, vocabulary)
                terms[key][0] += found
                terms[key][1] += total
            for key, short in (("streamed_30s", False), ("streamed_short", True)):
                live = LiveTranscription(
                    model,
                    LiveConfig(
                        language=language,
                        segmenter=SegmenterConfig(auto_end=False),
                        stream=StreamConfig(merge_backlog=False, speculate=False),
                        short_window=short,
                    ),
                )
                live.start()
                feed_array(live, audio)
                final = live.wait_final(timeout=300)
                pairs[key].append((a.reference, final.text if final else ""))
        out[language] = {
            "answers": len(group),
            **{f"wer_{k}_pct": round(100 * corpus_wer(v), 2) for k, v in pairs.items()},
            **{f"term_recall_{k}_pct": round(100 * f / max(1, t), 1) for k, (f, t) in terms.items()},
        }
        progress(f"{language}: {out[language]}")
    return out


def filler_recall(
    model: WhisperTranscriber,
    answers: list[SpokenAnswer],
    audio: dict[str, AudioArray],
    vocab: dict[str, Vocabulary],
) -> dict[str, Any]:
    disfluent = [a for a in answers if sum(filler_counts(a.reference).values())]
    out: dict[str, Any] = {"answers": len(disfluent)}
    for label, prompt in (("vocabulary", None), ("vocabulary+disfluent", DISFLUENT_PROMPT)):
        spoken = {f: 0 for f in FILLERS}
        heard = {f: 0 for f in FILLERS}
        for a in disfluent:
            text = full_text(model, audio[a.id], vocabulary=vocab[a.id], mode="prompt", prompt=prompt)
            ref, hyp = filler_counts(a.reference), filler_counts(text)
            for f in FILLERS:
                spoken[f] += ref[f]
                heard[f] += min(ref[f], hyp[f])
        out[label] = {
            "recall_pct": round(100 * sum(heard.values()) / max(1, sum(spoken.values())), 1),
            "by_filler": {f: f"{heard[f]}/{spoken[f]}" for f in FILLERS},
        }
    return out


def thinking_pauses(
    model: WhisperTranscriber,
    answers: list[SpokenAnswer],
    cache_dir: Path,
    vocab: dict[str, Vocabulary],
    progress: Callable[[str], None],
) -> dict[str, Any]:
    """Each answer with a 2-4 s pause (its own, or one inserted mid-answer), fed in real time through the
    live pipeline with the default end of turn (5 s when finished, 8 s when trailing off) and, for
    comparison, the old fixed 1.5 s silence (judged on the VAD alone: no words are needed for it)."""
    ended_default = ended_old = 0
    rows: list[dict[str, Any]] = []
    for index, a in enumerate(answers):
        variant = a
        if not a.pauses:
            words = a.script.split()
            variant = a.with_pause(PAUSE_SECONDS[index % len(PAUSE_SECONDS)], max(3, len(words) // 2))
        audio = read_wav_16k_mono(synthesize(variant, cache_dir))
        live = LiveTranscription(
            model,
            LiveConfig(
                segmenter=SegmenterConfig(end_silence_s=5.0, first_word_grace_s=60.0),
                vocabulary=vocab[a.id],
                end_of_turn=EndOfTurnConfig(finished_silence_s=5.0),
            ),
        )
        live.start()
        began = time.perf_counter()
        feed_array(live, audio, realtime=True)
        live.wait_final(timeout=120)
        early = live.stats.end_reason is EndReason.SILENCE and live.elapsed_s < len(audio) / SAMPLE_RATE - 0.5
        ended_default += early
        old = _ends_early_with_fixed_silence(audio, 1.5)
        ended_old += old
        rows.append(
            {"id": variant.id, "pause_s": max(variant.pauses), "ended_default": early, "ended_1_5s": old}
        )
        progress(
            f"pause {max(variant.pauses):.1f} s in {variant.id}: ended early {early} ({time.perf_counter() - began:.0f} s)"
        )
    return {
        "answers": len(rows),
        "ended_at_default": ended_default,
        "ended_at_fixed_1_5s": ended_old,
        "pause_s_median": statistics.median(r["pause_s"] for r in rows) if rows else None,
        "rows": rows,
    }


def _ends_early_with_fixed_silence(audio: AudioArray, seconds: float) -> bool:
    from ..domain.segmentation import Segmenter
    from ..speech.vad import FRAME_S, StreamingVad

    segmenter = Segmenter(SegmenterConfig(end_silence_s=seconds, frame_s=FRAME_S, first_word_grace_s=60.0))
    trimmed = audio[: _last_loud(audio)]
    for probability in StreamingVad().process(trimmed):
        segmenter.push(probability)
        if segmenter.ended is not None:
            return True
    return False


def _last_loud(audio: AudioArray, threshold: float = 0.01) -> int:
    loud = np.flatnonzero(np.abs(audio) > threshold)
    return int(loud[-1]) + 1 if len(loud) else 0
