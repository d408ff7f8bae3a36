"""The GUI's one door to the services: thin adapters over the store, engines, speech and resume modules.

Every method here may block (disk, model, network): pages call them only through the task runner or an
audio QThread, never on the GUI thread. Heavy modules are imported inside the methods.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from ..domain.enums import AnswerMode, EngineChoice, Language, SessionStatus, Source
from ..domain.interview import Answer, InterviewSession, Question
from ..domain.interview_flow import InterviewFlow
from ..domain.interview_flow import Phase as FlowPhase
from ..domain.records import utc_now
from ..domain.resume import ResumeAnalysis, ResumeProfile
from .speech_services import SpeechServices

if TYPE_CHECKING:
    from ..app import AppContext
    from ..core.paths import AppPaths
    from ..core.settings import Settings
    from ..services.coaching import CoachingService
    from ..storage.sqlite_store import SqliteStore

log = logging.getLogger(__name__)


class GuiServices(SpeechServices):
    def __init__(self, ctx: AppContext, *, transcribers: dict[str, Any] | None = None) -> None:
        self.ctx = ctx
        self._transcribers: dict[str, Any] = dict(transcribers or {})
        self._tts: Any = None
        self._lock = threading.Lock()
        self._coaching: CoachingService | None = None

    @property
    def settings(self) -> Settings:
        return self.ctx.settings

    @property
    def paths(self) -> AppPaths:
        return self.ctx.paths

    @property
    def store(self) -> SqliteStore:
        return self.ctx.store

    def save_settings(self) -> None:
        self.ctx.save_settings()

    def settings_changed(self) -> None:
        """Engines are built per interview from the settings, so nothing cached needs dropping here."""

    # history ----------------------------------------------------------------------------------------
    def history(self) -> tuple[Sequence[InterviewSession], set[UUID]]:
        sessions = list(self.store.list_sessions(include_demo=True))
        synced: set[UUID] = set()
        if self.settings.firebase_configured:
            pending = {e.session_id for e in self.store.pending_outbox(limit=1_000_000) if e.session_id}
            synced = {s.id for s in sessions if str(s.id) not in pending}
        return sessions, synced

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
                from ..engine.offline.engine import OfflineEngine
                from ..services.coaching import CoachingService

                self._coaching = CoachingService(self.store, OfflineEngine().bank)
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

    def build_engine(self, choice: EngineChoice) -> Any:
        from ..engine.factory import build_engine

        return build_engine(EngineChoice(choice), self.ctx)

    def _keep_engine_notes(self, engine: Any, session: InterviewSession) -> bool:
        """The fallback engine writes down when it switched to offline; those notes belong in the session."""
        fresh = [n for n in getattr(engine, "notes", []) if n not in session.engine_notes]
        session.engine_notes.extend(fresh)
        return bool(fresh)

    def begin_session(
        self, config: Any, resume: ResumeProfile | None
    ) -> tuple[InterviewSession, Any, list[str]]:
        engine = self.build_engine(config.engine)
        session = InterviewSession(config=config, status=SessionStatus.IN_PROGRESS, started_at=utc_now())
        self.store.save_session(session)
        flow = InterviewFlow(session)
        for planned in flow.set_plan(engine.plan_questions(config, resume)):
            self.store.add_question(session.id, planned)
        if self._keep_engine_notes(engine, session):
            self.store.save_session(session)
        self._prepare_quietly([q.text for q in session.questions[:2]], config.language)
        return session, engine, list(session.engine_notes)

    def _prepare_quietly(self, texts: Sequence[str], language: Language) -> None:
        try:
            self.prepare_speech(texts, language)
        except Exception as exc:  # no TTS here: the questions are shown as text, said when asked
            log.info("questions not prepared for speech: %s", exc)

    def reopen_session(self, session_id: UUID) -> tuple[InterviewSession, Any, list[str]]:
        session = self.store.get_session(session_id)
        engine = self.build_engine(session.config.engine)
        if session.status is not SessionStatus.IN_PROGRESS:
            self.store.set_status(session.id, SessionStatus.IN_PROGRESS)
            session.status = SessionStatus.IN_PROGRESS
        return session, engine, []

    def follow_up(
        self, engine: Any, session: InterviewSession, question: Question, answer: Answer
    ) -> tuple[InterviewSession, Question | None]:
        """Works on a copy (the GUI keeps its own until this returns) and stores every question it moves."""
        updated = session.model_copy(deep=True)
        flow = InterviewFlow(updated, FlowPhase.ASKING)
        flow.record_answer(answer)
        follow: Question | None = None
        if not answer.skipped and flow.may_follow_up(question):
            follow = engine.decide_follow_up(updated, question, answer)
        if self._keep_engine_notes(engine, updated):
            self.store.save_session(updated)
        if follow is not None:
            for changed in flow.add_follow_up(follow.model_copy(update={"parent_id": question.id})):
                self.store.add_question(session.id, changed)
            follow = next(q for q in updated.questions if q.id == follow.id)
        upcoming = flow.next_question()
        if upcoming is not None:
            self._prepare_quietly([upcoming.text], updated.config.language)
        return updated, follow

    def save_answer(
        self,
        session: InterviewSession,
        question: Question,
        *,
        mode: AnswerMode,
        transcript: str,
        words: list[Any],
        audio_path: Path | None,
        duration_s: float,
        skipped: bool = False,
    ) -> Answer:
        delivery = None
        if words:
            from ..domain.delivery_metrics import compute_delivery

            delivery = compute_delivery(words, duration_s, session.config.language.value)
        answer = Answer(
            session_id=session.id,
            question_id=question.id,
            mode=mode,
            transcript=transcript,
            words=words,
            audio_path=self.store.relative_path(audio_path) if audio_path else None,
            duration_s=max(0.0, duration_s),
            delivery=delivery,
            skipped=skipped,
        )
        self.store.save_answer(session.id, answer)
        return answer

    def make_reports(
        self,
        session: InterviewSession,
        engine: Any,
        on_report: Callable[[object], None],
        final_status: SessionStatus,
    ) -> tuple[InterviewSession, dict[str, str]]:
        """Reports still missing are made concurrently, each stored on arrival. A failed one leaves the
        session resumable (in progress) so that it can be made again later; nothing made is lost."""
        from ..services.reports import REPORT_KINDS, generate_reports

        fresh = self.store.get_session(session.id)
        fresh.engine_notes = list(dict.fromkeys([*fresh.engine_notes, *session.engine_notes]))
        missing = [kind for kind in REPORT_KINDS if getattr(fresh.reports, kind) is None]
        outcome = generate_reports(
            engine, fresh, self.store, on_stored=lambda _k, r: on_report(r), kinds=missing
        )
        self._keep_engine_notes(engine, fresh)
        self.store.save_session(fresh)
        if not outcome.failed:
            self.store.set_status(session.id, final_status)
        return self.store.get_session(session.id), dict(outcome.failed)

    def test_gemini(self, key: str, model: str) -> str:
        """One small real request with the key and model being edited (not yet saved)."""
        from .gemini_check import check_gemini

        return check_gemini(self.settings, key, model)

    @staticmethod
    def source_of(session: InterviewSession) -> set[Source]:
        return session.sources
