"""Interview setup: inline validation in the user's words, the engine note, loading a job description."""

from __future__ import annotations

from pathlib import Path

from mockmate_desktop.domain.enums import AnswerMode, EngineChoice


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
