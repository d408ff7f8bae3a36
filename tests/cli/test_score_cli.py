"""`mockmate score`: one answer scored with criteria, evidence and feedback; bad input is one line."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.conftest import RunCli

ANSWER = (
    "I owned the migration of our billing database to PostgreSQL. I planned the cut over for a Sunday night, "
    "wrote the runbook and rehearsed it twice on a copy of production. The switch took 40 minutes instead "
    "of two hours and no invoice was lost."
)
QUESTION = "Tell me about a time you led a risky technical change."


def test_json_holds_score_criteria_evidence_and_feedback(run_cli: RunCli, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, encoding="utf-8")
    done = run_cli(
        "score",
        "--question",
        QUESTION,
        "--answer-file",
        str(answer),
        "--type",
        "behavioural",
        "--json",
        home=tmp_path / "home",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert 0 <= result["score"] <= 10 and result["method"] == "meaning"
    assert {c["name"] for c in result["criteria"]} >= {"relevance", "structure", "specificity"}
    assert result["evidence"] and all(q in ANSWER for q in result["evidence"])
    assert set(result["feedback"]) == {"went_well", "to_improve"} and result["feedback"]["to_improve"]


def test_text_output_names_the_engine(run_cli: RunCli, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, encoding="utf-8")
    done = run_cli("score", "--question", QUESTION, "--answer-file", str(answer), home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Score: ") and "offline (meaning: multilingual-e5-small" in done.stdout


def test_bad_input_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    cases = [
        (["--answer-file", str(tmp_path / "missing.txt")], "does not exist"),
        (["--answer-file", str(empty)], "the answer is empty"),
        (["--answer-file", str(binary)], "not UTF-8"),
        (["--answer-file", str(tmp_path)], "is a folder"),
    ]
    for extra, message in cases:
        done = run_cli("score", "--question", QUESTION, *extra, home=tmp_path / "home")
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], done.stderr
    done = run_cli("score", "--question", QUESTION, "--answer-file", str(empty), "--language", "de")
    assert done.returncode == 2


def test_a_french_bank_question_is_judged_and_answered_in_french(run_cli: RunCli, tmp_path: Path) -> None:
    bank = Path(__file__).resolve().parents[2] / "assets" / "question_bank"
    entry = next(
        e
        for e in json.loads((bank / "technical_beginner.json").read_text(encoding="utf-8"))
        if e["id"] == "tech-python-001"
    )
    french = json.loads((bank / "i18n" / "fr.json").read_text(encoding="utf-8"))["tech-python-001"]
    answer = tmp_path / "reponse.txt"
    answer.write_text(
        "Une liste est ordonnée et modifiable, un tuple est figé et peut servir de clé. Un dictionnaire associe "
        "des clés à des valeurs avec une recherche rapide, par exemple pour retrouver un client par son id.",
        encoding="utf-8",
    )
    done = run_cli(
        "score",
        "--question",
        entry["text"]["fr"],
        "--answer-file",
        str(answer),
        "--language",
        "fr",
        "--json",
        home=tmp_path / "home",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["model_answer"] == french["model_answer"]
    assert [p["point"] for p in result["points"]] == french["expected_points"]
    assert {c["label"] for c in result["criteria"]} >= {"Pertinence", "Structure", "Précision"}
    text = run_cli(
        "score",
        "--question",
        entry["text"]["fr"],
        "--answer-file",
        str(answer),
        "--language",
        "fr",
        home=tmp_path / "home",
    )
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Note\u00a0: ") and "Points attendus\u00a0:" in text.stdout
    assert f"Réponse modèle\u00a0: {french['model_answer']}" in text.stdout


def test_french_text_output_writes_french_figures(run_cli: RunCli, tmp_path: Path) -> None:
    """The score, each criterion and the feedback in one convention: "6,4/10", never "6.4/10" or "61%"."""
    answer = tmp_path / "reponse.txt"
    answer.write_text(
        "J'ai piloté la migration de notre base de facturation vers PostgreSQL. J'ai préparé la bascule pour un "
        "dimanche soir, écrit la procédure et l'ai répétée deux fois sur une copie de la production. La bascule "
        "a pris 40 minutes au lieu de deux heures et aucune facture n'a été perdue.",
        encoding="utf-8",
    )
    question = "Parlez-moi d'un changement technique risqué que vous avez mené."
    done = run_cli(
        "score", "--question", question, "--answer-file", str(answer), "--language", "fr", home=tmp_path / "home"
    )
    assert done.returncode == 0, done.stderr
    score_line = done.stdout.splitlines()[0]
    assert re.fullmatch(r"Note\u00a0: (10|\d(,\d)?)/10  \[offline .*\]", score_line), score_line
    shown = re.sub(r"\[offline [^\]]*\]", "", done.stdout)  # the engine's version number is not a figure
    assert re.findall(r"\d\.\d|\d%", shown) == []
    assert re.search(r"\d,\d", shown), shown
