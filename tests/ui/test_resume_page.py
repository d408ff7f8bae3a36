"""Resume analyzer page and the setup page's resume picker, with real PDFs and the real offline analyzer."""

from __future__ import annotations

from pathlib import Path

from tests.support import pdfs


def test_analyzer_page_scores_a_pdf_resume(qtbot, window, tmp_path: Path) -> None:
    resume = tmp_path / "my resume.pdf"
    resume.write_bytes(pdfs.single_column_resume())
    window.go("resume")
    page = window.resume
    page.analyze_button.click()
    assert page.error.isVisible() and "resume" in page.error.text()
    with qtbot.waitSignal(page.picker.profile_changed, timeout=30_000):
        page.picker.choose(str(resume))
    assert "Experience" in page.picker.preview.toPlainText()
    page.job_title.setText("Senior Backend Engineer")
    page.job_description.setPlainText(pdfs.JOB_DESCRIPTION)
    page.engine.setCurrentIndex(page.engine.findData("offline"))
    with qtbot.waitSignal(page.analysed, timeout=30_000) as blocker:
        page.analyze_button.click()
    analysis = blocker.args[0]
    assert page.gauge.score == analysis.suitability_score
    assert page.badge.text() == "Offline heuristic"
    shown = page.result.toPlainText()
    assert analysis.matched and analysis.matched[0].skill in shown
    assert "Missing skills" in shown and "Suggestions" in shown
    stored = window.services.store.list_resume_analyses()
    assert [a.id for a in stored] == [analysis.id]


def test_pasted_resume_text_and_a_bad_file(qtbot, window, tmp_path: Path) -> None:
    window.go("resume")
    page = window.resume
    broken = tmp_path / "cv.pdf"
    broken.write_bytes(pdfs.corrupt_pdf())
    with qtbot.waitSignal(page.picker.parse_failed, timeout=30_000) as failed:
        page.picker.choose(str(broken))
    assert page.picker.warning.isVisible() and failed.args[0] in page.picker.warning.text()
    assert "Traceback" not in page.picker.warning.text()
    page.pasted.setPlainText(
        "Jane Doe\nSkills: Python, PostgreSQL, Docker, AWS\nExperience: built REST APIs at Acme."
    )
    page.job_description.setPlainText(pdfs.JOB_DESCRIPTION)
    with qtbot.waitSignal(page.analysed, timeout=30_000) as blocker:
        page.analyze_button.click()
    assert any(m.skill.lower() == "python" for m in blocker.args[0].matched)


def test_setup_page_previews_the_resume_it_will_use(qtbot, window, tmp_path: Path) -> None:
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(pdfs.two_column_resume())
    window.go("setup")
    picker = window.setup.resume
    with qtbot.waitSignal(picker.profile_changed, timeout=30_000) as loaded:
        picker.choose(str(resume))
    profile = loaded.args[0]
    assert picker.preview.toPlainText().strip() and "words" in picker.file_label.text()
    window.setup.job_title.setText("Backend Engineer")
    config = window.setup.validate()
    assert config is not None and config.resume_id == profile.id


def test_analyzer_says_the_resume_is_needed_and_clears_its_error_without_moving(
    qtbot, window, tmp_path: Path
) -> None:
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(pdfs.single_column_resume())
    window.go("resume")
    page = window.resume
    assert "optional" not in page.picker.file_label.text()
    assert "(optional)" in window.setup.resume.file_label.text()  # where it really is optional
    assert not page.result.isVisibleTo(page) and "No analysis yet" in page.empty.text()
    button_y = page.analyze_button.mapTo(page, page.analyze_button.rect().topLeft()).y()
    page.analyze_button.click()
    assert page.error.text() == "Choose a resume file or paste its text."
    assert page.analyze_button.mapTo(page, page.analyze_button.rect().topLeft()).y() == button_y
    with qtbot.waitSignal(page.picker.profile_changed, timeout=30_000):
        page.picker.choose(str(resume))
    assert page.error.text() == ""  # attaching the resume answered the message
    assert page.analyze_button.mapTo(page, page.analyze_button.rect().topLeft()).y() == button_y
    page.analyze_button.click()
    assert "job description" in page.error.text()
    page.job_description.setPlainText(pdfs.JOB_DESCRIPTION)
    assert page.error.text() == ""
