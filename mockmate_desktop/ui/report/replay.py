"""Replay of one recorded answer with seek, its transcript following along word by word, fillers marked.

Playback goes through the window's SoundPlayer (one sound at a time, on a worker). Seeking restarts it from
the chosen second: the worker cuts the recording from there into a private scratch file and plays that. The
position shown is a clock started when playback starts, so the highlight needs no audio callback.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.delivery_metrics import find_fillers
from ...domain.interview import Answer
from ...domain.report_html import esc
from ...domain.transcript import space_before

if TYPE_CHECKING:
    from ..main_window import MainWindow

_TICK_MS = 50
_WORD_STYLE = "background:#1a73e8; color:white; border-radius:3px"
_FILLER_STYLE = "background:#ffe08a; color:#5c4400"


def filler_indices(answer: Answer, language: str) -> set[int]:
    """Every word index that is part of a filler ("um", "you know")."""
    marked: set[int] = set()
    for first, phrase in find_fillers(answer.words, language):
        marked.update(range(first, first + len(phrase.split())))
    return marked


def transcript_html(answer: Answer, fillers: set[int], current: int | None) -> str:
    if not answer.words:
        return f"<p>{esc(answer.transcript) or '<i>(no answer)</i>'}</p>"
    spans: list[str] = []
    for index, word in enumerate(answer.words):
        raw = word.word.strip()
        text = esc(raw)
        if index == current:
            text = f"<span style='{_WORD_STYLE}'>{text}</span>"
        elif index in fillers:
            text = f"<span style='{_FILLER_STYLE}'>{text}</span>"
        # Whisper's "'ai" and "-vous" go on with the word before them: "j'ai", not "j 'ai".
        spans.append(space_before(raw, after_text=bool(spans)) + text)
    return "<p style='line-height:140%'>" + "".join(spans) + "</p>"


def clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class SeekSlider(QSlider):
    """A timeline: a click on the groove jumps there (a plain slider only steps a page towards the click)."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            handle = self.style().subControlRect(
                QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
            )
            if not handle.contains(event.position().toPoint()):
                groove = self.style().subControlRect(
                    QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
                )
                span = max(1, groove.width() - handle.width())
                x = int(event.position().x()) - groove.x() - handle.width() // 2
                self.setValue(QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), x, span))
                event.accept()
                return
        super().mousePressEvent(event)


