"""The window's Whisper in a child process (speech/whisper_process.py): the real model, the real child, real
signals. It must answer exactly as the in-process transcriber does, overlap calls, survive the child's death,
and die with the app."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from enum import Enum
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest

from mockmate_desktop.core.helper_process import ROLE_VARIABLE
from mockmate_desktop.domain.delivery import WordTiming
from mockmate_desktop.domain.transcript import Transcript
from mockmate_desktop.speech.model_files import (
    BASE_PART_PACKAGES,
    BASE_SHA256,
    BASE_SIDE_FILES,
    BASE_SIZE,
    package_data_dir,
)
from mockmate_desktop.speech.protocols import SpeechUnavailableError
from mockmate_desktop.speech.whisper import WhisperTranscriber
from mockmate_desktop.speech.whisper_frames import FrameError, decode, encode, read_frame, write_frame
from mockmate_desktop.speech.whisper_process import WhisperProcessTranscriber
from tests.conftest import REPO_ROOT
from tests.support.audio import load_fixture

WAIT_S = 120.0  # a bound on waits for the child on a loaded 2-core machine, never a pause


def _gone(pid: int, timeout: float) -> bool:
    """Waits for process `pid` (not our child) to end: a pidfd becomes readable when it does."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], timeout)[0])
    finally:
        os.close(fd)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WhisperProcessTranscriber]:
    transcriber = WhisperProcessTranscriber("tiny.en", tmp_path_factory.mktemp("cache"))
    # Loaded from a thread that then ends: the child must outlive it (PR_SET_PDEATHSIG follows the thread
    # that started the child, which is the proxy's reader thread, not the caller's).
    loader = threading.Thread(target=transcriber.load)
    loader.start()
    loader.join()
    yield transcriber
    pid = transcriber.pid
    transcriber.close()
    assert pid is None or _gone(pid, WAIT_S)


class _Colour(Enum):
    RED = "red"


def test_frames_carry_arrays_as_raw_bytes_and_rebuild_every_kind_of_value() -> None:
    audio = np.linspace(-1, 1, 16_000, dtype=np.float32)
    transcript = Transcript(text="hi", words=[WordTiming(word="hi", start=0.1, end=0.3)], model_name="x")
    value = {
        "audio": audio,
        "path": Path("/m"),
        "colour": _Colour.RED,
        "n": [1, 2.5, None, True],
        "t": transcript,
    }
    blobs: list[bytes] = []
    stream = BytesIO()
    write_frame(stream, {"id": 7, "value": encode(value, blobs)}, blobs)
    assert len(stream.getvalue()) < audio.nbytes + 1_000  # raw float32, not a JSON list of numbers
    stream.seek(0)
    frame = read_frame(stream)
    assert frame is not None and read_frame(stream) is None  # then a clean end
    header, payload = frame
    back = decode(header["value"], payload)
    assert header["id"] == 7 and np.array_equal(back["audio"], audio) and back["audio"].flags.writeable
    assert back["path"] == Path("/m") and back["colour"] == "red" and back["n"] == [1, 2.5, None, True]
    assert back["t"] == transcript
    with pytest.raises(FrameError, match="ended inside a frame"):
        read_frame(BytesIO(stream.getvalue()[:-10]))
    with pytest.raises(FrameError, match="refusing"):
        decode({"$model": "os:system", "data": {}}, [])
    with pytest.raises(TypeError, match="cannot be sent"):
        encode(object(), [])


def test_an_unknown_model_gives_the_in_process_message(tmp_path: Path) -> None:
    transcriber = WhisperProcessTranscriber("small", tmp_path)
    try:
        with pytest.raises(SpeechUnavailableError) as remote:
            transcriber.load()
        with pytest.raises(SpeechUnavailableError) as local:
            WhisperTranscriber("small", tmp_path).load()
        assert str(remote.value) == str(local.value) and "unknown Whisper model" in str(remote.value)
        assert not transcriber.loaded and transcriber.load_seconds is None
    finally:
        transcriber.close()


