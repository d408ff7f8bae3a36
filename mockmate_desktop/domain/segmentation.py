"""Pure end-pointing and chunking of a live answer from per-frame voice-activity probabilities.

Frames are fixed-length (Silero VAD uses 512 samples = 32 ms at 16 kHz). The segmenter decides where to cut the
answer into stretches for transcription (in the middle of a pause, so no word is split) and when the answer is
over (silence after speech, no speech within the grace period, or the maximum length).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EndReason(StrEnum):
    SILENCE = "silence"
    NO_SPEECH = "no_speech"
    MAX_LENGTH = "max_length"
    STOPPED = "stopped"
    ERROR = "error"


@dataclass(frozen=True)
class SegmenterConfig:
    frame_s: float = 0.032
    threshold: float = 0.5
    neg_threshold: float = 0.35
    cut_pause_s: float = 0.4  # a pause at least this long may end a stretch
    min_stretch_s: float = 3.0  # shorter stretches lose Whisper's context and cost a full pass each
    max_stretch_s: float = 20.0  # Whisper sees 30 s windows; force a cut well before
    end_silence_s: float = 1.5
    first_word_grace_s: float = 8.0
    max_answer_s: float = 300.0
    auto_end: bool = True
    pad_s: float = 0.2  # silence kept before the first word of a stretch


@dataclass(frozen=True)
class Stretch:
    """Frames [start, end) of the answer to transcribe; `final` marks the last one."""

    start: int
    end: int
    has_speech: bool
    final: bool = False
    speech_end: int | None = None  # frame after the stretch's last speech frame


@dataclass
class Segmenter:
    config: SegmenterConfig = field(default_factory=SegmenterConfig)
    frames: int = 0
    speaking: bool = False
    first_speech: int | None = None
    last_speech: int | None = None
    stretch_start: int = 0
    stretch_has_speech: bool = False
    silence_run: int = 0
    best_gap_mid: int | None = None  # middle of the latest short pause, for forced cuts
    ended: EndReason | None = None
    # Set while the answer runs by an end-of-turn policy (domain/end_of_turn.py), which judges from the
    # words so far how long a silence ends this answer; None: the config's fixed `end_silence_s`.
    end_silence_s: float | None = None
    end_without_speech: bool = True  # False: silence before any speech never ends the answer

    def _frames(self, seconds: float) -> int:
        return max(1, round(seconds / self.config.frame_s))

    def push(self, probability: float) -> list[Stretch]:
        """Consume one frame's speech probability; returns stretches that are now complete."""
        if self.ended is not None:
            return []
        cfg = self.config
        index = self.frames
        self.frames += 1
        if probability >= cfg.threshold:
            self.speaking = True
        elif probability < cfg.neg_threshold:
            self.speaking = False
        out: list[Stretch] = []
        if self.speaking:
            if self.first_speech is None:
                self.first_speech = index
            if not self.stretch_has_speech:
                self.stretch_start = max(self.stretch_start, index - self._frames(cfg.pad_s))
            self.stretch_has_speech = True
            self.last_speech = index
            if self.silence_run >= 3:
                self.best_gap_mid = index - self.silence_run // 2
            self.silence_run = 0
        else:
            self.silence_run += 1
            if not self.stretch_has_speech:
                self.stretch_start = max(self.stretch_start, self.frames - self._frames(cfg.pad_s))
        stretch_len = self.frames - self.stretch_start
        if (
            self.stretch_has_speech
            and self.silence_run == self._frames(cfg.cut_pause_s)
            and stretch_len >= self._frames(cfg.min_stretch_s)
        ):
            out.append(self._cut(self.frames - self.silence_run // 2))
        elif self.stretch_has_speech and stretch_len >= self._frames(cfg.max_stretch_s):
            gap = self.best_gap_mid
            cut_at = gap if gap is not None and gap > self.stretch_start + self._frames(1.0) else self.frames
            out.append(self._cut(cut_at))
        if cfg.auto_end:
            reason = self._end_reason()
            if reason is not None:
                out.extend(self.finish(reason))
        return out

    def _end_reason(self) -> EndReason | None:
        cfg = self.config
        if self.frames >= self._frames(cfg.max_answer_s):
            return EndReason.MAX_LENGTH
        if self.first_speech is None:
            waited = self.frames >= self._frames(cfg.first_word_grace_s)
            return EndReason.NO_SPEECH if waited and self.end_without_speech else None
        end_silence = cfg.end_silence_s if self.end_silence_s is None else self.end_silence_s
        if self.silence_run >= self._frames(end_silence):
            return EndReason.SILENCE
        return None

    def _cut(self, at: int) -> Stretch:
        last = self.last_speech
        speech_end = at if last is None or last >= at else last + 1
        stretch = Stretch(self.stretch_start, at, has_speech=True, speech_end=speech_end)
        self.stretch_start = at
        self.best_gap_mid = None
        # Speech after the cut point (a forced cut mid-stretch) still belongs to the next stretch.
        self.stretch_has_speech = self.last_speech is not None and self.last_speech >= at
        return stretch

    def finish(self, reason: EndReason) -> list[Stretch]:
        """End the answer now; returns the last stretch (possibly without speech)."""
        if self.ended is not None:
            return []
        self.ended = reason
        end = self.frames
        if self.stretch_has_speech and self.last_speech is not None:
            # Trailing silence adds nothing but Whisper time.
            end = min(self.frames, self.last_speech + 1 + self._frames(self.config.pad_s))
        speech_end = (
            self.last_speech + 1 if self.stretch_has_speech and self.last_speech is not None else None
        )
        return [
            Stretch(
                self.stretch_start,
                max(end, self.stretch_start),
                self.stretch_has_speech,
                final=True,
                speech_end=speech_end,
            )
        ]


def silent_spans(
    probabilities: list[float], frame_s: float = 0.032, threshold: float = 0.5, min_s: float = 0.3
) -> list[tuple[float, float]]:
    """(start, end) seconds of runs of non-speech frames at least `min_s` long.

    Whisper's word timestamps often stretch a word over the silence next to it, so pauses measured from
    word gaps alone are undercounted; these VAD spans are the audio's own account of silence.
    """
    spans: list[tuple[float, float]] = []
    run_start: int | None = None
    for index, probability in enumerate([*probabilities, 1.0]):
        if probability < threshold:
            if run_start is None:
                run_start = index
        elif run_start is not None:
            if (index - run_start) * frame_s >= min_s:
                spans.append((run_start * frame_s, index * frame_s))
            run_start = None
    return [(a, min(b, len(probabilities) * frame_s)) for a, b in spans]
