"""A follow-up digs into its main question: a concrete answer about the main question's topic answers it.

Seen in a French interview on a real display (tests/journey/test_french_journey.py): after "Que sont les
fonctions de fenêtrage en SQL ?", the follow-up "Pouvez-vous être concret : prenez un cas réel, qu'avez-vous
fait, et avec quoi ?" got a real case with RANK() OVER (PARTITION BY ...) in PostgreSQL, and was scored 2/10
as off topic: by meaning it "fitted another question of the bank better", and that question was the main one.
English did the same (0.8/10).
"""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.engine.offline.bank import load_bank
from tests.support.follow_up_replies import score_probe_reply

CASES = {
    Language.EN: (
        "A window function computes a value over rows related to the current row without grouping them: "
        "ROW_NUMBER, RANK or SUM with OVER, PARTITION BY and ORDER BY.",
        "A real case: at a retailer I ranked the stores of each region with RANK() OVER (PARTITION BY region "
        "ORDER BY sales) in PostgreSQL. The monthly report went from three scripts to one, and it runs in two "
        "seconds instead of forty.",
    ),
    Language.FR: (
        "Une fonction analytique calcule une valeur sur des lignes liées à la ligne courante sans les regrouper "
        ": ROW_NUMBER, RANK ou SUM avec OVER, PARTITION BY et ORDER BY.",
        "Un cas réel : chez un distributeur, j'ai classé les magasins de chaque région avec RANK() OVER "
        "(PARTITION BY region ORDER BY ventes) dans PostgreSQL. Le rapport mensuel est passé de trois scripts "
        "à un seul, et il tourne en deux secondes au lieu de quarante.",
    ),
}


@pytest.mark.parametrize("language", [Language.EN, Language.FR])
def test_a_concrete_answer_to_a_follow_up_is_on_its_main_questions_topic(language: Language) -> None:
    bank = load_bank()
    entry = next(e for e in bank.entries if "window function" in e.text[Language.EN].lower())
    first, concrete = CASES[language]
    score = score_probe_reply(bank, entry, language, "concrete", first, concrete)
    if score.method != "meaning":
        pytest.skip("the sentence model does not load here: this is about scoring by meaning")
    relevance = score.criterion("relevance")
    assert not score.off_topic and not score.wrong_question, relevance
    assert relevance is not None and relevance.score >= 6, relevance
    # Before: capped as another question's answer (2/10 in French, 0.8 in English). The probe's points ("One
    # real case", "Tools or methods named") are read by structure once the question carries its probe key:
    # tests/engine/test_probe_points.py.
    assert score.score >= 4, [(c.name, c.score, c.explanation) for c in score.criteria]
