"""`mockmate resume analyze|show|list` end to end, in-process, with real files and the real store."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from mockmate_desktop.cli import main
from tests.support import pdfs
from tests.support.fake_gemini import FakeGeminiServer

WriteFile = Callable[[str, bytes], Path]


@pytest.fixture
def jd_file(write_file: WriteFile) -> Path:
    return write_file("jd.txt", pdfs.JOB_DESCRIPTION.encode())


def test_analyze_offline_json(
    write_file: WriteFile, jd_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cv = write_file("cv.pdf", pdfs.two_column_resume())
    args = ["resume", "analyze", str(cv), "--jd-file", str(jd_file), "--job-title", "Backend", "--json"]
    assert main([*args, "--engine", "offline"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (
        payload["source"] == "offline"
        and payload["suitability_score"] == payload["deterministic_score"] == 71
    )
    assert payload["resume_reused"] is False
    assert {"Terraform", "Kafka"} <= {m["skill"] for m in payload["missing"]}
    assert main([*args, "--engine", "offline"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["resume_reused"] is True and again["deterministic_score"] == 71


def test_analyze_human_output(
    write_file: WriteFile, jd_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cv = write_file("cv.pdf", pdfs.single_column_resume())
    assert main(["resume", "analyze", str(cv), "--jd-file", str(jd_file)]) == 0
    out = capsys.readouterr().out
    assert "Suitability: 71/100" in out and "Offline engine" in out
    assert "Missing:" in out and "Suggestions:" in out and "was:" in out


def test_analyze_with_gemini(
    write_file: WriteFile, jd_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeGeminiServer() as server:
        monkeypatch.setenv("GEMINI_API_KEY", server.api_key)
        monkeypatch.setenv("MOCKMATE_GEMINI_BASE_URL", server.base_url)
        cv = write_file("cv.pdf", pdfs.single_column_resume())
        code = main(["resume", "analyze", str(cv), "--jd-file", str(jd_file), "--engine", "gemini", "--json"])
        assert code == 0
        payload = json.loads(capsys.readouterr().out)
        assert payload["source"] == "gemini" and payload["engine_score"] is not None
        assert len(server.generate_requests()) == 2  # one to read the resume, one to judge the fit


def test_show_prints_text_and_profile(write_file: WriteFile, capsys: pytest.CaptureFixture[str]) -> None:
    cv = write_file("cv.pdf", pdfs.skills_table_resume())
    assert main(["resume", "show", str(cv)]) == 0
    out = capsys.readouterr().out
    assert "=== Extracted text ===" in out and "Platforms | Kubernetes, Docker, AWS | 4" in out
    assert "Name: Asha Verma" in out and "Technical skills:" in out
    assert main(["resume", "show", str(cv), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["reused"] is True and "Kafka" in payload["text"]
    assert main(["resume", "list"]) == 0
    assert "Asha Verma" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (pdfs.truncated_pdf(), "incomplete"),
        (pdfs.encrypted_pdf(), "password"),
        (pdfs.image_only_pdf(), "no text layer"),
    ],
)
def test_bad_resume_exits_1_with_one_line(
    data: bytes, message: str, write_file: WriteFile, jd_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cv = write_file("bad.pdf", data)
    assert main(["resume", "analyze", str(cv), "--jd-file", str(jd_file)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("mockmate: ") and message in err and "\n" not in err


def test_encrypted_with_password_from_stdin_never_argv(
    write_file: WriteFile, jd_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cv = write_file("locked.pdf", pdfs.encrypted_pdf(user_password="s3cret"))
    args = ["resume", "analyze", str(cv), "--jd-file", str(jd_file), "--password"]
    assert main([*args, "s3cret"]) == 2  # a password in argv is refused: `ps` would show it
    assert "visible to other users" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    assert main(args) == 0
    assert "Suitability:" in capsys.readouterr().out


def test_usage_errors_exit_2(write_file: WriteFile, capsys: pytest.CaptureFixture[str]) -> None:
    cv = write_file("cv.pdf", pdfs.single_column_resume())
    assert main(["resume", "analyze", str(cv), "--jd-file", "/nonexistent/jd.txt"]) == 2
    assert "cannot read the job description" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["resume", "analyze", str(cv)])  # --jd-file is required
    assert exited.value.code == 2
    with pytest.raises(SystemExit) as exited:
        main(["resume", "analyze", str(cv), "--jd-file", "x", "--engine", "replay"])
    assert exited.value.code == 2


def test_gemini_without_key_exits_1(
    write_file: WriteFile, jd_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cv = write_file("cv.pdf", pdfs.single_column_resume())
    assert main(["resume", "analyze", str(cv), "--jd-file", str(jd_file), "--engine", "gemini"]) == 1
    assert "no Gemini API key" in capsys.readouterr().err


def test_bench_prints_measured_steps(
    write_file: WriteFile, jd_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cv = write_file("cv.pdf", pdfs.single_column_resume())
    assert main(["resume", "bench", str(cv), "--jd-file", str(jd_file), "--repeat", "2"]) == 0
    out = capsys.readouterr().out
    for step in ("read + extract text", "local parser", "skill extraction", "JD coverage score"):
        assert step in out
    assert main(["resume", "bench", str(cv), "--repeat", "0"]) == 2
