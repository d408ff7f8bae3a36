"""The window's face of an interview: it drives the same `InterviewOrchestrator` as the terminal.

It keeps no interview rules: which question comes next, what is stored, follow-ups, fallbacks and reports are
the orchestrator's, called through the task runner. This object reads the question aloud, opens the
microphone or the typing box, hands the answer back, and reports through signals that the page renders.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QObject, Signal

from ..domain.enums import AnswerMode
from ..domain.interview import InterviewSession, Question
from ..domain.resume import ResumeProfile
from ..services.orchestrator import Finished, InterviewOrchestrator, Prompt, Response
from .answer_timers import AnswerTimers, AnswerTiming
from .audio_worker import AnswerCapture, CapturedAnswer
from .errors import ActionableError

if TYPE_CHECKING:
    from ..domain.config import InterviewConfig
    from .main_window import MainWindow
    from .services import Step

log = logging.getLogger(__name__)


class Phase(StrEnum):
    IDLE = "idle"
    PREPARING = "preparing"
    LOADING = "loading"
    SPEAKING = "speaking"
    LISTENING = "listening"
    TRANSCRIBING = "transcribing"
    REVIEW = "review"  # a spoken take is on screen; it is submitted only when accepted
    TYPING = "typing"
    THINKING = "thinking"
    REPORTING = "reporting"
    DONE = "done"


PHASE_TEXT = {
    Phase.IDLE: "Ready",
    Phase.PREPARING: "Preparing your questions…",
    Phase.LOADING: "Loading the speech model… listening starts as soon as it is ready",
    Phase.SPEAKING: "Speaking the question…",
    Phase.LISTENING: "Listening — answer now; press Space when you are done",
    Phase.TRANSCRIBING: "Transcribing the end of your answer…",
    Phase.REVIEW: "Check your answer — Next question (Space) or Re-record (R)",
    Phase.TYPING: "Type your answer, then press Ctrl+Enter",
    Phase.THINKING: "Thinking about your answer…",
    Phase.REPORTING: "Writing your report…",
    Phase.DONE: "Interview finished",
}


class InterviewController(QObject):
    phase_changed = Signal(str)
    question_changed = Signal(object, int, int)  # question, number among main questions, total main
    level = Signal(float)
    transcript = Signal(str, str)  # committed, tentative
    answer_saved = Signal(object)  # Answer
    report_arrived = Signal(object)  # one report, emitted from a worker; delivered on the GUI thread
    reports_done = Signal(object)  # the session id
    failed = Signal(object, str)  # exception, what we were doing
    notice = Signal(str)  # a non-error remark for the banner (e.g. fell back to offline)
    review = Signal(str)  # the whole final text of a spoken take, shown before it is submitted
    mic_opened = Signal()  # the microphone delivers audio: "Listening" is true from now on

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.services = window.services
        self.tasks = window.tasks
        self.phase = Phase.IDLE
        self.session: InterviewSession | None = None  # the GUI thread's copy, refreshed after every step
        self.interview: InterviewOrchestrator | None = None  # used on workers only
        self.question: Question | None = None
        self.capture: AnswerCapture | None = None
        self.answer_clock = QElapsedTimer()
        self.typed_mode = False
        self._retiring: set[AnswerCapture] = set()
        self._tts_warned = False
        self.take: CapturedAnswer | None = None  # the spoken take under review, not submitted yet
        self.mic_open = False  # the current take's microphone has delivered audio (it takes ~0.1-1 s)
        self._finish_after_save = False  # ended during a review: the take is saved, then the report made
        self.timers = AnswerTimers(self)
        self.timers.review_elapsed.connect(self.accept_answer)
        # Read at each listening start, so a changed setting applies to the next question; tests may swap it.
        self.timing: Callable[[], AnswerTiming] = lambda: AnswerTiming.from_settings(self.services.settings)
        self.report_arrived.connect(self._on_report)

    # lifecycle --------------------------------------------------------------------------------------
    def _set_phase(self, phase: Phase) -> None:
        if phase is not Phase.LISTENING:
            self.timers.stop()
        self.phase = phase
        self.phase_changed.emit(phase.value)

    def start(self, config: InterviewConfig, resume: ResumeProfile | None) -> None:
        self._reset()
        self.typed_mode = config.answer_mode is AnswerMode.TYPED
        self._set_phase(Phase.PREPARING)
        self.tasks.run(
            lambda: self.services.start_interview(config, resume),
            self._on_step,
            lambda exc: self._fail(exc, "Preparing the interview"),
        )

    def resume(self, session_id: Any) -> None:
        self._reset()
        self._set_phase(Phase.PREPARING)
        self.tasks.run(
            lambda: self.services.open_interview(session_id),
            self._on_step,
            lambda exc: self._fail(exc, "Resuming the interview"),
        )

    def _reset(self) -> None:
        self._tts_warned = False
        self.stop_capture(discard=True)
        self.take = None
        self._finish_after_save = False
        self.session = None
        self.interview = None
        self.question = None

    def _on_step(self, step: Step) -> None:
        first = self.interview is None
        if (first and self.phase is not Phase.PREPARING) or (not first and step.interview is not self.interview):
            return  # a step of an interview the candidate has left meanwhile
        self.interview, self.session = step.interview, step.session
        if first:
            self.typed_mode = self.session.config.answer_mode is AnswerMode.TYPED
        for note in step.notes:
            self.notice.emit(note)
        if step.answer is not None:
            self.answer_saved.emit(step.answer)
        if self._finish_after_save:
            self._finish_after_save = False
            self.finish(ended_early=True)
            return
        self._advance(step.prompt)

    def _fail(self, exc: BaseException, doing: str) -> None:
        log.warning("%s failed: %s", doing, exc)
        self.failed.emit(exc, doing)
        if self._finish_after_save:
            self._finish_after_save = False
            self.finish(ended_early=True)
        elif self.phase in (Phase.PREPARING,):
            self._set_phase(Phase.IDLE)
        elif self.phase is Phase.THINKING and self.question is not None:
            # The answer could not be stored: ask the same question again rather than strand the candidate.
            self.ask()

    # asking -----------------------------------------------------------------------------------------
    def _advance(self, prompt: Prompt | None) -> None:
        if prompt is None:
            self.finish()
            return
        self.question = prompt.question
        self.question_changed.emit(prompt.question, prompt.number, prompt.total)
        self.ask()

    def ask(self) -> None:
        """Read the question aloud; when it has been spoken (or cannot be), open the answer."""
        if self.question is None or self.session is None:
            return
        self.stop_capture(discard=True)
        self._set_phase(Phase.SPEAKING)
        question, language = self.question, self.session.config.language

        def spoken() -> None:
            if self.phase is Phase.SPEAKING and self.question is question:
                self.open_answer()

        def not_spoken(exc: BaseException) -> None:
            if not self._tts_warned:  # once per interview is enough; the question is on screen anyway
                self._tts_warned = True
                self.notice.emit(f"Questions cannot be read aloud here ({exc}). They are shown as text.")
            spoken()

        self.window_.player.play(
            lambda: self.services.speak_question(question.text, language), spoken, not_spoken
        )

    def open_answer(self) -> None:
        self.answer_clock.start()
        if self.typed_mode:
            self._set_phase(Phase.TYPING)
            return
        self.start_capture()

    # voice answers ----------------------------------------------------------------------------------
    def start_capture(self) -> None:
        assert self.session is not None and self.question is not None
        self.stop_capture(discard=True)
        transcriber = self.window_.speech_status.transcriber
        if transcriber is None:
            if self.window_.speech_status.loading:
                # Wait for the background load instead of blocking: listening starts when it is ready.
                self._set_phase(Phase.LOADING)
                self.window_.speech_status.ready.connect(self._model_ready_once)
                self.window_.speech_status.failed.connect(self._model_failed_once)
                return
            error = self.window_.speech_status.error
            self.failed.emit(
                ActionableError(
                    f"The speech model is not available ({error.message if error else 'not loaded'}).",
                    "Type your answers for now; check Settings → Whisper model, then restart MockMate.",
                ),
                "Listening",
            )
            self.switch_to_typing()
            return
        # The interview's vocabulary is built on the task lane when the interview opens; per question it is
        # a pure lookup, so asking for it here does no I/O on the GUI thread.
        vocabulary = self.interview.question_vocabulary(self.question) if self.interview is not None else None
        capture = AnswerCapture(self.services, transcriber, self.session, self.question, self, vocabulary)
        capture.level.connect(self.level)
        capture.partial.connect(self.transcript)
        capture.transcribing.connect(lambda: self._set_phase(Phase.TRANSCRIBING))
        capture.voice.connect(self.timers.voice)
        capture.opened.connect(lambda: self._on_mic_opened(capture))
        self.mic_open = False
        capture.silence.connect(self.timers.silence)
        capture.captured.connect(self._on_captured)
        capture.capture_failed.connect(self._on_capture_failed)
        self.capture = capture
        self.answer_clock.start()
        self._set_phase(Phase.LISTENING)
        self.timers.listen(self.timing())
        capture.start()

    def _on_mic_opened(self, capture: AnswerCapture) -> None:
        if capture is self.capture:
            self.mic_open = True
            self.mic_opened.emit()

    def _stop_waiting_for_model(self) -> None:
        status = self.window_.speech_status
        status.ready.disconnect(self._model_ready_once)
        status.failed.disconnect(self._model_failed_once)

    def _model_ready_once(self, _transcriber: object) -> None:
        self._stop_waiting_for_model()
        if self.phase is Phase.LOADING and self.question is not None:
            self.start_capture()

    def _model_failed_once(self, _error: object) -> None:
        self._stop_waiting_for_model()
        if self.phase is Phase.LOADING and self.question is not None:
            self.start_capture()  # reports the error and offers typing

    def stop_answer(self) -> None:
        """Space: the candidate is done; the worker finishes transcribing what is left."""
        if self.capture is not None and self.phase is Phase.LISTENING:
            self.capture.request_stop()

    def space(self) -> None:
        """Space: ends the answer while listening, accepts the take while reviewing."""
        if self.phase is Phase.REVIEW:
            self.accept_answer()
        else:
            self.stop_answer()

    def keep_thinking(self) -> None:
        """The card's "Start answering": keep listening, with the thinking time again."""
        if self.phase is Phase.LISTENING:
            self.timers.keep_thinking()

    def stop_capture(self, *, discard: bool) -> None:
        capture, self.capture = self.capture, None
        if capture is None:
            return
        capture.captured.disconnect(self._on_captured)
        capture.capture_failed.disconnect(self._on_capture_failed)
        capture.cancel() if discard else capture.request_stop()
        # The thread is let go without waiting (the GUI never blocks on audio); it is kept referenced until
        # it has finished so that Qt never destroys a running thread, and shutdown waits for it.
        self._retiring.add(capture)
        capture.finished.connect(lambda: self._retire(capture))

    def _retire(self, capture: AnswerCapture) -> None:
        self._retiring.discard(capture)
        capture.deleteLater()

    def re_record(self) -> None:
        """Drop this take (its WAV stays on disk, as for any cancelled take) and listen again."""
        if self.question is not None and not self.typed_mode and self.phase in (Phase.LISTENING, Phase.REVIEW):
            self.take = None
            self.transcript.emit("", "")
            self.start_capture()

    def _on_captured(self, captured: CapturedAnswer) -> None:
        self.capture = None
        if captured.warning:
            self.notice.emit(captured.warning)
        text = captured.transcript.text.strip()
        if not text and not captured.stopped and captured.warning is None:
            # A click or a cough ended a take in which nothing was said: silence alone never moves on, so
            # keep listening for the answer (that WAV stays on disk) and ask whether they are still thinking.
            self.start_capture()
            self.timers.prompt_now()
            return
        self.take = captured
        self._set_phase(Phase.REVIEW)
        self.review.emit(text)
        # A take with no words waits for a choice: moving on by itself would skip the question on silence.
        self.timers.review(auto_continue=bool(text))

    def accept_answer(self) -> None:
        """Next question: submit the take under review (once)."""
        take, self.take = self.take, None
        if take is None or self.phase is not Phase.REVIEW:
            return
        self._save_take(take)

    def _save_take(self, captured: CapturedAnswer) -> None:
        self._save_answer(
            mode=AnswerMode.VOICE,
            transcript=captured.transcript.text,
            words=captured.transcript.words,
            audio=captured.audio_path,
            duration=captured.duration_s,
        )

    def _on_capture_failed(self, exc: BaseException, audio_path: object) -> None:
        self.capture = None
        self.failed.emit(exc, "Recording your answer")
        # What was recorded is kept on disk; the candidate can re-record, type, or skip.
        self.switch_to_typing()

    # typed answers, skip ----------------------------------------------------------------------------
    def switch_to_typing(self) -> None:
        self.stop_capture(discard=True)
        self.typed_mode = True
        self._set_phase(Phase.TYPING)

    def switch_to_voice(self) -> None:
        self.typed_mode = False
        if self.question is not None:
            self.start_capture()

    def submit_typed(self, text: str) -> None:
        if self.phase is not Phase.TYPING or self.question is None:
            return
        self._save_answer(
            mode=AnswerMode.TYPED,
            transcript=text.strip(),
            words=[],
            audio=None,
            duration=self.answer_clock.elapsed() / 1000,
        )

    def skip(self) -> None:
        if self.question is None or self.phase in (Phase.THINKING, Phase.REPORTING, Phase.PREPARING):
            return
        self.take = None
        self.stop_capture(discard=True)
        self.window_.player.stop()
        self._save_answer(
            mode=AnswerMode.TYPED if self.typed_mode else AnswerMode.VOICE,
            transcript="",
            words=[],
            audio=None,
            duration=0.0,
            skipped=True,
        )

    # after an answer --------------------------------------------------------------------------------
    def _save_answer(
        self,
        *,
        mode: AnswerMode,
        transcript: str,
        words: list[Any],
        audio: Path | None,
        duration: float,
        skipped: bool = False,
    ) -> None:
        assert self.interview is not None and self.question is not None
        interview, question = self.interview, self.question
        response = Response(
            mode=mode,
            text=transcript,
            words=tuple(words),
            audio_path=audio,
            duration_s=duration,
            input_ref="" if skipped else ("microphone" if mode is AnswerMode.VOICE else "typed"),
            skipped=skipped,
        )
        self._set_phase(Phase.THINKING)
        self.tasks.run(
            lambda: self.services.submit_answer(interview, question.id, response),
            self._on_step,
            lambda exc: self._fail(exc, "Saving your answer"),
        )

    # the end ----------------------------------------------------------------------------------------
    def end_early(self) -> None:
        take = self.take if self.phase is Phase.REVIEW else None
        self.take = None
        self.stop_capture(discard=True)
        self.window_.player.stop()
        if self.interview is None:
            self._set_phase(Phase.IDLE)
            return
        if take is not None:
            # Ended while reviewing a take: the candidate's answer is kept, then the report is made.
            self._finish_after_save = True
            self._save_take(take)
            return
        self.finish(ended_early=True)

    def finish(self, ended_early: bool = False) -> None:
        assert self.interview is not None
        self.question = None
        self._set_phase(Phase.REPORTING)
        interview = self.interview

        def work() -> Finished:
            # Each report is stored and relayed the moment it arrives; the three run concurrently.
            return self.services.finish_interview(
                interview, self.report_arrived.emit, ended_early=ended_early
            )

        self.tasks.run(work, self._on_reports_done, lambda exc: self._fail_reports(exc))

    def _on_report(self, report: object) -> None:
        log.debug("report arrived: %s", type(report).__name__)

    def _on_reports_done(self, result: Finished) -> None:
        session, failed = result.session, result.reports.failed
        self.session = session
        for note in result.notes:  # e.g. a report made offline because Gemini failed
            self.notice.emit(note)
        self._set_phase(Phase.DONE)
        if failed:
            kinds = ", ".join(sorted(failed))
            first = next(iter(failed.values()))
            self.failed.emit(
                ActionableError(
                    f"The {kinds} report could not be made ({first}). The rest of the report is saved.",
                    "Open the session from Home and choose Resume interview to try again.",
                ),
                "Writing the report",
            )
        self.reports_done.emit(session.id)

    def _fail_reports(self, exc: BaseException) -> None:
        self.failed.emit(exc, "Writing the report")
        self._set_phase(Phase.DONE)
        if self.session is not None:
            self.reports_done.emit(self.session.id)

    def shutdown(self) -> None:
        """Window closing: stop the microphone and wait for every audio thread to end."""
        self.stop_capture(discard=True)
        for capture in list(self._retiring):
            capture.wait(15_000)
