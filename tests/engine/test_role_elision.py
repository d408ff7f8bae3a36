"""A French question with the job title in it reads as French: "ce poste d'analyste", not "ce poste de
Analyste"; and the filled question is still recognised as its bank entry (follow-ups, history)."""

from __future__ import annotations

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.engine.offline.bank import fill_role, load_bank


def test_french_elides_de_and_que_before_a_job_title_starting_with_a_vowel() -> None:
    template = "Pourquoi ce poste de {role} ? Que feriez-vous en tant que {role} ?"
    assert fill_role(template, " Analyste de données ", Language.FR) == (
        "Pourquoi ce poste d'Analyste de données ? Que feriez-vous en tant qu'Analyste de données ?"
    )
    assert fill_role(template, "Ingénieur", Language.FR).startswith("Pourquoi ce poste d'Ingénieur ?")
    assert fill_role(template, "Data Engineer", Language.FR).startswith(
        "Pourquoi ce poste de Data Engineer ?"
    )
    assert fill_role("Why this {role} role?", "Analyst", Language.EN) == "Why this Analyst role?"


def test_every_french_question_with_an_elided_title_is_found_again_in_the_bank() -> None:
    bank = load_bank()
    role = "Analyste de données"
    elided = 0
    for entry in bank.entries:
        template = entry.text_in(Language.FR)
        if template is None or "{role}" not in template:
            continue
        asked = fill_role(template, role, Language.FR)
        elided += "d'Analyste" in asked or "qu'Analyste" in asked
        assert bank.find_by_text(Language.FR, asked) is entry, asked
    assert elided >= 10
