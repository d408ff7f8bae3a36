"""The spoken technical-answers set: reference texts (tests/fixtures/spoken_answers/answers.json) spoken by
espeak-ng voices at bench/test time, cached by content hash (no WAVs are committed).

Each answer names its job (description and resume give the interview's vocabulary), its question, its voice
and rate, and its split: a third is held out from all tuning and the benchmark reports on that third.
"[pause 3.0]" in a text is a thinking pause of that length. Terms are written in the lexicon's canonical
spelling in the reference; `SAY` gives how a candidate says the few that espeak-ng would spell out oddly.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .protocols import SAMPLE_RATE, AudioArray, SpeechUnavailableError
from .wavio import read_wav_16k_mono, write_wav

SET_FILE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "spoken_answers" / "answers.json"
_PAUSE = re.compile(r"\[pause (\d+(?:\.\d+)?)\]")
EDGE_SILENCE_S = 0.4  # before and after each answer, as a microphone records it
SYNTH_TIMEOUT_S = 30.0
# How candidates say terms that espeak-ng would read letter by letter or mispronounce.
SAY = {
    "PostgreSQL": "postgres Q L",
    "gRPC": "G R P C",
    "Nginx": "engine X",
    "Kubernetes": "koober netties",
    "CI/CD": "C I C D",
    "p99": "P ninety nine",
    "dbt": "D B T",
    "iOS": "eye O S",
    "SwiftUI": "Swift U I",
    "XGBoost": "X G boost",
    "NumPy": "num pie",
    "PyTorch": "pie torch",
    "Argo CD": "Argo C D",
    "AWS": "A W S",
    "SQL": "S Q L",
    "JSON": "jason",
    "OpenAPI": "open A P I",
    "Next.js": "next J S",
    "Tailwind CSS": "tailwind C S S",
    "GraphQL": "graph Q L",
    "FastAPI": "fast A P I",
    "RabbitMQ": "rabbit M Q",
    "scikit-learn": "sci kit learn",
    "MongoDB": "mongo D B",
    "GitHub": "git hub",
    "API": "A P I",
    "APIs": "A P Is",
    "DAGs": "dags",
}
_SAY_PATTERN = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(SAY, key=len, reverse=True)) + r")(?![\w])"
)


@dataclass(frozen=True)
class Job:
    key: str
    title: str
    description: str
    resume: str


@dataclass(frozen=True)
class SpokenAnswer:
    id: str
    job: Job
    question: str
    script: str  # with pause marks
    voice: str
    rate: int
    split: str  # "tune" or "heldout"
    language: str = "en"

    @property
    def reference(self) -> str:
        return " ".join(_PAUSE.sub(" ", self.script).split())

    @property
    def pauses(self) -> list[float]:
        return [float(m.group(1)) for m in _PAUSE.finditer(self.script)]

    def with_pause(self, seconds: float, after_words: int) -> SpokenAnswer:
        """The same answer with a thinking pause inserted after its first `after_words` words."""
        words = self.script.split()
        script = " ".join([*words[:after_words], f"[pause {seconds:.1f}]", *words[after_words:]])
        return replace(self, id=f"{self.id}+p", script=script)


def load_set(path: Path = SET_FILE) -> list[SpokenAnswer]:
    data = json.loads(path.read_text(encoding="utf-8"))
    jobs = {
        key: Job(key, job["title"], job["description"], job["resume"]) for key, job in data["jobs"].items()
    }
    return [
        SpokenAnswer(
            a["id"],
            jobs[a["job"]],
            a["question"],
            a["text"],
            a["voice"],
            int(a["rate"]),
            a["split"],
            a.get("language", "en"),
        )
        for a in data["answers"]
    ]


def spoken_form(text: str) -> str:
    return _SAY_PATTERN.sub(lambda m: SAY[m.group(1)], text)


def cache_key(answer: SpokenAnswer) -> str:
    payload = json.dumps([answer.script, answer.voice, answer.rate, SAY, EDGE_SILENCE_S], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


def synthesize(answer: SpokenAnswer, cache_dir: Path) -> Path:
    """The answer as a 16 kHz mono WAV (made once per content hash)."""
    target = cache_dir / f"{answer.id.replace('+', '_')}-{cache_key(answer)}.wav"
    if target.is_file() and target.stat().st_size > 44:
        return target
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        raise SpeechUnavailableError("espeak-ng is not installed (Debian/Ubuntu: sudo apt install espeak-ng)")
    parts: list[AudioArray] = [_silence(EDGE_SILENCE_S)]
    pieces = _PAUSE.split(answer.script)  # text, seconds, text, seconds, ...
    with tempfile.TemporaryDirectory() as tmp:
        for index, piece in enumerate(pieces):
            if index % 2 == 1:
                parts.append(_silence(float(piece)))
                continue
            if not piece.strip():
                continue
            wav = Path(tmp) / f"{index}.wav"
            command = [espeak, "-v", answer.voice, "-s", str(answer.rate), "-w", str(wav), spoken_form(piece)]
            done = subprocess.run(command, capture_output=True, timeout=SYNTH_TIMEOUT_S, check=False)
            if done.returncode != 0 or not wav.is_file():
                raise SpeechUnavailableError(
                    f"espeak-ng failed for voice {answer.voice}: {done.stderr.decode(errors='replace')[:200]}"
                )
            parts.append(_trim(read_wav_16k_mono(wav)))
    parts.append(_silence(EDGE_SILENCE_S))
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Named per process: two benches synthesising the same answer at once must not write one partial file.
    partial = target.with_name(f"{target.stem}.{os.getpid()}.part.wav")
    write_wav(partial, np.concatenate(parts))
    partial.replace(target)
    return target


def _silence(seconds: float) -> AudioArray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


def _trim(audio: AudioArray, threshold: float = 0.005) -> AudioArray:
    """espeak-ng pads its output with silence: trimmed so a pause mark is the pause's whole length."""
    loud = np.flatnonzero(np.abs(audio) > threshold)
    return audio[loud[0] : loud[-1] + 1] if len(loud) else audio
