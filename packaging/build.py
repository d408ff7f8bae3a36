"""`make package`: the PyInstaller one-folder bundle, then a Debian package made with dpkg-deb.

Both are rebuilt only when their inputs change: a hash of everything that goes into them (the app's code and
assets, the packaging files, pyproject.toml, the Makefile and the installed package versions) is kept beside
the outputs, and a build whose hash matches is reused. Run from the repository root:

    .venv/bin/python packaging/build.py [--force] [--out build/package]

It prints one JSON object with the paths, sizes and build times.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "app.mockmate.MockMate"
ICON_SIZES = (48, 64, 128, 256)
# What the bundle loads from the system rather than carrying itself: the espeak-ng voice (pyttsx3), PortAudio
# (sounddevice), PulseAudio for Qt Multimedia, and the X11/xcb, GL and font libraries Qt's xcb plugin needs.
DEPENDS = (
    "espeak-ng",
    "libespeak-ng1",
    "libportaudio2",
    "libpulse0",
    "libglib2.0-0",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "fonts-dejavu-core",
)
# Inputs hashed to decide whether a rebuild is needed; caches and build outputs are left out.
_INPUT_GLOBS = ("mockmate_desktop/**/*.py", "assets/**/*", "packaging/**/*", "pyproject.toml", "Makefile")
_SKIP_PARTS = {"__pycache__", "build", "dist"}


@dataclass(frozen=True)
class BuildResult:
    bundle: str
    deb: str
    reused: bool
    bundle_bytes: int
    deb_bytes: int
    bundle_seconds: float
    deb_seconds: float
    inputs_sha256: str


def inputs_hash(root: Path = ROOT) -> str:
    """One hash over every input file (path and bytes) and the installed packages' versions."""
    digest = hashlib.sha256()
    files: set[Path] = set()
    for pattern in _INPUT_GLOBS:
        files.update(p for p in root.glob(pattern) if p.is_file() and not _SKIP_PARTS & set(p.parts))
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True, check=True
    ).stdout
    digest.update(frozen.encode())
    return digest.hexdigest()


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle(out: Path) -> Path:
    """PyInstaller one-folder build into `out/dist/MockMate`."""
    work = out / "work"
    dist = out / "dist"
    shutil.rmtree(dist / "MockMate", ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "mockmate.spec"), "--noconfirm",
         "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    return dist / "MockMate"


def render_icons(svg: Path, icons_root: Path) -> None:
    """The SVG icon plus PNGs in the hicolor sizes, rendered with Qt's SVG renderer (no extra tools)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"the icon {svg} is not a valid SVG")
    scalable = icons_root / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        folder = icons_root / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / f"{APP_ID}.png")):
            raise SystemExit(f"could not write the {size}px icon")


def control_text(version: str, installed_kib: int, architecture: str) -> str:
    return (
        "Package: mockmate\n"
        f"Version: {version}\n"
        "Section: education\n"
        "Priority: optional\n"
        f"Architecture: {architecture}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        "Maintainer: The MockMate team <mockmate@localhost>\n"
        "Description: practise spoken job interviews on your own laptop\n"
        " MockMate reads interview questions aloud, records your spoken answers, transcribes them locally\n"
        " (your audio never leaves the machine) and reports on content and delivery. It works offline;\n"
        " Google Gemini is used when an API key is set.\n"
    )


def stage_deb(bundle: Path, stage: Path, version: str) -> None:
    """The package's file tree: /opt/mockmate, /usr/bin/mockmate, the desktop entry, icons, metainfo."""
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / "mockmate"
    opt.parent.mkdir(parents=True)
    # Hard links: the bundle is ~800 MB and the stage is thrown away after dpkg-deb has read it.
    shutil.copytree(bundle, opt, copy_function=os.link, symlinks=True)
    usr = stage / "usr"
    (usr / "bin").mkdir(parents=True)
    launcher = usr / "bin" / "mockmate"
    shutil.copyfile(LINUX / "mockmate-launcher.sh", launcher)
    launcher.chmod(0o755)
    applications = usr / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copyfile(LINUX / f"{APP_ID}.desktop", applications / f"{APP_ID}.desktop")
    metainfo = usr / "share" / "metainfo"
    metainfo.mkdir(parents=True)
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    text = text.replace("@VERSION@", version).replace("@DATE@", date.today().isoformat())
    (metainfo / f"{APP_ID}.metainfo.xml").write_text(text, encoding="utf-8")
    render_icons(LINUX / f"{APP_ID}.svg", usr / "share" / "icons" / "hicolor")
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    debian = stage / "DEBIAN"
    debian.mkdir()
    installed_kib = (tree_bytes(stage) + 1023) // 1024
    (debian / "control").write_text(control_text(version, installed_kib, architecture), encoding="utf-8")


def build_deb(bundle: Path, out: Path, version: str) -> Path:
    stage = out / "deb-root"
    stage_deb(bundle, stage, version)
    deb = out / f"mockmate_{version}.deb"
    # zstd at a low level: the payload is mostly model weights and shared libraries that compress little,
    # so a high level costs minutes for a few percent.
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zzstd", "-z3", "--build", str(stage), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage, ignore_errors=True)
    return deb


def build(out: Path, *, force: bool = False) -> BuildResult:
    out.mkdir(parents=True, exist_ok=True)
    version = project_version()
    wanted = inputs_hash()
    stamp = out / "inputs.json"
    bundle = out / "dist" / "MockMate"
    deb = out / f"mockmate_{version}.deb"
    if not force and stamp.is_file() and bundle.is_dir() and deb.is_file():
        previous = json.loads(stamp.read_text(encoding="utf-8"))
        if previous.get("inputs_sha256") == wanted:
            return BuildResult(**{**previous, "reused": True})
    started = time.perf_counter()
    bundle = build_bundle(out)
    bundle_seconds = time.perf_counter() - started
    started = time.perf_counter()
    deb = build_deb(bundle, out, version)
    deb_seconds = time.perf_counter() - started
    result = BuildResult(
        bundle=str(bundle),
        deb=str(deb),
        reused=False,
        bundle_bytes=tree_bytes(bundle),
        deb_bytes=deb.stat().st_size,
        bundle_seconds=round(bundle_seconds, 1),
        deb_seconds=round(deb_seconds, 1),
        inputs_sha256=wanted,
    )
    stamp.write_text(json.dumps(asdict(result), indent=2), encoding="utf-8")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "package")
    parser.add_argument("--force", action="store_true", help="rebuild even when the inputs did not change")
    args = parser.parse_args()
    print(json.dumps(asdict(build(args.out.resolve(), force=args.force)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