class AnswerReplay(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.answer: Answer | None = None
        self.language = "en"
        self.fillers: set[int] = set()
        self._starts: list[float] = []
        self._current: int | None = None
        self._offset_s = 0.0
        self._clock = QElapsedTimer()
        self._playing = False
        self._tick = QTimer(self)
        self._tick.setInterval(_TICK_MS)
        self._tick.timeout.connect(self._on_tick)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.transcript = QTextBrowser()
        self.transcript.setObjectName("replayTranscript")
        self.transcript.setMinimumHeight(90)
        layout.addWidget(self.transcript, 1)
        row = QHBoxLayout()
        self.play_button = QPushButton("▶ Play my answer")
        self.play_button.setObjectName("replayPlay")
        self.play_button.clicked.connect(self.toggle)
        self.seek = SeekSlider(Qt.Orientation.Horizontal)
        self.seek.setObjectName("replaySeek")
        self.seek.setAccessibleName("Position in the recording")
        self.seek.setSingleStep(1000)
        self.seek.setPageStep(5000)
        self.seek.valueChanged.connect(self._on_seek)
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setObjectName("replayTime")
        self.legend = QLabel(
            f"<span style='{_FILLER_STYLE}'>&nbsp;filler&nbsp;</span> "
            f"<span style='{_WORD_STYLE}'>&nbsp;now playing&nbsp;</span>"
        )
        row.addWidget(self.play_button)
        row.addWidget(self.seek, 1)
        row.addWidget(self.time_label)
        row.addWidget(self.legend)
        layout.addLayout(row)
        window.player.finished.connect(self._on_player_finished)

    # content ----------------------------------------------------------------------------------------
    @property
    def duration_s(self) -> float:
        if self.answer is None:
            return 0.0
        last_word = self.answer.words[-1].end if self.answer.words else 0.0
        return max(self.answer.duration_s, last_word)

    def set_answer(self, answer: Answer | None, language: str) -> None:
        self.stop()
        self.answer = answer
        self.language = language
        self.fillers = filler_indices(answer, language) if answer is not None else set()
        self._starts = [w.start for w in answer.words] if answer is not None else []
        self._current = None
        self._offset_s = 0.0
        has_audio = answer is not None and bool(answer.audio_path)
        self.play_button.setEnabled(has_audio)
        self.play_button.setToolTip("" if has_audio else "No recording for this answer (typed or skipped)")
        self.seek.setEnabled(has_audio)
        self.seek.blockSignals(True)
        self.seek.setRange(0, int(self.duration_s * 1000))
        self.seek.setValue(0)
        self.seek.blockSignals(False)
        self.legend.setVisible(bool(self.fillers) or bool(self._starts))
        # The recording's length before it is played; a typed answer has none (its duration is typing time).
        self.time_label.setText(f"{clock(0)} / {clock(self.duration_s if has_audio else 0)}")
        self._render()

    def word_at(self, seconds: float) -> int | None:
        """The word being spoken at `seconds` (the last one started), None before the first word."""
        index = bisect_right(self._starts, seconds) - 1
        return index if index >= 0 else None

    @property
    def position_s(self) -> float:
        if self._playing:
            return min(self.duration_s, self._offset_s + self._clock.elapsed() / 1000)
        return self._offset_s

    @property
    def playing(self) -> bool:
        return self._playing

    # playback ---------------------------------------------------------------------------------------
    def toggle(self) -> None:
        if self._playing:
            self.stop()
        else:
            self.play_from(self._offset_s if self._offset_s < self.duration_s - 0.05 else 0.0)

    def play_from(self, seconds: float) -> None:
        answer = self.answer
        if answer is None or not answer.audio_path:
            return
        relative = answer.audio_path
        services = self.window_.services
        scratch = services.paths.tts_cache_dir / "replay.wav"
        start = max(0.0, seconds)

        def clip() -> Path:
            # On the worker: reading and cutting a recording touches the disk.
            return cut_recording(services.store.resolve(relative), start, scratch)

        self._offset_s = start
        self._playing = True
        self.window_.player.play(clip, on_error=self._failed)
        self._clock.start()
        self._tick.start()
        self.play_button.setText("■ Stop")
        self._on_tick()

    def stop(self) -> None:
        if self._playing:
            self._offset_s = self.position_s
            self._playing = False
            self.window_.player.stop()
        self._tick.stop()
        self.play_button.setText("▶ Play my answer")

    def _on_player_finished(self) -> None:
        if self._playing and not self.window_.player.playing:
            self._playing = False
            self._tick.stop()
            self._offset_s = 0.0
            self.play_button.setText("▶ Play my answer")
            self._show_position(0.0)

    def _failed(self, exc: BaseException) -> None:
        self._playing = False
        self._tick.stop()
        self.play_button.setText("▶ Play my answer")
        self.window_.show_exception(exc, "Playing the recording")

    def _on_seek(self, value_ms: int) -> None:
        seconds = value_ms / 1000
        if self._playing:
            self.play_from(seconds)
        else:
            self._offset_s = seconds
            self._show_position(seconds)

    def _on_tick(self) -> None:
        self._show_position(self.position_s)

    def _show_position(self, seconds: float) -> None:
        self.seek.blockSignals(True)
        self.seek.setValue(int(seconds * 1000))
        self.seek.blockSignals(False)
        self.time_label.setText(f"{clock(seconds)} / {clock(self.duration_s)}")
        current = self.word_at(seconds) if (self._playing or seconds > 0) else None
        if current != self._current:
            self._current = current
            self._render()

    def _render(self) -> None:
        if self.answer is None:
            self.transcript.setHtml("<p><i>(no answer)</i></p>")
            return
        bar = self.transcript.verticalScrollBar()
        keep = bar.value()
        self.transcript.setHtml(transcript_html(self.answer, self.fillers, self._current))
        bar.setValue(keep)


def cut_recording(source: Path, start_s: float, target: Path) -> Path:
    """The recording from `start_s` on, as a WAV the player can open (the whole file when start is 0)."""
    if start_s <= 0:
        return source
    from ...speech.protocols import SAMPLE_RATE
    from ...speech.wavio import read_wav_16k_mono, write_wav

    audio = read_wav_16k_mono(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_wav(target, audio[int(start_s * SAMPLE_RATE) :])
