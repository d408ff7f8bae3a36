"""`mockmate bench speech`: measured figures of the speech pipeline on the real-speech fixtures.

Figures: model load time, real-time factor, WER of a full pass and of the streamed pipeline, end-of-answer
latency (explicit stop at the last speech sample, and VAD end) for ~30/60/180 s answers fed in real time,
filler recovery with and without a disfluent prompt, and peak RSS.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from ..domain.segmentation import SegmenterConfig
from ..domain.stream_core import StreamConfig
from ..domain.vocabulary import InterviewVocabulary, PromptForm, Vocabulary
from ..domain.wer import corpus_wer, word_errors
from ..speech.live import FIRST_WORDS_S, LiveConfig, LiveTranscription, feed_array, uses_short_window
from ..speech.protocols import SAMPLE_RATE, AudioArray
from ..speech.wavio import read_wav_16k_mono
from ..speech.whisper import WhisperTranscriber

REAL_SPEECH = (
    "jfk",
    "librivox_0870",
    "librivox_0880",
    "librivox_0890",
    "goforward",
    "cards_001",
    "cards_002",
    "cards_003",
)
DISFLUENT_PROMPT = "Umm, let me think, uh, like, hmm... Okay, so, um, here's what I, uh, did."
FILLER_SENTENCES = (
    "Um, I think the main challenge was, uh, the database.",
    "So, um, we measured first and, uh, then we added a cache.",
    "Uh, I led the team and, um, we shipped it in, uh, two weeks.",
)


@dataclass
class Clip:
    name: str
    audio: AudioArray
    reference: str


def load_clips(folder: Path, names: tuple[str, ...] = REAL_SPEECH) -> list[Clip]:
    return [
        Clip(n, read_wav_16k_mono(folder / f"{n}.wav"), (folder / f"{n}.txt").read_text().strip())
        for n in names
    ]


def build_answer(clips: list[Clip], seconds: float, seed: int = 7) -> tuple[AudioArray, str]:
    """Clips joined with natural pauses (0.4-1.2 s), repeated until the answer is about `seconds` long."""
    rng = np.random.default_rng(seed)
    parts: list[AudioArray] = []
    refs: list[str] = []
    total = 0.0
    while total < seconds:
        for clip in clips:
            if parts:
                gap = np.zeros(int(rng.uniform(0.4, 1.2) * SAMPLE_RATE), dtype=np.float32)
                parts.append(gap)
                total += len(gap) / SAMPLE_RATE
            parts.append(clip.audio)
            refs.append(clip.reference)
            total += len(clip.audio) / SAMPLE_RATE
            if total >= seconds:
                break
    return np.concatenate(parts), " ".join(refs)


def last_speech_sample(audio: AudioArray, threshold: float = 0.01) -> int:
    loud = np.flatnonzero(np.abs(audio) > threshold)
    return int(loud[-1]) + 1 if len(loud) else 0


def timed_full_pass(model: WhisperTranscriber, audio: AudioArray, language: str) -> tuple[str, float]:
    """One stock faster-whisper pass (30 s windows, its VAD on) over the whole audio: the reference that the
    streamed transcript is held to."""
    began = time.perf_counter()
    text = model.transcribe(audio, language=language).text
    return text, time.perf_counter() - began


def streamed(
    model: WhisperTranscriber,
    audio: AudioArray,
    *,
    realtime: bool,
    vad_end: bool = False,
    prompt: str | None = None,
    speculate: bool = True,
    short_window: bool | None = None,
    live: LiveConfig | None = None,
) -> dict[str, Any]:
    """`live`: the app's other live settings (beam, pass beside); segmentation and speculation are set here."""
    config = SegmenterConfig(auto_end=vad_end, first_word_grace_s=60.0, max_answer_s=1800.0)
    live_config = replace(
        live or LiveConfig(),
        language="en",
        segmenter=config,
        prompt=prompt,
        # As the app: a first-words pass, tentative passes with tiny.en only.
        stream=StreamConfig(
            speculate=speculate, tentative=model.model_name.endswith(".en"), first_words_s=FIRST_WORDS_S
        ),
        short_window=short_window,
    )
    pipeline = LiveTranscription(model, live_config)
    pipeline.start()
    last = last_speech_sample(audio)
    trail = np.zeros(int(3 * SAMPLE_RATE), dtype=np.float32) if vad_end else np.zeros(0, dtype=np.float32)
    # An explicit stop comes right after the last speech sample; the VAD variant keeps feeding silence.
    feed_audio = audio[:last] if not vad_end else np.concatenate([audio[:last], trail])
    marks: dict[str, float] = {}

    def on_block(block: AudioArray) -> None:
        marks.setdefault("blocks", 0.0)
        marks["blocks"] += len(block)
        if marks["blocks"] >= last and "last_speech" not in marks:
            marks["last_speech"] = time.perf_counter()

    feed_array(pipeline, feed_audio, realtime=realtime, stop_at_end=not vad_end, on_block=on_block)
    transcript = pipeline.wait_final(timeout=600)
    end = pipeline.stats.ended_at or time.perf_counter()
    final = pipeline.stats.final_at or time.perf_counter()
    return {
        "text": transcript.text if transcript else "",
        "latency_from_end_s": final - end,
        "latency_from_last_speech_s": final - marks.get("last_speech", end),
        "stretches": pipeline.stats.stretches,
        "tentative_passes": pipeline.stats.tentative_passes,
        "end_reason": str(pipeline.stats.end_reason),
        "worker_busy_at_end": pipeline.stats.worker_busy_at_end,
        "final_pass_s": pipeline.stats.final_pass_s,
        "final_pass_audio_s": pipeline.stats.final_pass_audio_s,
        "final_pass_beside": pipeline.stats.final_pass_beside,
        "median_pass_s": statistics.median(pipeline.stats.transcribe_seconds)
        if pipeline.stats.transcribe_seconds
        else None,
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def filler_recovery(model: WhisperTranscriber, synth: Callable[[str], Path]) -> dict[str, Any]:
    from ..domain.delivery_metrics import find_fillers

    spoken = 0
    counts = {"no_prompt": 0, "disfluent_prompt": 0}
    for sentence in FILLER_SENTENCES:
        audio = read_wav_16k_mono(synth(sentence))
        spoken += sum(1 for w in sentence.lower().replace(",", " ").split() if w in {"um", "uh"})
        for key, prompt in (("no_prompt", None), ("disfluent_prompt", DISFLUENT_PROMPT)):
            words = model.transcribe(audio, language="en", initial_prompt=prompt).words
            counts[key] += sum(
                1 for _, f in find_fillers(words, "en") if f in {"um", "umm", "uh", "uhh", "uhm"}
            )
    return {"um_uh_spoken": spoken, **{f"recovered_{k}": v for k, v in counts.items()}}


def run_bench(
    model_name: str,
    model_cache: Path,
    fixtures: Path,
    *,
    quick: bool,
    synth: Callable[[str], Path] | None,
    progress: Callable[[str], None],
    speculate: bool = True,
    short_window: bool | None = None,
    repeats: int = 1,
    transcriber: WhisperTranscriber | None = None,
    pass_beside: bool = True,
    vocabulary: Vocabulary | None = None,
    prompt_form: PromptForm | None = None,
) -> dict[str, Any]:
    """The live pipeline is measured first, so `peak_rss_mb` is its own peak; the stock full passes it is
    compared with run afterwards (a full pass over 183 s alone peaks near 520 MB)."""
    result: dict[str, Any] = {
        "model": model_name,
        "speculate": speculate,
        "short_window": uses_short_window(model_name, "en") if short_window is None else short_window,
        "repeats": repeats,
        "workers": getattr(transcriber, "workers", 1),
        "pass_beside": pass_beside,
        "beam_size": LiveConfig().beam_size,
        "vocabulary_terms": len(vocabulary.terms) if vocabulary is not None else 0,
        "prompt_form": prompt_form or "app default",
    }
    model = transcriber or WhisperTranscriber(model_name, model_cache)
    began = time.perf_counter()
    model.load()
    result["load_s"] = round(time.perf_counter() - began, 3)
    model.warm_up()
    clips = load_clips(fixtures)
    progress(f"model {model_name} loaded in {result['load_s']} s")

    pairs_stream = [
        (c.reference, streamed(model, c.audio, realtime=False, short_window=short_window)["text"])
        for c in clips
    ]
    result["wer_fixtures_streamed"] = round(100 * corpus_wer(pairs_stream), 2)

    built = {s: build_answer(clips, s) for s in ((30.0,) if quick else (10.0, 30.0, 60.0, 180.0))}
    rows: dict[float, list[dict[str, Any]]] = {s: [] for s in built}
    answers: list[dict[str, Any]] = []
    for _ in range(repeats):
        for seconds, (audio, reference) in built.items():
            live = streamed(
                model,
                audio,
                realtime=True,
                speculate=speculate,
                short_window=short_window,
                # With a vocabulary the latency answers take the app's own prompt path (the spoken set
                # measures recall; this measures what the prompt costs at a stop).
                live=LiveConfig(pass_beside=pass_beside, vocabulary=vocabulary, prompt_form=prompt_form),
            )
            row = _answer_row(audio, reference, live)
            rows[seconds].append(row)
            answers.append(row)
            progress(f"answer {row['answer_s']} s: latency {row['latency_stop_s']} s")
    result["answers"] = answers
    result["latency_median_s"] = round(statistics.median(a["latency_stop_s"] for a in answers), 3)
    result["latency_max_s"] = max(a["latency_stop_s"] for a in answers)
    result["latency_by_length"] = {
        f"{seconds:.0f}": {
            "median_s": round(statistics.median(r["latency_stop_s"] for r in group), 3),
            "max_s": max(r["latency_stop_s"] for r in group),
            "runs": len(group),
        }
        for seconds, group in rows.items()
    }

    audio, _ = build_answer(clips, 30.0, seed=11)
    vad = streamed(
        model,
        audio,
        realtime=True,
        vad_end=True,
        speculate=speculate,
        short_window=short_window,
        live=LiveConfig(pass_beside=pass_beside),
    )
    result["vad_end"] = {
        "end_detection_to_final_s": round(vad["latency_from_end_s"], 3),
        "last_speech_to_final_s": round(vad["latency_from_last_speech_s"], 3),
        "end_reason": vad["end_reason"],
    }
    if synth is not None:
        result["filler_recovery"] = filler_recovery(model, synth)
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)

    # The reference: stock full passes over the same audio.
    audio_s, spent, pairs_full = 0.0, 0.0, []
    for clip in clips:
        text, seconds = timed_full_pass(model, clip.audio, "en")
        audio_s += len(clip.audio) / SAMPLE_RATE
        spent += seconds
        pairs_full.append((clip.reference, text))
    # Short clips each pay Whisper's 30 s window: this RTF is pessimistic; the answers give the long-audio RTF.
    result["rtf_full_pass"] = round(spent / audio_s, 4)
    result["real_speech_s"] = round(audio_s, 1)
    result["wer_fixtures_full_pass"] = round(100 * corpus_wer(pairs_full), 2)
    for seconds, (audio, reference) in built.items():
        full_text, full_s = timed_full_pass(model, audio, "en")
        reference_figures = {
            "full_pass_s": round(full_s, 3),
            "rtf_full_pass": round(full_s / (len(audio) / SAMPLE_RATE), 4),
            "wer_full_pass": round(100 * word_errors(reference, full_text).wer, 2),
        }
        for row in rows[seconds]:
            row.update(reference_figures)
    result["peak_rss_with_full_passes_mb"] = round(peak_rss_mb(), 1)
    return result


