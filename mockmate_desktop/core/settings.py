"""One typed settings object: saved as JSON in the data folder, overridden by environment variables."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from ..domain.messages import friendly_errors
from .files import atomic_write_text, read_limited
from .secrets import Keychain

log = logging.getLogger(__name__)

WhisperModelName = Literal["base", "tiny.en"]
ThemeChoice = Literal["system", "light", "dark"]

# Ranges of the two interview timings, shared with the windows that set them.
THINKING_TIME_RANGE_S = (5.0, 120.0)
ANSWER_END_SILENCE_RANGE_S = (2.0, 15.0)
DEFAULT_GEMINI_MODEL = "gemini-2.5-flash"
SETTINGS_FILE_BUDGET = 1_000_000  # the file MockMate writes is about 1 KB
_SECRET_FIELDS = ("gemini_api_key", "firebase_web_api_key")


class _JsonFileSource(PydanticBaseSettingsSource):
    """Reads the saved settings file; a damaged file is ignored (and reported) rather than blocking start."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path | None) -> None:
        super().__init__(settings_cls)
        self._data: dict[str, Any] = {}
        if path is not None and path.exists():
            try:
                loaded = json.loads(read_limited(path, SETTINGS_FILE_BUDGET, f"The settings file {path}"))
            except (OSError, ValueError, RecursionError) as exc:
                log.warning("settings file %s could not be read (%s); using defaults", path, exc)
                return
            if isinstance(loaded, dict):
                self._data = loaded
            else:
                log.warning("settings file %s holds no settings (not a JSON object); using defaults", path)

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._data.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", validate_assignment=True, populate_by_name=True)

    # Gemini
    gemini_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("GEMINI_API_KEY", "gemini_api_key")
    )
    gemini_model: str = Field(
        default=DEFAULT_GEMINI_MODEL, validation_alias=AliasChoices("MOCKMATE_GEMINI_MODEL", "gemini_model")
    )
    gemini_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("MOCKMATE_GEMINI_BASE_URL", "gemini_base_url")
    )
    gemini_timeout_s: float = Field(default=60.0, gt=0)
    gemini_step_budget_s: float = Field(
        default=20.0, gt=0, le=600, description="total time one Gemini step may take before it falls back"
    )

    # Speech
    whisper_model: WhisperModelName = Field(
        default="base", validation_alias=AliasChoices("MOCKMATE_WHISPER_MODEL", "whisper_model")
    )
    microphone: str | None = Field(
        default=None,
        validation_alias=AliasChoices("MOCKMATE_MICROPHONE", "microphone"),
        description="input device name; None means the system default",
    )
    tts_voice_en: str = Field(
        default="gmw/en-us", validation_alias=AliasChoices("MOCKMATE_TTS_VOICE_EN", "tts_voice_en")
    )
    tts_voice_hi: str = Field(
        default="inc/hi", validation_alias=AliasChoices("MOCKMATE_TTS_VOICE_HI", "tts_voice_hi")
    )
    tts_voice_fr: str = Field(
        default="roa/fr", validation_alias=AliasChoices("MOCKMATE_TTS_VOICE_FR", "tts_voice_fr")
    )
    tts_rate_wpm: int = Field(
        default=165, ge=80, le=300, validation_alias=AliasChoices("MOCKMATE_TTS_RATE", "tts_rate_wpm")
    )
    silence_to_stop_s: float = Field(default=1.5, ge=0.5, le=10.0)
    first_word_grace_s: float = Field(default=8.0, ge=1.0, le=60.0)
    max_answer_s: float = Field(default=300.0, ge=10.0, le=1800.0)
    thinking_time_s: float = Field(
        default=20.0,
        ge=THINKING_TIME_RANGE_S[0],
        le=THINKING_TIME_RANGE_S[1],
        description="after this long with no speech after a question, ask 'Still thinking?' (never skip)",
    )
    answer_end_silence_s: float = Field(
        default=5.0,
        ge=ANSWER_END_SILENCE_RANGE_S[0],
        le=ANSWER_END_SILENCE_RANGE_S[1],
        description="silence that ends an answer when the words so far look finished; a 2-4 s thinking "
        "pause must not reach it",
    )

    # Cloud (Firebase); all optional, the app is complete without them
    # Legacy: the service-account key path older versions needed on every machine. Kept only so doctor can
    # explain the new set-up (project id, web API key, bucket, then sign in); the client never reads the file.
    firebase_credentials_path: str | None = Field(
        default=None,
        validation_alias=AliasChoices("MOCKMATE_FIREBASE_CREDENTIALS", "firebase_credentials_path"),
    )
    firebase_project_id: str | None = Field(
        default=None, validation_alias=AliasChoices("MOCKMATE_FIREBASE_PROJECT_ID", "firebase_project_id")
    )
    firebase_storage_bucket: str | None = Field(
        default=None, validation_alias=AliasChoices("MOCKMATE_FIREBASE_BUCKET", "firebase_storage_bucket")
    )
    firebase_web_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("MOCKMATE_FIREBASE_WEB_API_KEY", "firebase_web_api_key")
    )
    sync_answer_audio: bool = False

    # UI
    first_run_done: bool = False
    theme: ThemeChoice = "system"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _JsonFileSource(settings_cls, _LOAD_PATH.get("path")))

    @property
    def has_gemini_key(self) -> bool:
        return bool(self.gemini_api_key and self.gemini_api_key.get_secret_value().strip())

    @property
    def firebase_configured(self) -> bool:
        return bool(self.firebase_project_id)

    def voice_for(self, language: str) -> str:
        return {"en": self.tts_voice_en, "hi": self.tts_voice_hi, "fr": self.tts_voice_fr}.get(
            language, self.tts_voice_en
        )

    def redacted(self) -> dict[str, Any]:
        """What may appear in logs and `doctor`: secrets shown only as set / not set."""
        data = self.model_dump(mode="json")
        for name in ("gemini_api_key", "firebase_web_api_key"):
            secret = getattr(self, name)
            data[name] = redact(secret.get_secret_value()) if secret else None
        return data


