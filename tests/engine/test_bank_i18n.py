"""The question bank's expected points and model answers in Hindi and French: a hi/fr interview is planned,
scored and reported with them, and a damaged translation falls back to English instead of stopping the app."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.engine.offline.assess import score_turn
from mockmate_desktop.engine.offline.bank import load_bank
from mockmate_desktop.engine.offline.engine import OfflineEngine
from tests.support.offline_bank import build_entries, write_bank

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
ANSWER = (
    "Dans mon dernier poste, j'ai réduit le temps de réponse de notre API de 800 à 200 millisecondes. "
    "J'ai mesuré avec un profileur, ajouté un index PostgreSQL et mis un cache Redis devant les lectures."
)


def _translate(folder: Path, language: str, broken: set[str] = frozenset()) -> dict[str, dict[str, object]]:
    """French texts for every entry of the test bank; the ids in `broken` get one point too few."""
    translated: dict[str, dict[str, object]] = {}
    for entry in build_entries():
        points = [f"{language} point {n} de {entry['id']}" for n in range(len(entry["expected_points"]))]
        if entry["id"] in broken:
            points = points[:-1]
        translated[entry["id"]] = {
            "expected_points": points,
            "model_answer": f"{language} réponse de {entry['id']}",
        }
    (folder / "i18n").mkdir(exist_ok=True)
    (folder / "i18n" / f"{language}.json").write_text(json.dumps(translated), encoding="utf-8")
    return translated


def _french_session(engine: OfflineEngine) -> InterviewSession:
    config = InterviewConfig.model_validate(
        {
            "job_title": "Backend Engineer",
            "job_description": "Python, PostgreSQL",
            "question_count": 5,
            "language": "fr",
        }
    )
    session = InterviewSession(config=config)
    session.questions = engine.plan_questions(config, None)
    for question in session.questions:
        session.answers.append(Answer(session_id=session.id, question_id=question.id, transcript=ANSWER))
    return session


def test_a_french_interview_is_scored_and_reported_with_the_french_points_and_model_answer(
    tmp_path: Path,
) -> None:
    folder = write_bank(tmp_path / "bank")
    translated = _translate(folder, "fr")
    engine = OfflineEngine(load_bank(folder))
    session = _french_session(engine)
    french_points = {p for t in translated.values() for p in t["expected_points"]}  # type: ignore[attr-defined]
    for question in session.questions:
        assert question.expected_points and set(question.expected_points) <= french_points
    report = engine.questions_report(session)
    answers = {str(t["model_answer"]) for t in translated.values()}
    assert report.items and all(item.model_answer in answers for item in report.items)
    # Coverage is judged, and shown, against the points the candidate was asked for, in French.
    question = session.questions[0]
    _, _, score = score_turn(session, engine.bank, question, session.answers[0], [])
    shown = [p.point for p in score.points] + list(score.missing_points)
    assert shown and set(shown) <= set(question.expected_points)


def test_a_translation_that_does_not_fit_its_question_falls_back_to_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = write_bank(tmp_path / "bank")
    entries = build_entries()
    broken = str(entries[0]["id"])
    _translate(folder, "fr", broken={broken})
    with caplog.at_level(logging.WARNING):
        bank = load_bank(folder)
    entry = next(e for e in bank.entries if e.id == broken)
    assert entry.points_in(Language.FR) == tuple(entries[0]["expected_points"])
    assert entry.model_answer_in(Language.FR) == ""  # the report then describes a strong answer in French
    assert any(broken in r.getMessage() for r in caplog.records)
    other = next(e for e in bank.entries if e.id != broken)
    assert other.points_in(Language.FR)[0].startswith("fr point 0")


def test_a_corrupt_translation_file_leaves_the_english_bank_working(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "bank")
    (folder / "i18n").mkdir()
    (folder / "i18n" / "hi.json").write_bytes(b"\xff\xfe{not json")
    bank = load_bank(folder)
    assert len(bank) == len(build_entries())
    assert all(e.points_in(Language.HI) == e.expected_points for e in bank.entries)


def test_the_shipped_bank_has_every_point_and_model_answer_in_hindi_and_french() -> None:
    bank = load_bank()
    for entry in bank.entries:
        for language in (Language.HI, Language.FR):
            points = entry.points_by_language.get(language)
            assert points is not None and len(points) == len(entry.expected_points), (entry.id, language)
            assert entry.model_answer_in(language) not in ("", entry.model_answer), (entry.id, language)
        assert all(
            DEVANAGARI.search(t) for t in (*entry.points_in(Language.HI), entry.model_answer_in(Language.HI))
        )


def test_a_translated_point_is_matched_in_either_wording(tmp_path: Path) -> None:
    from mockmate_desktop.engine.semantic.loader import shared_loader
    from mockmate_desktop.engine.semantic.measure import measure

    embedder = shared_loader().get()
    assert embedder is not None, shared_loader().error
    question = "Quelle est la différence entre une liste, un tuple et un dictionnaire en Python ?"
    french = ["La liste est ordonnée et modifiable", "Le dictionnaire associe des clés à des valeurs"]
    english = ["List is ordered and mutable", "Dictionary maps keys to values with fast lookup"]
    answer = "J'utilise une list quand la collection grandit. A dictionary maps each key to its value."
    alone = measure(embedder, question, answer, french, bank=None)
    both = measure(embedder, question, answer, french, bank=None, english_points=english)
    in_english = measure(embedder, question, answer, english, bank=None)
    assert alone is not None and both is not None and in_english is not None
    for j in range(2):
        expected = [round(max(a, b), 4) for a, b in zip(alone.points[j], in_english.points[j], strict=True)]
        assert both.points[j] == pytest.approx(expected, abs=2e-4)
    # A wording that does not line up with the points is not used.
    assert measure(embedder, question, answer, french, bank=None, english_points=english[:1]) == alone


def test_the_english_wording_of_translated_points_is_found_by_the_entry(tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "bank")
    _translate(folder, "fr")
    entry = load_bank(folder).entries[0]
    french = entry.points_in(Language.FR)
    assert entry.english_points_for(Language.FR, list(french[1:])) == entry.expected_points[1:]
    assert entry.english_points_for(Language.FR, list(entry.expected_points)) == ()  # already English
    assert entry.english_points_for(Language.HI, list(french)) == ()  # no Hindi translation in this bank