def test_the_child_dies_with_the_app_even_when_the_app_is_killed(tmp_path: Path) -> None:
    app = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from mockmate_desktop.speech.whisper_process import WhisperProcessTranscriber\n"
        f"t = WhisperProcessTranscriber('small', Path({str(tmp_path)!r}))\n"
        "try:\n    t.load()\nexcept Exception:\n    pass\n"
        "print(t.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", app], capture_output=True, text=True, timeout=WAIT_S, cwd=REPO_ROOT
    )
    assert result.returncode == -signal.SIGKILL
    assert _gone(int(result.stdout.strip()), WAIT_S)


def test_the_frozen_entry_point_serves_the_role_in_frames_and_ends_with_its_stdin(tmp_path: Path) -> None:
    """The packaged app's own entry script, run for the role as a frozen build runs it: every request is
    answered in a frame tagged with its id, stdout carries nothing else, and the end of stdin ends it."""
    child = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "packaging" / "entry.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, ROLE_VARIABLE: "whisper-worker", "PYTHONPATH": str(REPO_ROOT)},
    )
    assert child.stdin is not None and child.stdout is not None
    no_kwargs = encode({}, [])
    write_frame(
        child.stdin, {"op": "open", "id": 0, "args": encode(["small", tmp_path], []), "kwargs": no_kwargs}, []
    )
    for request, method in ((1, "load"), (2, "_lock"), (3, "missing")):
        write_frame(
            child.stdin, {"op": "call", "id": request, "method": method, "args": [], "kwargs": no_kwargs}, []
        )
    answers = {}
    while len(answers) < 4:
        frame = read_frame(child.stdout)
        assert frame is not None
        answers[frame[0]["id"]] = frame[0]
    child.stdin.close()
    assert child.wait(WAIT_S) == 0 and child.stdout.read() == b""
    assert "error" not in answers[0] and answers[0]["state"] == {"loaded": False, "load_seconds": None}
    assert "unknown Whisper model" in answers[1]["error"]["message"]
    assert "no method" in answers[2]["error"]["message"] and "no method" in answers[3]["error"]["message"]


def test_library_output_in_the_child_goes_to_stderr_never_into_the_frames() -> None:
    script = (
        "import os\n"
        "from mockmate_desktop.speech.whisper_worker import _claim_stdout\n"
        "from mockmate_desktop.speech.whisper_frames import write_frame\n"
        "frames = _claim_stdout()\n"
        "print('python noise', flush=True)\n"
        "os.write(1, b'native noise')\n"
        "write_frame(frames, {'id': 5}, [])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=WAIT_S, cwd=REPO_ROOT, check=True
    )
    frame = read_frame(BytesIO(result.stdout))
    assert frame is not None and frame[0] == {"id": 5}
    assert (
        b"noise" not in result.stdout
        and b"python noise" in result.stderr
        and b"native noise" in result.stderr
    )


@pytest.mark.slow
def test_the_child_answers_as_the_in_process_model_does(
    proxy: WhisperProcessTranscriber, tiny_model: WhisperTranscriber
) -> None:
    audio = load_fixture("jfk")
    remote = proxy.transcribe(audio, language="en", vad=True)
    local = tiny_model.transcribe(audio, language="en", vad=True)
    assert remote.text == local.text and "ask not what your country" in remote.text
    assert remote == local  # words, times and probabilities too
    assert proxy.loaded and (proxy.load_seconds or 0) > 0 and proxy.model_name == "tiny.en"


@pytest.mark.slow
def test_two_calls_at_once_both_complete(proxy: WhisperProcessTranscriber) -> None:
    clips = {"goforward": load_fixture("goforward"), "jfk": load_fixture("jfk")}
    results: dict[str, str] = {}
    start = threading.Barrier(len(clips))

    def run(name: str) -> None:
        start.wait()
        results[name] = proxy.transcribe(clips[name], language="en", short_window=True, vad=False).text

    threads = [threading.Thread(target=run, args=(name,)) for name in clips]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_S)
    assert "forward" in results["goforward"].lower() and "country" in results["jfk"]


