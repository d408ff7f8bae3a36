"""A first run joins the Whisper base model's two parts: the window shows that as a progress dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog

from mockmate_desktop.app import AppContext
from mockmate_desktop.speech.model_files import BASE_SIZE, base_needs_assembly
from mockmate_desktop.ui.launch import build_window

pytestmark = pytest.mark.slow


def test_first_run_assembles_base_with_a_progress_dialog(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("MOCKMATE_MODEL_CACHE", str(tmp_path / "fresh-cache"))
    ctx = AppContext.create()
    ctx.settings.first_run_done = True
    ctx.settings.whisper_model = "base"
    assert base_needs_assembly(ctx.paths.model_cache)
    win = build_window(ctx, load_speech=False)
    qtbot.addWidget(win)
    seen: list[tuple[int, int]] = []
    dialogs: list[bool] = []

    def on_progress(done: int, total: int) -> None:
        seen.append((done, total))
        dialog = win.findChild(QProgressDialog, "modelAssemblyDialog")
        dialogs.append(dialog is not None and dialog.isVisible())

    win.speech_status.assembling.connect(on_progress)
    win.show()
    win.speech_status.start()
    qtbot.waitUntil(lambda: win.speech_status.transcriber is not None, timeout=120_000)
    try:
        assert seen and seen[-1] == (BASE_SIZE, BASE_SIZE)
        assert all(done <= total for done, total in seen)
        assert dialogs and dialogs[-1], "the progress dialog was on screen while the parts were joined"
        assert win.findChild(QProgressDialog, "modelAssemblyDialog") is None or not win.findChild(
            QProgressDialog, "modelAssemblyDialog"
        ).isVisible()
        assert not base_needs_assembly(ctx.paths.model_cache)
    finally:
        win.close()
        assert win.tasks.wait_for_done(60_000)
