"""The installed app, as a user gets it: build the PyInstaller bundle and the .deb, then run what the .deb holds.

The build is reused while its inputs are unchanged (packaging/build.py keeps a hash beside the outputs), so
only the first run on a machine, or a run after a change, pays for it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import pdfs

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "speech"
APP_ID = "app.mockmate.MockMate"


@pytest.fixture(scope="module")
def build() -> dict[str, object]:
    if shutil.which("dpkg-deb") is None:
        pytest.fail("dpkg-deb is needed to build the package (Debian's dpkg)")
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--out", str(ROOT / "build" / "package")],
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout)
    print(f"package build: {json.dumps(result)}")
    return result


@pytest.fixture(scope="module")
def installed(build: dict[str, object], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb's files unpacked as dpkg would lay them out (without touching this machine's /opt)."""
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", str(build["deb"]), str(root)], check=True)
    return root


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOCKMATE_", "QT_", "PYTHON"))}
    env.update(MOCKMATE_HOME=str(tmp_path / "home"), MOCKMATE_MODEL_CACHE=str(tmp_path / "models"))
    return env


def run_app(installed: Path, env: dict[str, str], *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(installed / "opt" / "mockmate" / "MockMate"), *args],
        env=env,
        input=stdin,
        capture_output=True,
        timeout=600,
        check=False,
    )


def test_deb_metadata_and_contents(build: dict[str, object]) -> None:
    deb = str(build["deb"])
    fields = subprocess.run(
        ["dpkg-deb", "-f", deb, "Package", "Version", "Architecture", "Depends"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Package: mockmate" in fields and "Version: 0.1.0" in fields
    for needed in ("espeak-ng", "libportaudio2", "libxcb-cursor0", "libxkbcommon-x11-0"):
        assert needed in fields
    listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True, check=True).stdout
    names = {line.split()[-1].removeprefix(".") for line in listing.splitlines()}
    assert {"/opt/mockmate/MockMate", "/usr/bin/mockmate"} <= names
    assert f"/usr/share/applications/{APP_ID}.desktop" in names
    assert f"/usr/share/metainfo/{APP_ID}.metainfo.xml" in names
    assert f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in names
    for size in (48, 64, 128, 256):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in names
    # Every file belongs to root, whoever built it.
    assert all(" root/root " in line for line in listing.splitlines())


def test_desktop_entry_and_metainfo_validate(installed: Path) -> None:
    desktop = installed / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    metainfo = installed / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    checked = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)], capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    launcher = (installed / "usr" / "bin" / "mockmate").read_text()
    assert "exec /opt/mockmate/MockMate" in launcher
    assert os.access(installed / "usr" / "bin" / "mockmate", os.X_OK)


def test_doctor_runs_from_the_bundle(installed: Path, app_env: dict[str, str]) -> None:
    done = run_app(installed, app_env, "doctor", "--json")
    checks = {c["name"]: c for c in json.loads(done.stdout)}
    for package in ("PySide6-Essentials", "faster-whisper", "pypdf", "pyttsx3", "sounddevice"):
        assert checks[f"python package {package}"]["status"] == "ok", checks[f"python package {package}"]
    assert checks["Whisper tiny.en"]["status"] == "ok"
    assert checks["Whisper base"]["status"] == "ok"
    assert checks["TTS voice en"]["status"] == "ok"


def test_transcribe_assembles_the_model_and_reads_a_fixture(installed: Path, app_env: dict[str, str]) -> None:
    started = time.perf_counter()
    done = run_app(installed, app_env, "transcribe", str(FIXTURES / "jfk.wav"))
    print(f"first-run transcribe (base assembled, loaded, 11 s clip): {time.perf_counter() - started:.1f} s")
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert "ask not what your country can do for you" in done.stdout.decode().lower()
    assert (Path(app_env["MOCKMATE_MODEL_CACHE"]) / "whisper-base" / "model.bin").stat().st_size == 145_217_532


def test_headless_interview_from_a_wav_folder_with_a_pdf_resume(
    installed: Path, app_env: dict[str, str], tmp_path: Path
) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    for index in range(1, 9):
        shutil.copyfile(FIXTURES / "goforward.wav", answers / f"answer_{index:02d}.wav")
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(pdfs.single_column_resume())
    done = run_app(
        installed, app_env, "interview", "--job-title", "Backend Engineer", "--resume", str(resume),
        "--answers-dir", str(answers), "--questions", "5", "--no-tts", "--engine", "offline",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert "Done. Session" in done.stdout.decode()


def test_pdf_reader_limits_hold_in_the_frozen_build(
    installed: Path, app_env: dict[str, str], tmp_path: Path
) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text("Backend engineer: Python, PostgreSQL, Kubernetes.", encoding="utf-8")
    good = tmp_path / "cv.pdf"
    good.write_bytes(pdfs.single_column_resume())
    done = run_app(installed, app_env, "resume", "analyze", str(good), "--jd-file", str(jd), "--json")
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert "Kubernetes" in done.stdout.decode()
    # A decompression bomb: the reader child hits its memory limit and the command ends in one line.
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdfs.decompression_bomb_pdf())
    done = run_app(installed, app_env, "resume", "analyze", str(bomb), "--jd-file", str(jd))
    message = done.stderr.decode().strip()
    assert done.returncode == 1 and len(message.splitlines()) == 1, message
    assert "Traceback" not in message


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Xvfb with openbox, as a real desktop session would have a window manager."""
    for tool in ("Xvfb", "openbox", "xdotool", "import"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is needed for the window test (see the Makefile's system packages)")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = f":{pipe.readline().strip()}"
    env = {**os.environ, "DISPLAY": display}
    wm = subprocess.Popen(["openbox", "--sm-disable"], env=env, stderr=subprocess.DEVNULL)
    try:
        yield env
    finally:
        wm.terminate()
        xvfb.terminate()
        wm.wait(10)
        xvfb.wait(10)


def test_window_opens_from_the_bundle(
    installed: Path, app_env: dict[str, str], x_display: dict[str, str]
) -> None:
    env = {**app_env, "DISPLAY": x_display["DISPLAY"], "QT_QPA_PLATFORM": "xcb"}
    started = time.perf_counter()
    app = subprocess.Popen([str(installed / "opt" / "mockmate" / "MockMate")], env=env)
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "MockMate"],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert found.returncode == 0 and found.stdout.strip(), "no MockMate window appeared"
        print(f"cold start to a visible window: {time.perf_counter() - started:.1f} s")
        # The window must stay up: waiting 5 s for the process to end has to time out.
        with pytest.raises(subprocess.TimeoutExpired):
            app.wait(timeout=5)
        shots = ROOT / "build" / "package" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", str(shots / "bundle-window.png")], env=env, check=True)
        assert (shots / "bundle-window.png").stat().st_size > 10_000
    finally:
        app.terminate()
        code = app.wait(30)
    assert code in (0, -15), f"the bundle exited with {code} on SIGTERM"