@pytest.mark.slow
def test_a_killed_child_fails_the_pending_call_in_one_line_and_the_next_call_restarts_it(
    proxy: WhisperProcessTranscriber,
) -> None:
    first_pid = proxy.pid
    assert first_pid is not None
    failure: list[BaseException] = []

    def answer() -> None:
        try:
            proxy.transcribe(load_fixture("espeak_answer_16k"), language="en")
        except BaseException as exc:
            failure.append(exc)

    caller = threading.Thread(target=answer)
    caller.start()
    assert proxy.wait_in_flight(1, WAIT_S)
    os.kill(first_pid, signal.SIGKILL)
    caller.join(WAIT_S)
    assert len(failure) == 1 and isinstance(failure[0], SpeechUnavailableError)
    message = str(failure[0])
    assert "\n" not in message and "killed (SIGKILL)" in message and "recording is kept" in message
    assert not proxy.loaded
    assert "country" in proxy.transcribe(load_fixture("jfk"), language="en").text
    assert proxy.pid not in (None, first_pid)


@pytest.mark.slow
def test_a_damaged_model_file_gives_the_in_process_message(tmp_path: Path) -> None:
    """A base model.bin of the right size but wrong bytes, vouched for by the check marker (as after a disk
    fault): CTranslate2 refuses it, and the message is the one the in-process loader gives."""
    folder = tmp_path / "whisper-base"
    folder.mkdir()
    model = folder / "model.bin"
    with model.open("wb") as handle:
        handle.truncate(BASE_SIZE)
    for name in BASE_SIDE_FILES:
        shutil.copyfile(package_data_dir(BASE_PART_PACKAGES[0]) / name, folder / name)
    (folder / ".verified").write_text(
        f"{BASE_SHA256} {BASE_SIZE} {model.stat().st_mtime_ns}", encoding="utf-8"
    )
    transcriber = WhisperProcessTranscriber("base", tmp_path)
    try:
        with pytest.raises(SpeechUnavailableError) as remote:
            transcriber.load()
    finally:
        transcriber.close()
    with pytest.raises(SpeechUnavailableError) as local:
        WhisperTranscriber("base", tmp_path).load()
    assert str(remote.value) == str(local.value) and "could not be loaded" in str(remote.value)


WINDOW_PATH = """
import sys, types
from pathlib import Path
from mockmate_desktop.domain.enums import Language
from mockmate_desktop.core.settings import Settings
from mockmate_desktop.speech.live import LiveTranscription, answer_config
from mockmate_desktop.ui.speech_services import SpeechServices
from tests.support.audio import load_fixture

class Services(SpeechServices):
    def __init__(self, cache):
        import threading
        self._lock, self._transcribers, self._tts = threading.Lock(), {}, None
        self._paths = types.SimpleNamespace(model_cache=cache)
    @property
    def paths(self):
        return self._paths
    @property
    def settings(self):
        return Settings()

services = Services(Path(sys.argv[1]))
transcriber = services.load_transcriber("tiny.en")
live = services.live_transcription(transcriber, Language.EN, None)
live.start()
audio = load_fixture("jfk")
for start in range(0, len(audio), 1600):
    live.feed(audio[start:start + 1600])
live.stop()
final = live.wait_final(120)
print(transcriber.pid)
services.close()
print(final.text if final else "")
print(",".join(m for m in ("faster_whisper", "ctranslate2", "tokenizers") if m in sys.modules))
"""


@pytest.mark.slow
def test_the_window_path_never_imports_whisper_libraries(tmp_path: Path) -> None:
    """What the window runs for an answer (its speech services, live transcription with the streaming VAD)
    loads none of faster-whisper, CTranslate2 or tokenizers into its own process, and quitting ends the child."""
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_PATH, str(tmp_path)],
        capture_output=True, text=True, timeout=WAIT_S * 2, cwd=REPO_ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    pid, text, heavy = ([*result.stdout.splitlines(), "", "", ""])[:3]
    assert "country" in text, result.stdout
    assert heavy == ""
    assert _gone(int(pid), WAIT_S)
