"""Resume intake: a file or pasted text in, a stored `ResumeProfile` out, each distinct file processed once.

Flow: load and check the source -> look up its sha256 in the store (a hit returns the stored profile
untouched) -> text (pypdf in a child process; Gemini reads scanned PDFs when configured) -> redact
contact details -> profile from Gemini (on the redacted text) or the local parser -> copy the original
under a generated name (0600) -> store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.files import atomic_write_bytes
from ..domain.enums import EngineChoice, Source
from ..domain.resume import ResumeProfile
from ..domain.resume_parsing import find_contact, parse_resume, redact_contact
from ..engine.protocols import EngineError, EngineUnavailableError
from .errors import ResumeError, ResumeErrorCode
from .limits import IntakeLimits
from .protocols import ResumeReader, gemini_reader, wants_gemini
from .sources import ResumeSource, extract_pdf, load_pasted, load_path

if TYPE_CHECKING:
    from ..core.settings import Settings
    from ..storage.protocols import SessionStore

log = logging.getLogger(__name__)


@dataclass
class IntakeResult:
    profile: ResumeProfile
    reused: bool  # True: this exact file was processed before and its stored profile is returned
    text: str = ""  # the extracted text before redaction, for `resume show`; not stored
    warnings: list[str] = field(default_factory=list)


class ResumeIntake:
    def __init__(
        self,
        store: SessionStore,
        settings: Settings,
        *,
        limits: IntakeLimits | None = None,
        reader_factory: Callable[[Settings], ResumeReader] = gemini_reader,
    ) -> None:
        self.store = store
        self.settings = settings
        self.limits = limits or IntakeLimits()
        self._reader_factory = reader_factory

    def ingest_file(
        self, path: Path | str, *, password: str | None = None, engine: EngineChoice | str = EngineChoice.AUTO
    ) -> IntakeResult:
        source = load_path(path, self.limits)
        return self._ingest(source, password, engine)

    def ingest_text(
        self, text: str, *, engine: EngineChoice | str = EngineChoice.AUTO, name: str = "Pasted text"
    ) -> IntakeResult:
        return self._ingest(load_pasted(text, self.limits, name=name), None, engine)

    def read_only(self, path: Path | str, *, password: str | None = None) -> ResumeSource:
        """The source with its text extracted, nothing stored (for previews and `resume show`)."""
        source = load_path(path, self.limits)
        if source.kind == "pdf":
            extract_pdf(source, self.limits, password)
        return source

    def _ingest(self, source: ResumeSource, password: str | None, engine: EngineChoice | str) -> IntakeResult:
        use_gemini = wants_gemini(engine, self.settings)  # fails early on "gemini" without a key
        stored = self.store.find_resume_by_sha256(source.sha256)
        if stored is not None:
            log.info("resume %s already processed as %s; reusing it", source.sha256[:12], stored.id)
            return IntakeResult(profile=stored, reused=True, warnings=list(stored.warnings))
        if source.kind == "pdf":
            extract_pdf(source, self.limits, password)
        warnings = list(source.warnings)
        explicit = EngineChoice(engine) == EngineChoice.GEMINI
        profile = self._profile(source, use_gemini, explicit=explicit, warnings=warnings)
        profile.file_sha256 = source.sha256
        profile.original_name = source.original_name
        # A scanned PDF goes to Gemini as it is: its pictures cannot be redacted, and the flag says so.
        profile.contact_redacted = bool(source.text)
        profile.warnings = list(dict.fromkeys([*profile.warnings, *warnings]))
        self._keep_original(source, profile)
        return IntakeResult(profile=profile, reused=False, text=source.text, warnings=profile.warnings)

    def _profile(
        self, source: ResumeSource, use_gemini: bool, *, explicit: bool, warnings: list[str]
    ) -> ResumeProfile:
        if not source.text:  # a PDF without a text layer
            if not use_gemini:
                raise ResumeError(
                    ResumeErrorCode.NO_TEXT_LAYER,
                    "This PDF has no text layer (it looks like a scan or a picture), so it cannot be read "
                    "offline. Paste the text of your resume instead, or add a Gemini key to read scanned PDFs.",
                )
            profile = self._with_gemini(lambda r: r.profile_from_pdf(source.data), explicit, warnings)
            if profile is None:
                raise ResumeError(
                    ResumeErrorCode.NO_TEXT_LAYER,
                    "This PDF has no text layer and Gemini could not be reached to read it. Paste the text "
                    "of your resume instead, or try again when online.",
                )
            profile.text = redact_contact(profile.text)
            warnings.append(
                "Read from a scanned PDF by Gemini, which received the pages as they are (contact details "
                "included); check the extracted text for misreadings."
            )
            if not profile.text.strip():
                raise ResumeError(
                    ResumeErrorCode.NO_TEXT_LAYER,
                    "No text could be read from this scanned PDF. Paste the text of your resume instead.",
                )
            return profile
        redacted = redact_contact(source.text)
        if use_gemini:
            profile = self._with_gemini(lambda r: r.profile_from_text(redacted), explicit, warnings)
            if profile is not None:
                profile.text = redacted
                if not profile.name:
                    profile.name = parse_resume(source.text).name
                return profile
        return offline_profile(source.text)

    def _with_gemini(
        self, call: Callable[[ResumeReader], ResumeProfile], explicit: bool, warnings: list[str]
    ) -> ResumeProfile | None:
        """The call's result; on failure an error when Gemini was asked for, else None (use offline)."""
        try:
            return call(self._reader_factory(self.settings))
        except (EngineUnavailableError, EngineError) as exc:
            if explicit:
                raise ResumeError(ResumeErrorCode.ENGINE, f"Gemini could not read the resume: {exc}") from exc
            log.warning("Gemini failed for resume reading (%s); using the offline parser", exc)
            warnings.append(f"Gemini could not be used ({exc}); the resume was read by the offline parser.")
            return None

    def _keep_original(self, source: ResumeSource, profile: ResumeProfile) -> None:
        path = self.store.new_resume_path(f"resume{source.suffix}")
        atomic_write_bytes(path, source.data)  # private (0600), never half-written
        try:
            profile.stored_path = self.store.relative_path(path)
            self.store.save_resume(profile)
        except BaseException:
            path.unlink(missing_ok=True)
            raise


def offline_profile(text: str) -> ResumeProfile:
    """The local parser's profile; `text` is stored redacted, the structured fields never hold contact data."""
    parsed = parse_resume(text)
    contact = find_contact(text)
    warnings = [] if contact.found else ["No email or phone number was found on the resume."]
    data = parsed.model_dump(exclude={"sections_found"})
    return ResumeProfile(source=Source.OFFLINE, text=redact_contact(text), warnings=warnings, **data)
