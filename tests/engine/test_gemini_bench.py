"""`mockmate bench reports` runs end to end (its figures are printed by the command, not asserted here)."""

from __future__ import annotations

import argparse
import json

import pytest

from mockmate_desktop.services import bench_reports


def test_bench_reports_prints_measured_figures(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    bench_reports.add_arguments(parser)
    assert bench_reports.run(parser.parse_args(["--latency-ms", "300", "--repeat", "1", "--json"]), None) == 0
    figures = json.loads(capsys.readouterr().out)
    # The per-question call runs first (summary and categories derive from it); the other two then overlap.
    assert figures["max_requests_in_flight"] == 2
    # Sequential reports reuse the per-question result scored by the concurrent run: two calls of 0.3 s.
    assert figures["one_call_s"] > 0.3 and figures["sequential_s"] > 0.6
