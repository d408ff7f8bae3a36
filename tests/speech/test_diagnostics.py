from mockmate_desktop.app import AppContext
from mockmate_desktop.core.diagnostics import CheckStatus
from mockmate_desktop.speech.diagnostics import diagnose


def test_doctor_checks_models_voices_and_devices() -> None:
    checks = {c.name: c for c in diagnose(AppContext.create())}
    assert checks["Whisper tiny.en"].status is CheckStatus.OK
    assert checks["Whisper base"].status is CheckStatus.OK
    for lang in ("en", "hi", "fr"):
        assert checks[f"TTS voice {lang}"].status is CheckStatus.OK
    # This machine has no sound card and the tests' sound server is not running here.
    assert checks["Microphone"].status is CheckStatus.WARN and "No microphone" in checks["Microphone"].detail
    assert checks["Microphone"].fix