def _answer_row(audio: AudioArray, reference: str, live: dict[str, Any]) -> dict[str, Any]:
    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 3)

    return {
        "answer_s": round(len(audio) / SAMPLE_RATE, 1),
        "latency_stop_s": round(live["latency_from_end_s"], 3),
        "latency_from_last_speech_s": round(live["latency_from_last_speech_s"], 3),
        "wer_streamed": round(100 * word_errors(reference, live["text"]).wer, 2),
        "stretches": live["stretches"],
        "tentative_passes": live["tentative_passes"],
        "worker_busy_at_end": live["worker_busy_at_end"],
        "final_pass_s": rounded(live["final_pass_s"]),
        "final_pass_audio_s": rounded(live["final_pass_audio_s"]),
        "final_pass_beside": live["final_pass_beside"],
        "median_pass_s": rounded(live["median_pass_s"]),
        # Kept so a bad figure can be read back: what the stream wrote, and what was said.
        "text_streamed": live["text"],
        "reference": reference,
    }


# A backend interview's job description and question: the vocabulary the latency answers are fed with under
# `--vocabulary`, so that a stop is timed with a prompt as long as the app's.
LATENCY_JOB = (
    "Backend engineer. We build Python services with Django and FastAPI on PostgreSQL and Redis, ship them "
    "with Docker and Kubernetes on AWS, stream events through Kafka, and watch them with Prometheus and "
    "Grafana. Experience with Terraform, GraphQL, Elasticsearch and CI/CD is a plus."
)
LATENCY_QUESTION = "How would you find and fix a slow endpoint in a Django service backed by PostgreSQL?"


def latency_vocabulary() -> Vocabulary:
    return InterviewVocabulary.build(job_text=LATENCY_JOB, role="Backend engineer").for_question(
        LATENCY_QUESTION
    )
