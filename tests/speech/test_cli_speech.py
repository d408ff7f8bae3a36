"""`mockmate transcribe` and `mockmate bench` from the command line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from mockmate_desktop.cli import main
from tests.support.audio import fixture_path, reference, wer_percent


@pytest.mark.slow
def test_transcribe_json_has_text_words_and_delivery(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    stereo = tmp_path / "stereo44k.wav"
    subprocess.run(["sox", str(fixture_path("jfk")), "-r", "44100", "-c", "2", str(stereo)], check=True)
    assert main(["transcribe", str(stereo), "--model", "tiny.en", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert wer_percent(reference("jfk"), payload["transcript"]["text"]) <= 10.0
    assert payload["transcript"]["words"][0]["start"] < 1.0
    assert payload["delivery"]["word_count"] == len(payload["transcript"]["words"])
    assert 60 < payload["delivery"]["words_per_minute"] < 200
    assert {b["metric"] for b in payload["guidance"]} >= {"words_per_minute", "fillers_per_minute"}


@pytest.mark.slow
def test_transcribe_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcribe", str(fixture_path("goforward")), "--model", "tiny.en"]) == 0
    out = capsys.readouterr().out
    assert "forward" in out.lower() and "Delivery:" in out and "wpm" in out


def test_transcribe_bad_input_fails_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "x.wav"
    bad.write_bytes(b"not audio")
    assert main(["transcribe", str(bad), "--model", "tiny.en"]) == 1
    assert "not a WAV file" in capsys.readouterr().err
    assert main(["transcribe", str(tmp_path / "missing.wav")]) == 1


def test_bench_reports_is_registered(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        import mockmate_desktop.services.bench_reports  # noqa: F401
    except ImportError:
        assert main(["bench", "reports"]) == 1
        assert "not available" in capsys.readouterr().err
    else:
        with pytest.raises(SystemExit) as exit_info:
            main(["bench", "reports", "--help"])
        assert exit_info.value.code == 0
