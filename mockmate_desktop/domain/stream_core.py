"""The stitching of a live answer's transcript, with no threads, clocks or audio: fed frames and pass results.

`LiveTranscription` (speech/live.py) owns the threads, the VAD and Whisper; everything it decides about
*what* to transcribe and *how the pieces join* lives here, so it can be tested by feeding VAD probabilities
and hand-made pass results at explicit frame times:

    core = StreamCore(SegmenterConfig(...), StreamConfig(...))
    core.push(probability)          # one 32 ms frame of VAD output; may queue finished stretches
    job = core.next_pass()          # the pass to run now (a queued stretch, or a speculative/tentative one)
    core.accept(job, transcript)    # its result, timed from the start of `job.audio_start`
    core.final                      # the assembled Transcript once the last stretch is in

Time is counted in VAD frames (`SegmenterConfig.frame_s` each). A pass covers frames [start, end) with
`context` frames of audio before them that Whisper hears but whose words are dropped, because they were
committed by the pass before.

Stretch seams: Whisper hears the end of a stretch with no audio after it and now and then mishears the last
word ("became so" for "became slow"). The words of a stretch's last `StreamConfig.reheard_s` seconds are
therefore held back, and the next pass, which hears them again as its context with the following speech
after them, decides them. Held words the next pass does not cover are committed as first heard.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from .delivery import WordTiming
from .end_of_turn import EndOfTurnPolicy
from .segmentation import EndReason, Segmenter, SegmenterConfig, Stretch
from .transcript import Transcript, join_words


@dataclass(frozen=True)
class StreamConfig:
    context_s: float = (
        3.0  # audio before a stretch given to Whisper as context (a lone 3 s stretch is misheard)
    )
    boundary_s: float = 0.35  # Whisper's word times are this uncertain at a stretch boundary
    speculate: bool = True  # a pass at each pause, so an answer ending there is final at once
    speculate_after_s: float = 0.256  # silence after speech before a speculative pass
    tentative: bool = False  # refresh tentative text while idle (costs stop latency with base)
    tentative_every_s: float = 1.0  # new audio needed before a tentative pass is re-run
    tentative_min_s: float = 0.5  # a shorter unfinished stretch is not worth a pass
    merge_backlog: bool = True  # queued stretches are joined: a pass costs the same for 3 s as for 25 s
    max_merged_s: float = 26.0  # below Whisper's 30 s window, so a merged pass is still a single window
    reheard_s: float = 1.2  # a stretch's last words are decided by the next pass, which hears what follows
    max_context_s: float = 6.0  # a longer context to re-hear held words would cost more than it saves
    # A stretch that a speculative pass heard up to a pause is only transcribed from that pause on: the
    # pass over a whole 20 s stretch is what made an explicit stop wait over a second (see `_after_cover`).
    reuse_prefix: bool = True
    # With nothing on screen yet, one tentative pass once the unfinished stretch is this long, even where
    # tentative passes are off (base): without it the first words wait for the first pause, 3-8 s into
    # continuous speech, and the candidate cannot tell they are heard. None: off (the live answer sets it).
    first_words_s: float | None = None


@dataclass(frozen=True)
class Pass:
    """Frames [start, end) to transcribe, heard after `context` frames of earlier audio."""

    start: int
    end: int
    context: int
    stretch: Stretch | None = None  # None: a speculative or tentative pass over the unfinished stretch
    at_pause: bool = False  # a speculative pass: it ends in a pause of the unfinished stretch

    @property
    def audio_start(self) -> int:
        return self.start - self.context

    def serves(self, other: Pass) -> bool:
        """This pass's result can stand for `other`'s: the same frames, and at least as much context."""
        return (
            self.start == other.start
            and self.end == other.end
            and self.final == other.final
            and self.context >= other.context
        )

    @property
    def final(self) -> bool:
        return self.stretch is not None and self.stretch.final


@dataclass
class CoreStats:
    stretches: int = 0
    tentative_passes: int = 0
    reused_passes: int = 0
    reused_tentative: bool = False  # the final part came from a speculative pass (no wait at the end)
    reheard_words: int = 0  # held words whose spelling the next pass changed
    split_at_pause: int = 0  # stretches transcribed only after a speculative pass's pause


@dataclass
class _Cover:
    """A speculative/tentative pass over the unfinished stretch: frames [start, end) and its words."""

    start: int
    end: int
    words: list[WordTiming]
    text: str
    reheard: list[WordTiming] | None = None  # the held words as this pass heard them
    at_pause: bool = False  # it ended in a pause (a speculative pass), not mid-speech (a tentative one)


@dataclass
class StreamCore:
    segmenter_config: SegmenterConfig = field(default_factory=SegmenterConfig)
    config: StreamConfig = field(default_factory=StreamConfig)
    end_of_turn: EndOfTurnPolicy | None = None  # None: the segmenter's fixed end silence
    language: str = "en"
    model_name: str = ""

    def __post_init__(self) -> None:
        self.segmenter = Segmenter(self.segmenter_config)
        self.stats = CoreStats()
        self._jobs: deque[Stretch] = deque()
        self._words: list[WordTiming] = []  # committed, on the answer's timeline
        self._held: list[WordTiming] = []  # the last stretch's tail, to be re-heard by the next pass
        self._cover: _Cover | None = None
        self._language: str | None = None
        self.final: Transcript | None = None
        self._finished_silence: float | None = None
        self._unknown_silence: float | None = None
        if self.end_of_turn is not None:
            self.segmenter.end_without_speech = self.end_of_turn.config.end_before_speech
        self._update_end_of_turn()

    # ---- time in frames --------------------------------------------------------------------------------
    def frames(self, seconds: float) -> int:
        return max(0, round(seconds / self.segmenter_config.frame_s))

    def seconds(self, frames: int) -> float:
        return frames * self.segmenter_config.frame_s

    @property
    def ended(self) -> EndReason | None:
        return self.segmenter.ended

    # ---- producer side ---------------------------------------------------------------------------------
    def push(self, probability: float) -> list[Stretch]:
        """One frame's speech probability; returns the stretches it finished (also queued for passes)."""
        if self.end_of_turn is not None:
            # Speech not yet transcribed could end on "and": wait as if it did until a pass has heard it.
            known = self._tail_transcribed()
            self.segmenter.end_silence_s = self._finished_silence if known else self._unknown_silence
        stretches = self.segmenter.push(probability)
        self._jobs.extend(stretches)
        return stretches

    def stop(self, reason: EndReason = EndReason.STOPPED) -> list[Stretch]:
        stretches = self.segmenter.finish(reason)
        self._jobs.extend(stretches)
        return stretches

    def silence_progress(self) -> tuple[float, float] | None:
        """(seconds of silence since the last speech, seconds of silence that end the answer now) while the
        candidate pauses after speaking; None before any speech, while speaking, after the end, or when
        silence never ends the answer. The second figure changes as the end-of-turn policy hears the words."""
        seg = self.segmenter
        if (
            seg.first_speech is None
            or seg.speaking
            or seg.silence_run == 0
            or seg.ended is not None
            or not seg.config.auto_end
        ):
            return None
        needed = seg.config.end_silence_s if seg.end_silence_s is None else seg.end_silence_s
        return self.seconds(seg.silence_run), needed

    @property
    def state(self) -> str:
        """ "listening" / "speaking" / "paused" while the answer runs, then "finishing" / "done"."""
        if self.final is not None:
            return "done"
        if self.segmenter.ended is not None:
            return "finishing"
        if self.segmenter.speaking:
            return "speaking"
        if self.segmenter.silence_run and self.segmenter.first_speech is not None:
            return "paused"
        return "listening"

    # ---- worker side -----------------------------------------------------------------------------------
    def next_pass(self) -> Pass | None:
        """The pass to run now, or None. A queued stretch that a speculative pass already covers is
        committed here without a new pass (check `final` afterwards)."""
        if self.final is not None:
            return None
        if self._jobs:
            stretch = self._merge(self._jobs)
            if self._reusable(stretch):
                cover = self._cover
                assert cover is not None
                self.stats.reused_passes += 1
                self.stats.reused_tentative = self.stats.reused_tentative or stretch.final
                self._commit(stretch, cover.words, cover.reheard)
                return self.next_pass()
            stretch = self._after_cover(stretch)
            if stretch.has_speech and stretch.end > stretch.start:
                return Pass(stretch.start, stretch.end, self._context_for(stretch.start), stretch)
            self._commit(stretch, [])
            return self.next_pass()
        return self._speculative_pass()

    def pass_beside(self, running: Pass) -> Pass | None:
        """Once the answer has ended, the pass `next_pass` will give after `running` is accepted, so that a
        second Whisper worker can run it now instead of after `running`: at a stop, the pass still running
        and then the last stretch's own pass added up to over a second.

        Its context reaches back to where the words `running` holds back could start, so it serves
        whatever `running` hears (`Pass.serves`). None where the next pass cannot be known yet: the answer
        goes on, or more than the last stretch is queued.
        """
        if self.ended is None or self.final is not None or not self._jobs:
            return None
        stretch = self._merge(deque(self._jobs))
        if not stretch.final or not stretch.has_speech or stretch.end <= stretch.start:
            return None
        if running.stretch is not None:  # a stretch's pass: its last `reheard_s` will be held back
            if running.end > stretch.start:
                return None
            cut = (
                running.stretch.speech_end if running.stretch.speech_end is not None else running.stretch.end
            )
            return self._pass_reaching(stretch, self.seconds(cut) - self.config.reheard_s)
        if running.start != stretch.start or not running.start < running.end < stretch.end:
            return None
        if running.at_pause and self._reusable_by(stretch, running.start, running.end):
            return None  # the running pass will be the final part itself
        if running.at_pause and self.config.reuse_prefix:  # `_after_cover` will split the stretch there
            head_end = max(stretch.start + 1, running.end - self.frames(self.config.speculate_after_s))
            rest = Stretch(running.end, stretch.end, True, True, speech_end=stretch.speech_end)
            return self._pass_reaching(rest, self.seconds(head_end) - self.config.reheard_s)
        # A tentative pass changes nothing the next pass depends on.
        return Pass(stretch.start, stretch.end, self._context_for(stretch.start), stretch)

    def _covers_next(self, job: Pass) -> bool:
        """The speculative/tentative `job` heard the start of what is transcribed next: the unfinished
        stretch, or the stretch cut from it while the pass ran (at a stop, that pass is then the final part
        instead of being heard again)."""
        if self._jobs:
            return self._jobs[0].start == job.start
        return self.segmenter.stretch_start == job.start

    def _pass_reaching(self, stretch: Stretch, hold_from_s: float) -> Pass:
        """A pass over `stretch` whose context reaches words held back from `hold_from_s` on (bounded as in
        `_context_for`, which measures from the first held word itself and so never asks for more)."""
        reach = stretch.start - self.frames(max(0.0, hold_from_s)) + self.frames(self.config.boundary_s)
        context = max(self.frames(self.config.context_s), min(reach, self.frames(self.config.max_context_s)))
        return Pass(stretch.start, stretch.end, min(stretch.start, context), stretch)

    @property
    def pending(self) -> bool:
        """A stretch is queued: the worker should not sleep."""
        return bool(self._jobs)

    def accept(self, job: Pass, raw: Transcript) -> None:
        """The result of `job`, its word times counted from `job.audio_start`."""
        if raw.language:
            self._language = self._language or raw.language
        offset = self.seconds(job.audio_start)
        words = [
            w.model_copy(update={"start": w.start + offset, "end": max(w.start, w.end) + offset})
            for w in raw.words
        ]
        reheard, kept = self._split(words, job)
        if job.stretch is None:
            self.stats.tentative_passes += 1
            if self.final is None and self._covers_next(job):
                self._cover = _Cover(job.start, job.end, kept, _join(kept), reheard, job.at_pause)
                self._update_end_of_turn()
            return
        self._commit(job.stretch, kept, reheard)

    # ---- text ------------------------------------------------------------------------------------------
    @property
    def committed_text(self) -> str:
        return _join(self._words)

    @property
    def tentative_text(self) -> str:
        held = _join(self._held)
        cover = self._cover.text if self._cover else ""
        return join_words((held, cover))

    def words_so_far(self) -> list[WordTiming]:
        """Committed, held and speculative words: the best account of what has been said."""
        return [*self._words, *self._held, *(self._cover.words if self._cover else [])]

    # ---- internals -------------------------------------------------------------------------------------
    def _context_for(self, start: int) -> int:
        context = self.frames(self.config.context_s)
        if self._held:
            # Reach back far enough to hear the held words again (bounded: context costs pass time).
            reach = start - self.frames(self._held[0].start) + self.frames(self.config.boundary_s)
            context = max(context, min(reach, self.frames(self.config.max_context_s)))
        return min(start, context)

    def _merge(self, jobs: deque[Stretch]) -> Stretch:
        """The first queued stretch joined with those after it (popped from `jobs`)."""
        stretch = jobs.popleft()
        while self.config.merge_backlog and not stretch.final and jobs:
            following = jobs[0]
            if self.seconds(following.end - stretch.start) > self.config.max_merged_s:
                break
            jobs.popleft()
            stretch = Stretch(
                stretch.start,
                following.end,
                stretch.has_speech or following.has_speech,
                following.final,
                speech_end=following.speech_end or stretch.speech_end,
            )
        return stretch

    def _reusable(self, stretch: Stretch) -> bool:
        cover = self._cover
        return cover is not None and self._reusable_by(stretch, cover.start, cover.end)

    def _reusable_by(self, stretch: Stretch, start: int, end: int) -> bool:
        """A pass over [start, end) heard all of `stretch`'s speech and little more: its words are the
        stretch's."""
        slack = self.frames(self.config.speculate_after_s) + 1
        return (
            stretch.has_speech
            and stretch.speech_end is not None
            and start == stretch.start
            and stretch.speech_end <= end <= stretch.speech_end + slack
        )

    def _after_cover(self, stretch: Stretch) -> Stretch:
        """What is left of `stretch` to transcribe once a speculative pass's words are used for its start.

        The candidate paused (a speculative pass heard the stretch up to that pause) and then went on
        talking. Without this the stretch's pass would hear all of it again: up to 20 s plus context, over a
        second for base, which is what an explicit stop waited for. The pause is a seam like a stretch cut:
        the words of its last `reheard_s` are held back and re-heard by the pass over the rest.
        """
        cover = self._cover
        if (
            not self.config.reuse_prefix
            or cover is None
            or not cover.at_pause
            or not cover.words
            or not stretch.has_speech
            or cover.start != stretch.start
            or not stretch.start < cover.end < stretch.end
        ):
            return stretch
        pause = self.frames(self.config.speculate_after_s)
        head = Stretch(stretch.start, cover.end, True, speech_end=max(stretch.start + 1, cover.end - pause))
        self.stats.reused_passes += 1
        self.stats.split_at_pause += 1
        self._commit(head, cover.words, cover.reheard)
        return Stretch(cover.end, stretch.end, True, stretch.final, speech_end=stretch.speech_end)

    def _speculative_pass(self) -> Pass | None:
        seg, cfg = self.segmenter, self.config
        if seg.ended is not None or not seg.stretch_has_speech or seg.last_speech is None:
            return None
        start, end = seg.stretch_start, seg.frames
        cover = self._cover
        covered = cover is not None and cover.start == start and cover.end > seg.last_speech
        after = self.frames(cfg.speculate_after_s)
        if cfg.speculate and seg.silence_run >= after and not covered:
            return Pass(start, min(end, seg.last_speech + 1 + after), self._context_for(start), at_pause=True)
        if self._first_words_due(start, end):
            return Pass(start, end, self._context_for(start))
        if (
            not cfg.tentative
            or end - start < self.frames(cfg.tentative_min_s)
            or (cover and cover.start == start and end - cover.end < self.frames(cfg.tentative_every_s))
        ):
            return None
        return Pass(start, end, self._context_for(start))

    def _first_words_due(self, start: int, end: int) -> bool:
        cfg, cover = self.config, self._cover
        if (
            cfg.first_words_s is None
            or self._words
            or self._held
            or end - start < self.frames(cfg.first_words_s)
        ):
            return False
        # Again only if the last try heard no words and there is new audio worth another pass.
        return cover is None or (
            not cover.text and cover.start == start and end - cover.end >= self.frames(cfg.tentative_every_s)
        )

    def _split(self, words: list[WordTiming], job: Pass) -> tuple[list[WordTiming] | None, list[WordTiming]]:
        """(the held words as this pass re-heard them, or None; the words of [job.start, job.end)).

        Context words are dropped by time; a word whose time touches the boundary is decided by text: it is
        context if it repeats one of the last two words before it.
        """
        start_s = self.seconds(job.start)
        margin = self.config.boundary_s
        reheard = self._reheard(words, start_s)
        before = [*self._words, *(self._held if reheard is None else reheard)]
        tail = {_norm(w.word) for w in before[-2:]}
        kept = [
            w
            for w in words
            if w.end > start_s - margin and not (w.start < start_s + margin and _norm(w.word) in tail)
        ]
        return reheard, kept

    def _reheard(self, words: list[WordTiming], start_s: float) -> list[WordTiming] | None:
        """The pass's version of the held words, when it heard them with audio to spare before them."""
        held = self._held
        if not held or not words:
            return None
        margin = self.config.boundary_s
        if words[0].start > held[0].start + margin / 2 and _norm(words[0].word) != _norm(held[0].word):
            return None  # the pass's audio did not reach back to the first held word
        first = held[0].start - margin / 2
        # By the middle of a word: Whisper stretches words over the pauses next to them.
        again = [w for w in words if (w.start + w.end) / 2 >= first and w.start < start_s - margin]
        last_committed = _norm(self._words[-1].word) if self._words else None
        if again and last_committed == _norm(again[0].word) != _norm(held[0].word):
            again = again[1:]
        if not again or len(again) > 2 * len(held) + 2:
            return None  # nothing heard there, or an account too different to trust over the first
        return again

    def _commit(
        self, stretch: Stretch, words: list[WordTiming], reheard: list[WordTiming] | None = None
    ) -> None:
        if reheard is not None:
            self.stats.reheard_words += sum(
                1 for a, b in zip(self._held, reheard, strict=False) if _norm(a.word) != _norm(b.word)
            ) + abs(len(self._held) - len(reheard))
            self._held = reheard
        self._cover = None
        self._words.extend(self._held)
        self._held = []
        if stretch.has_speech and stretch.end > stretch.start:
            self.stats.stretches += 1
        if stretch.final:
            self._words.extend(words)
            self.final = Transcript(
                text=_join(self._words),
                words=list(self._words),
                language=self._language or self.language,
                duration_s=self.seconds(self.segmenter.frames),
                model_name=self.model_name,
            )
            return
        cut = self.seconds(stretch.speech_end if stretch.speech_end is not None else stretch.end)
        hold_from = cut - self.config.reheard_s
        split = len(words)
        while split > 0 and words[split - 1].start >= hold_from:
            split -= 1
        self._words.extend(words[:split])
        self._held = words[split:]
        self._update_end_of_turn()

    def _update_end_of_turn(self) -> None:
        """Judge from the words so far how long a silence ends the answer (after every pass)."""
        if self.end_of_turn is not None:
            self._finished_silence = self.end_of_turn.silence_needed(_join(self.words_so_far()))
            self._unknown_silence = self.end_of_turn.silence_needed(None)

    def _tail_transcribed(self) -> bool:
        seg, cover = self.segmenter, self._cover
        if not seg.stretch_has_speech or seg.last_speech is None:
            return True
        return cover is not None and cover.start == seg.stretch_start and cover.end > seg.last_speech


_WORD = re.compile(r"[^\w']+")


def _norm(word: str) -> str:
    return _WORD.sub("", word.lower())


def _join(words: list[WordTiming]) -> str:
    return join_words(w.word for w in words)
