"""The practice plan's own sentences (drill titles, reasons, gap drills, delivery targets, tick-off evidence)
in the interview's language, so that a French plan does not say "Strengthen ... Q2 follow-up scored 0.7/10"
around its French points. English is exactly what the plan said before. Figures go through `numbers` (French
"0,7/10"); question references come in already labelled by `numbering`, as the report writes them.
"""

from __future__ import annotations

import string

from .enums import Language
from .numbers import fill
from .report_headings import metric_name
from .scoring_texts import unit as unit_name

_TEXTS: dict[str, dict[str, str]] = {
    "strengthen": {
        "en": "Strengthen your {competency} answers",
        "hi": "{competency} वाले अपने उत्तर मज़बूत कीजिए",
        "fr": "Renforcez vos réponses en {competency}",
    },
    "polish": {
        "en": "Polish your {competency} answers",
        "hi": "{competency} वाले अपने उत्तर और निखारिए",
        "fr": "Peaufinez vos réponses en {competency}",
    },
    # One question's evidence; a drill's reason lists them with `separator`.
    "scored": {
        "en": "{ref} scored {score:g}/10",
        "hi": "{ref} को {score:g}/10 मिले",
        "fr": "{ref} notée {score:g}/10",
    },
    "separator": {"en": ", ", "hi": ", ", "fr": ", "},
    "gap_title": {
        "en": "Show {skill} with a concrete example",
        "hi": "{skill} को एक ठोस उदाहरण से दिखाइए",
        "fr": "Montrez {skill} par un exemple concret",
    },
    # `scored` is the "scored" sentence of the question chosen for the gap.
    "gap_reason": {
        "en": "The job asks for {skill} and the interview showed no evidence of it ({scored})",
        "hi": "इस नौकरी में {skill} चाहिए और इंटरव्यू में इसका कोई सबूत नहीं दिखा ({scored})",
        "fr": "Le poste demande {skill} et l'entretien n'en a montré aucune preuve ({scored})",
    },
    "gap_point": {
        "en": "A real piece of work where you used {skill}, with its result",
        "hi": "कोई असली काम जिसमें आपने {skill} का इस्तेमाल किया, उसके नतीजे के साथ",
        "fr": "Un travail réel où vous avez utilisé {skill}, avec son résultat",
    },
    "target_between": {
        "en": "{name} between {low:g} and {high:g} {unit}",
        "hi": "{name} {low:g} से {high:g} {unit} के बीच",
        "fr": "{name} entre {low:g} et {high:g} {unit}",
    },
    "target_at_most": {
        "en": "{name} at most {high:g} {unit}",
        "hi": "{name} अधिकतम {high:g} {unit}",
        "fr": "{name} au plus {high:g} {unit}",
    },
    "target_at_least": {
        "en": "{name} at least {low:g} {unit}",
        "hi": "{name} कम से कम {low:g} {unit}",
        "fr": "{name} au moins {low:g} {unit}",
    },
    # `date` is ISO (2026-12-02) in every language; `scorer` comes from `scorer_name`.
    "evidence": {
        "en": "{ref} re-answered {date}: {score:g}/10 by {scorer}",
        "hi": "{ref} का उत्तर {date} को दोबारा दिया: {scorer} से {score:g}/10",
        "fr": "{ref} reprise le {date} : {score:g}/10 par {scorer}",
    },
    # Between the evidence of a drill's questions; French sets a space before a semicolon.
    "evidence_separator": {"en": "; ", "hi": "; ", "fr": " ; "},
    "evidence_delivery": {
        "en": ", {name} {value:.1f} {unit}",
        "hi": ", {name} {value:.1f} {unit}",
        "fr": ", {name} {value:.1f} {unit}",
    },
}
# The offline scorer in hi/fr; English (and any Gemini model) is `PracticeAttempt.scored_by`'s wording,
# which the window and the terminal show too.
_OFFLINE_SCORER = {"hi": "ऑफ़लाइन rubric", "fr": "la grille hors ligne"}


def say(key: str, language: Language, **values: object) -> str:
    table = _TEXTS[key]
    return fill(table.get(language.value) or table["en"], language, **values)


def message_ids() -> list[str]:
    return list(_TEXTS)


def placeholders(key: str, language: Language) -> set[str]:
    """The named placeholders of message `key` in `language` (format specs left out); KeyError if missing."""
    return {field for _, field, _, _ in string.Formatter().parse(_TEXTS[key][language.value]) if field}


def metric_words(metric: str, language: Language) -> str:
    """A delivery metric inside a sentence: "fillers per minute" as before in English, else the report's
    name for it ("mots de remplissage par minute"), lower-cased because it no longer starts a line."""
    if language is Language.EN:
        return metric.replace("_", " ")
    name = metric_name(metric, language)
    return name[:1].lower() + name[1:]


def unit_words(metric: str, english_unit: str, language: Language) -> str:
    """A guidance band's unit ("wpm", "per minute") as the report writes it in `language`."""
    return unit_name(metric, english_unit, language.value)


def target_label(metric: str, low: float | None, high: float | None, english_unit: str, language: Language) -> str:
    """ "words per minute between 100 and 165 wpm" / "débit entre 100 et 165 mots/min"."""
    values = {"name": metric_words(metric, language), "unit": unit_words(metric, english_unit, language)}
    if low is not None and high is not None:
        return say("target_between", language, low=low, high=high, **values)
    if high is not None:
        return say("target_at_most", language, high=high, **values)
    return say("target_at_least", language, low=low, **values)


def scorer_name(scored_by: str, offline: bool, language: Language) -> str:
    """Who scored a re-answer: `scored_by` as the attempt says it, the offline rubric named in `language`."""
    return _OFFLINE_SCORER.get(language.value, scored_by) if offline else scored_by
