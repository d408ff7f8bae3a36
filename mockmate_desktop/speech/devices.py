"""Audio device lookup through sounddevice (PortAudio), imported lazily with a clear error."""

from __future__ import annotations

from typing import Any

from .protocols import SpeechUnavailableError

NO_INPUT = (
    "No microphone found. Connect a microphone (or check the system sound settings) and try again; "
    "you can still answer by typing."
)
NO_OUTPUT = "No speaker or headphones found: questions are shown as text instead of being read aloud."


def sounddevice_module() -> Any:
    try:
        import sounddevice
    except OSError as exc:  # the wheel does not bundle PortAudio on Linux
        raise SpeechUnavailableError(
            "The PortAudio library is missing: install it (Debian/Ubuntu: sudo apt install libportaudio2)"
        ) from exc
    except ImportError as exc:
        raise SpeechUnavailableError(
            "sounddevice is not installed: pip install 'sounddevice>=0.5.1,<0.6'"
        ) from exc
    return sounddevice


def list_devices(kind: str, sound_device: Any = None) -> list[dict[str, Any]]:
    """Devices with at least one `kind` ("input"/"output") channel, each with its PortAudio index.
    `sound_device`: a module with sounddevice's interface (tests pass a fake); None is sounddevice."""
    sd = sound_device or sounddevice_module()
    try:
        devices = sd.query_devices()
    except Exception as exc:  # PortAudio errors on broken sound setups
        raise SpeechUnavailableError(f"The sound system could not be queried ({exc})") from exc
    key = f"max_{kind}_channels"
    return [dict(d, index=i) for i, d in enumerate(devices) if d.get(key, 0) > 0]


def resolve_device(spec: str | int | None, kind: str, sound_device: Any = None) -> int:
    """PortAudio index for a device chosen by index or (part of) its name; None is the system default."""
    devices = list_devices(kind, sound_device)
    if not devices:
        raise SpeechUnavailableError(NO_INPUT if kind == "input" else NO_OUTPUT)
    if spec is None or spec == "":
        sd = sound_device or sounddevice_module()
        default = sd.default.device[0 if kind == "input" else 1]
        if isinstance(default, int) and any(d["index"] == default for d in devices):
            return default
        return int(devices[0]["index"])
    if isinstance(spec, int) or str(spec).isdigit():
        wanted = int(spec)
        if any(d["index"] == wanted for d in devices):
            return wanted
        raise SpeechUnavailableError(
            f"No {kind} device number {wanted}; run `mockmate doctor` to list devices"
        )
    lowered = str(spec).lower()
    for device in devices:
        if str(device["name"]).lower() == lowered:
            return int(device["index"])
    for device in devices:
        if lowered in str(device["name"]).lower():
            return int(device["index"])
    names = ", ".join(str(d["name"]) for d in devices)
    raise SpeechUnavailableError(f"{kind.capitalize()} device {spec!r} not found (available: {names})")
