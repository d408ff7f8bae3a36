"""One table names the bank's competencies for reports, plans and the "why this question" line."""

from __future__ import annotations

from mockmate_desktop.domain.competency_names import COMPETENCIES, competency_name
from mockmate_desktop.domain.enums import Language
from mockmate_desktop.engine.offline import plan_texts


def test_french_sentence_form_is_the_title_form_with_its_article() -> None:
    for competency, names in COMPETENCIES.items():
        definite = competency_name(competency, Language.FR, definite=True)
        assert definite.endswith(names["fr"]), competency
        if competency != "general":
            assert definite != names["fr"], f"{competency}: a sentence needs the article"


def test_english_and_hindi_have_one_form() -> None:
    assert competency_name("Teamwork", Language.HI, definite=True) == competency_name("teamwork", Language.HI)
    assert competency_name("teamwork", Language.EN, definite=True) == "teamwork"


def test_unknown_competency_is_kept_as_written() -> None:
    assert competency_name("Negotiation", Language.FR, definite=True) == "Negotiation"


def test_question_rationale_uses_the_report_words() -> None:
    for language in (Language.HI, Language.FR):
        line = plan_texts.rationale("behavioural", language, competency="teamwork")
        assert competency_name("teamwork", language) in line
    assert "le travail d'équipe" in plan_texts.rationale("behavioural", Language.FR, competency="teamwork")
