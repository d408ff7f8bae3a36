"""The GUI's one door to the services: thin adapters over the store, engines, speech and resume modules.

Every method here may block (disk, model, network): pages call them only through the task runner or an
audio QThread, never on the GUI thread. Heavy modules are imported inside the methods.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from uuid import UUID

from ..core.environment import AppEnvironment
from ..domain.config import InterviewConfig
from ..domain.enums import EngineChoice, Language, Source
from ..domain.interview import Answer, InterviewSession
from ..domain.resume import ResumeAnalysis, ResumeProfile
from ..engine.protocols import InterviewEngine
from ..services.orchestrator import Finished, InterviewOrchestrator, Prompt, Response
from ..services.recordings import Transcribed
from .speech_services import SpeechServices

if TYPE_CHECKING:
    from ..core.paths import AppPaths
    from ..core.settings import Settings
    from ..services.coaching import CoachingService
    from ..storage.sqlite_store import SqliteStore

log = logging.getLogger(__name__)
GEMINI_TEST_TIMEOUT_S = 15.0


class GuiEnvironment(AppEnvironment, Protocol):
    """What the window needs from the composition root (`app.AppContext` fits)."""

    @property
    def store(self) -> SqliteStore: ...

    def save_settings(self) -> None: ...


@dataclass(frozen=True)
class Step:
    """Where an interview stands after a worker step: the orchestrator (used on workers only), a copy of the
    session for the GUI thread, the question to ask now (None: time for the reports), what to tell the user."""

    interview: InterviewOrchestrator
    session: InterviewSession
    prompt: Prompt | None
    notes: list[str]
    answer: Answer | None = None


class GuiServices(SpeechServices):
    def __init__(self, ctx: GuiEnvironment, *, transcribers: dict[str, Any] | None = None) -> None:
        self.env = ctx
        self.ctx = ctx  # the name the pages use for the cloud calls; GuiEnvironment fits their CloudHost
        self._transcribers: dict[str, Any] = dict(transcribers or {})
        self._tts: Any = None
        self._lock = threading.Lock()
        self._coaching: CoachingService | None = None

    @property
    def settings(self) -> Settings:
        return self.env.settings

    @property
    def paths(self) -> AppPaths:
        return self.env.paths

    @property
    def store(self) -> SqliteStore:
        return self.env.store

    def save_settings(self) -> None:
        self.env.save_settings()

    def settings_changed(self) -> None:
        """Engines are built per interview from the settings, so nothing cached needs dropping here."""

    # history ----------------------------------------------------------------------------------------
    def history(self) -> tuple[Sequence[InterviewSession], set[UUID]]:
        from ..services.recordings import close_unplanned, sweep_recordings

        close_unplanned(self.store)
        sweep_recordings(self.store)
        sessions = list(self.store.list_sessions(include_demo=True))
        synced: set[UUID] = set()
        if self.settings.firebase_configured:
            pending = {e.session_id for e in self.store.pending_outbox(limit=1_000_000) if e.session_id}
            synced = {s.id for s in sessions if str(s.id) not in pending}
        return sessions, synced

    def recover_orphaned_files(self) -> str:
        """What `mockmate sessions recover` does: recordings and resumes aside, then a new, empty database."""
        from ..storage.folder_state import recover_orphans

        folder, orphans = recover_orphans(self.paths)
        self.store  # noqa: B018 - opens the new database now, so the next history load finds it
        return (
            f"Moved {len(orphans.recordings)} recording(s) of {orphans.sessions} session(s) and "
            f"{len(orphans.resumes)} resume file(s) to {folder} (README.txt there lists them). "
            "A new, empty history has started."
        )

    def export_session(self, session_id: UUID, target: str | Path) -> Path:
        """.zip: the whole session with recordings (importable); .md: the report as text; else report JSON."""
        path = Path(target)
        if path.suffix.lower() == ".zip":
            from ..storage.archive import export_session

            return export_session(self.store, session_id, path)
        from ..core.files import atomic_write_text

        session = self.store.get_session(session_id)
        if path.suffix.lower() == ".md":
            from ..domain.report_text import render_markdown

            atomic_write_text(path, render_markdown(session))
        else:
            from ..services.report_export import report_json

            atomic_write_text(path, report_json(session))
        return path

    def coaching(self) -> CoachingService:
        """The coaching loop (practise again, plans, progress) over this store; built once, on first use."""
        with self._lock:
            if self._coaching is None:
                from ..services.coaching import coaching_service

                self._coaching = coaching_service(self.store, lambda: self.settings)
            return self._coaching

    def open_demo(self) -> UUID:
        from ..services.demo import install_demo

        return install_demo(self.store).session.id

    # documents and resumes --------------------------------------------------------------------------
    def read_document(self, path: Path) -> str:
        """A job description from .txt/.md or the text layer of a PDF (same limits as resumes)."""
        from ..resume.intake import ResumeIntake

        return str(ResumeIntake(self.store, self.settings).read_only(path).text)

    def load_resume(self, path: str | Path) -> ResumeProfile:
        from ..resume.intake import ResumeIntake

        return ResumeIntake(self.store, self.settings).ingest_file(path).profile

    def resume_from_text(self, text: str) -> ResumeProfile:
        from ..resume.intake import ResumeIntake

        return ResumeIntake(self.store, self.settings).ingest_text(text).profile

    def analyze_resume(
        self, profile: ResumeProfile, jd: str, job_title: str, choice: EngineChoice | str
    ) -> ResumeAnalysis:
        from ..resume.analyzer import ResumeAnalyzer

        return ResumeAnalyzer(self.settings, self.store).analyze(profile, jd, job_title, EngineChoice(choice))

    # engines ----------------------------------------------------------------------------------------
    def engine_explanation(self, choice: EngineChoice | str) -> str:
        choice = EngineChoice(choice)  # combo boxes hand back the plain string
        has_key = self.settings.has_gemini_key
        if choice is EngineChoice.OFFLINE:
            return "Offline engine: chosen here. Questions from the built-in bank, heuristic rubric scoring."
        if choice is EngineChoice.GEMINI:
            if has_key:
                return f"Gemini ({self.settings.gemini_model}): chosen here; needs an internet connection."
            return (
                "Gemini chosen, but no Gemini key is set (Settings): the interview cannot start with Gemini."
            )
        if has_key:
            return (
                f"Gemini ({self.settings.gemini_model}): a key is set. If Gemini is unreachable the "
                "interview continues with the offline engine."
            )
        return "Offline engine: no Gemini key set. Add one in Settings to use Gemini."

    def build_engine(self, choice: EngineChoice) -> InterviewEngine:
        from ..engine.factory import build_engine

        return build_engine(EngineChoice(choice), self.settings, self.paths.gemini_cache_dir, records=self.store)

    def start_interview(self, config: InterviewConfig, resume: ResumeProfile | None) -> Step:
        """Plan and store a new interview (nothing is stored when planning fails)."""
        engine = self.build_engine(config.engine)
        interview = InterviewOrchestrator.start(self.store, engine, config, resume)
        return self._step(interview, list(interview.session.engine_notes))

    def open_interview(self, session_id: UUID) -> Step:
        """Carry on a stored interview; a recording left by a crash is re-attached (transcribed) first."""
        stored = self.store.get_session(session_id)
        engine = self.build_engine(stored.config.engine)
        interview, tidied = InterviewOrchestrator.open(self.store, engine, session_id, recover=self._recover)
        notes = [
            f"A recording interrupted earlier was re-attached to question {n}."
            for n in (self._number_of(interview, r.reattached) for r in tidied if r.reattached)
        ]
        return self._step(interview, notes)

    def submit_answer(self, interview: InterviewOrchestrator, question_id: UUID, response: Response) -> Step:
        submitted = interview.submit(question_id, response)
        return self._step(interview, submitted.notes, submitted.answer)

    def finish_interview(
        self, interview: InterviewOrchestrator, on_report: Callable[[object], None], *, ended_early: bool
    ) -> Finished:
        interview.on_report = lambda _kind, report: on_report(report)
        return interview.finish(ended_early=ended_early)

    def _recover(self, path: Path, language: Language) -> Transcribed:
        from ..services.answer_sources import recording_recoverer

        return recording_recoverer(self.load_transcriber(self.settings.whisper_model))(path, language)

    @staticmethod
    def _number_of(interview: InterviewOrchestrator, question_id: UUID | None) -> int:
        ordered = sorted(interview.session.questions, key=lambda q: q.position)
        return next((i for i, q in enumerate(ordered, start=1) if q.id == question_id), 0)

    def _step(self, interview: InterviewOrchestrator, notes: list[str], answer: Answer | None = None) -> Step:
        prompt = interview.next_prompt()
        if prompt is not None:
            self._prepare_quietly([prompt.question.text], interview.session.config.language)
        # The GUI thread gets its own copy: the orchestrator's session changes on workers.
        return Step(interview, interview.session.model_copy(deep=True), prompt, notes, answer)

    def _prepare_quietly(self, texts: Sequence[str], language: Language) -> None:
        try:
            self.prepare_speech(texts, language)
        except Exception as exc:  # no TTS here: the questions are shown as text, said when asked
            log.info("questions not prepared for speech: %s", exc)

    def test_gemini(self, key: str, model: str) -> str:
        """One small real request with the key and model being edited (not yet saved)."""
        from ..engine.gemini.probe import ask_about_model

        name = ask_about_model(self.settings, key=key, model=model, timeout_s=GEMINI_TEST_TIMEOUT_S)
        return f"The key works: {name} is available."

    @staticmethod
    def source_of(session: InterviewSession) -> set[Source]:
        return session.sources