# pydantic-settings builds sources from class-level hooks; the file path is passed through this holder
# for the duration of one load so that no module-level state outlives the call.
_LOAD_PATH: dict[str, Path | None] = {}


def redact(secret: str) -> str:
    return f"set (…{secret[-4:]})" if len(secret) >= 12 else "set"


def _env_overridden_fields() -> set[str]:
    names: set[str] = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        choices = alias.choices if isinstance(alias, AliasChoices) else []
        if any(isinstance(c, str) and c.isupper() and c in os.environ for c in choices):
            names.add(name)
    return names


GEMINI_KEY_SECRET = "gemini_api_key"
# Written to settings.json (no secret in it) when the key went to the keychain: the keychain is asked only then.
_KEY_IN_KEYCHAIN = "gemini_api_key_in_keychain"


def load_settings(path: Path) -> Settings:
    """The settings; an invalid value (in the file or the environment) is reported on one warning line
    naming its key and value, and the field's default is used instead, so every command still runs."""
    _LOAD_PATH["path"] = path
    forced: dict[str, Any] = {}
    try:
        while True:
            try:
                settings = Settings(**forced)
                break
            except ValidationError as exc:
                fresh = _defaults_for(exc, forced)
                if not fresh:
                    raise
                forced.update(fresh)
    finally:
        _LOAD_PATH.clear()
    # env and file first; the keychain holds it once saved there
    if settings.gemini_api_key is None and _JsonFileSource(Settings, path)._data.get(_KEY_IN_KEYCHAIN):
        stored = Keychain.for_home(path.parent).get(GEMINI_KEY_SECRET)
        if stored:
            settings.gemini_api_key = SecretStr(stored)
    return settings


def _defaults_for(exc: ValidationError, forced: dict[str, Any]) -> dict[str, Any]:
    """Field name -> default for every invalid value in `exc`, each reported once."""
    by_key = {name: name for name in Settings.model_fields}
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        for choice in alias.choices if isinstance(alias, AliasChoices) else []:
            if isinstance(choice, str):
                by_key[choice] = name
    fresh: dict[str, Any] = {}
    for error, sentence in zip(exc.errors(), friendly_errors(exc), strict=True):
        key = str(error["loc"][0]) if error["loc"] else ""
        found = by_key.get(key)
        if found is None or found in forced or found in fresh:
            continue
        name = found
        default = Settings.model_fields[name].get_default(call_default_factory=True)
        where = f"environment: {key}" if key.isupper() else f"settings.json: {key}"
        secret = name in _SECRET_FIELDS  # neither the value nor a sentence quoting it is shown
        value = "(hidden)" if secret else _shown(error.get("input"))
        reason = str(error["msg"]) if secret else sentence.rstrip(".")
        log.warning("%s=%s is not valid: %s. Using the default, %s.", where, value, reason, _shown(default))
        fresh[name] = default
    return fresh


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def save_settings(settings: Settings, path: Path) -> None:
    """Persist what the user chose; values that came from the environment stay out of the file."""
    overridden = _env_overridden_fields()
    data = settings.model_dump(mode="json", exclude=overridden)
    for name in ("gemini_api_key", "firebase_web_api_key"):
        if name in data:
            secret = getattr(settings, name)
            data[name] = secret.get_secret_value() if secret else None
    if "gemini_api_key" in data:  # the key goes to the OS keychain where there is one, else stays in this file
        keychain = Keychain.for_home(path.parent)
        if data["gemini_api_key"] is None:
            if _JsonFileSource(Settings, path)._data.get(_KEY_IN_KEYCHAIN):
                keychain.delete(GEMINI_KEY_SECRET)
        elif keychain.set(GEMINI_KEY_SECRET, data["gemini_api_key"]):
            data["gemini_api_key"] = None
            data[_KEY_IN_KEYCHAIN] = True
    # The file keeps the user's own value of an overridden field, so it returns when the variable is unset.
    previous = _JsonFileSource(Settings, path)()
    data.update({name: previous[name] for name in overridden if name in previous})
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True))
