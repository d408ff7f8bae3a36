"""Interview setup: inline validation in the user's words, the engine note, loading a job description."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mockmate_desktop.app import AppContext
from mockmate_desktop.domain.enums import AnswerMode, EngineChoice
from mockmate_desktop.ui.pages.setup import SetupPage
from mockmate_desktop.ui.shell import Shell
from tests.ui.recording_shell import recording_shell


@pytest.fixture
def shell(qtbot, ctx: AppContext) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    yield from recording_shell(ctx)


def test_validation_is_inline_and_friendly(qtbot, window) -> None:
    window.go("setup")
    page = window.setup
    assert not page.start_button.isEnabled()  # nothing typed yet, and no error shouted at the user
    assert page.job_title_error.isHidden()
    page.job_title.setText("42")
    page.start_button.click()
    assert page.job_title_error.isVisible()
    assert page.job_title_error.text() == "The job title needs at least one letter."
    assert window.current_page == "setup"
    page.job_title.setText("x")
    assert page.job_title_error.text() == "Is too short (at least 2 characters)."
    page.job_title.setText("Site Reliability Engineer")
    assert page.job_title_error.isHidden() and page.start_button.isEnabled()
    page.job_description.setPlainText("k" * 30_001)
    assert page.jd_error.isVisible() and "too long" in page.jd_error.text()
    page.job_description.setPlainText("Run Kubernetes clusters.")
    page.typed_radio.setChecked(True)
    page.engine.setCurrentIndex(page.engine.findData(EngineChoice.OFFLINE))
    page.question_count.setValue(15)
    config = page.validate()
    assert config is not None
    assert config.answer_mode is AnswerMode.TYPED and config.question_count == 15
    assert config.engine is EngineChoice.OFFLINE
    assert page.engine_note.text().startswith("Offline engine: chosen here")


def test_gemini_without_key_is_explained(qtbot, window) -> None:
    window.go("setup")
    page = window.setup
    page.engine.setCurrentIndex(page.engine.findData(EngineChoice.GEMINI))
    assert "no Gemini key is set" in page.engine_note.text()
    page.engine.setCurrentIndex(page.engine.findData(EngineChoice.AUTO))
    assert page.engine_note.text() == "Offline engine: no Gemini key set. Add one in Settings to use Gemini."


def test_job_description_loads_from_a_file_in_a_worker(qtbot, window, tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text("We need Python, PostgreSQL and AWS experience.", encoding="utf-8")
    window.go("setup")
    window.setup.load_job_description(str(jd))
    qtbot.waitUntil(lambda: "PostgreSQL" in window.setup.job_description.toPlainText(), timeout=10_000)
    window.setup.load_job_description(str(tmp_path / "missing.txt"))
    qtbot.waitUntil(lambda: window.setup.jd_error.isVisible(), timeout=10_000)
    assert "missing.txt" in window.setup.jd_error.text() and "Traceback" not in window.setup.jd_error.text()


def test_a_disabled_start_always_says_why(qtbot, window) -> None:
    window.go("setup")
    page = window.setup
    assert not page.start_button.isEnabled()
    assert page.start_reason.text() == "Enter the job title to start."
    assert page.start_button.toolTip() == "Enter the job title to start."
    page.job_title.setText("Data Engineer")
    assert page.start_button.isEnabled() and "prepared when you start" in page.start_reason.text()


def test_out_of_range_lengths_stay_and_are_explained(qtbot, window) -> None:
    window.go("setup")
    page = window.setup
    page.job_title.setText("Data Engineer")
    for typed, words in ((3, "too few"), (20, "too many")):
        page.question_count.setValue(typed)
        assert page.question_count.value() == typed  # not silently replaced by another number
        assert not page.count_error.isHidden() and words in page.count_error.text()
        assert "5 to 15" in page.count_error.text()
        assert not page.start_button.isEnabled() and "Choose 5 to 15 questions." in page.start_reason.text()
    page.question_count.setValue(15)
    assert page.count_error.isHidden() and page.start_button.isEnabled()
    assert page.validate() is not None


def test_enter_in_the_job_title_starts_or_says_what_is_missing(qtbot, shell) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    page = SetupPage(shell)
    qtbot.addWidget(page)
    page.on_enter()
    qtbot.keyClick(page.job_title, Qt.Key.Key_Return)
    assert shell.navigator.calls == []
    assert not page.job_title_error.isHidden() and "Enter the job title" in page.job_title_error.text()
    qtbot.keyClicks(page.job_title, "QA Engineer")
    assert page.job_title_error.isHidden()
    qtbot.keyClick(page.job_title, Qt.Key.Key_Return)
    assert [name for name, _ in shell.navigator.calls] == ["start_interview"]
    assert shell.navigator.calls[0][1].job_title == "QA Engineer"


def test_tab_in_the_job_description_moves_on(qtbot, window) -> None:
    from PySide6.QtCore import Qt

    window.go("setup")
    page = window.setup
    page.job_description.setPlainText("Python")
    qtbot.keyClick(page.job_description, Qt.Key.Key_Tab)
    assert page.job_description.toPlainText() == "Python"
    assert page.job_description.tabChangesFocus()


def test_timing_and_microphone_check_belong_to_spoken_answers(qtbot, shell, ctx) -> None:  # type: ignore[no-untyped-def]
    shell.services.settings.thinking_time_s = 30.0
    page = SetupPage(shell)
    qtbot.addWidget(page)
    page.show()
    page.on_enter()
    assert page.thinking_time.value() == 30.0 and page.answer_end.value() == 5.0
    assert page.mic_check.isVisibleTo(page)
    page.typed_radio.setChecked(True)
    assert not page.mic_check.isVisibleTo(page) and not page.thinking_time.isVisibleTo(page)
    page.voice_radio.setChecked(True)
    assert page.mic_check.isVisibleTo(page) and page.answer_end.isVisibleTo(page)
    # Chosen here, kept as the user's settings when the interview starts.
    page.answer_end.setValue(8.0)
    page.job_title.setText("QA Engineer")
    page.start()
    assert [name for name, _ in shell.navigator.calls] == ["start_interview"]
    assert shell.services.settings.answer_end_silence_s == 8.0
    qtbot.waitUntil(lambda: AppContext.create().settings.answer_end_silence_s == 8.0, timeout=10_000)
