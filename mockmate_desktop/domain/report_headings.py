"""Headings and labels around a report's content in the interview's language: the report page's tabs (summary,
performance, delivery), the charts and the delivery table of the window and the PDF.

The report's sentences come from the engine in the interview's language; before this, the window put them
under English headings ("Top strengths", "Category scores", "Guidance (ranges, not verdicts)"), so a French
report switched language from one line to the next. English is exactly what the window said before. The
window's own controls (tab names, buttons) stay in the app's language, English.
"""

from __future__ import annotations

from datetime import datetime

from .enums import Language

_HEADINGS: dict[str, dict[str, str]] = {
    "snapshot": {"en": "Snapshot", "hi": "एक नज़र में", "fr": "En bref"},
    "top_strengths": {"en": "Top strengths", "hi": "मुख्य ताकतें", "fr": "Principaux points forts"},
    "top_improvements": {
        "en": "Top things to improve",
        "hi": "सुधार की मुख्य बातें",
        "fr": "Principaux points à améliorer",
    },
    "summary_missing": {
        "en": "The summary is not ready yet.",
        "hi": "सारांश अभी तैयार नहीं है।",
        "fr": "La synthèse n'est pas encore prête.",
    },
    "performance_missing": {
        "en": "The performance analysis is not ready yet.",
        "hi": "प्रदर्शन विश्लेषण अभी तैयार नहीं है।",
        "fr": "L'analyse de la performance n'est pas encore prête.",
    },
    "delivery_missing": {
        "en": "Delivery analytics are not ready yet (typed answers have none).",
        "hi": "प्रस्तुति का विश्लेषण अभी तैयार नहीं है (लिखे गए उत्तरों का नहीं होता)।",
        "fr": "L'analyse de l'élocution n'est pas encore prête (les réponses écrites n'en ont pas).",
    },
    "no_spoken_answers": {
        "en": "No spoken answers in this interview (typed or skipped), so there is nothing to measure here.",
        "hi": "इस इंटरव्यू में कोई बोला गया उत्तर नहीं है (लिखे गए या छोड़े गए), इसलिए यहाँ मापने को कुछ नहीं है।",
        "fr": "Aucune réponse orale dans cet entretien (réponses écrites ou passées) : rien à mesurer ici.",
    },
    "not_available": {"en": "not available", "hi": "उपलब्ध नहीं", "fr": "non disponible"},
    "your_answer": {"en": "your answer", "hi": "आपका उत्तर", "fr": "votre réponse"},
    "chart_categories": {
        "en": "Category scores (0-10)",
        "hi": "श्रेणी स्कोर (0-10)",
        "fr": "Notes par catégorie (0-10)",
    },
    "chart_pace": {
        "en": "Pace (words per minute)",
        "hi": "गति (शब्द प्रति मिनट)",
        "fr": "Débit (mots par minute)",
    },
    "col_answer": {"en": "Answer", "hi": "उत्तर", "fr": "Réponse"},
    "col_duration": {"en": "Duration", "hi": "अवधि", "fr": "Durée"},
    "col_wpm": {"en": "Words/min", "hi": "शब्द/मिनट", "fr": "Mots/min"},
    "col_fillers": {"en": "Fillers", "hi": "भराव शब्द", "fr": "Remplissage"},
    "col_fillers_min": {"en": "Fillers/min", "hi": "भराव/मिनट", "fr": "Rempl./min"},
    "col_pauses": {"en": "Pauses", "hi": "ठहराव", "fr": "Pauses"},
    "col_long_pauses": {"en": "Long pauses", "hi": "लंबे ठहराव", "fr": "Longues pauses"},
    "col_first_word": {"en": "First word", "hi": "पहला शब्द", "fr": "Premier mot"},
    "whole_interview": {"en": "Whole interview", "hi": "पूरा इंटरव्यू", "fr": "Tout l'entretien"},
    "guidance": {
        "en": "Guidance (ranges, not verdicts)",
        "hi": "मार्गदर्शन (सीमाएँ, फ़ैसले नहीं)",
        "fr": "Repères (des plages, pas des verdicts)",
    },
    "source": {"en": "source", "hi": "स्रोत", "fr": "source"},
    "most_repeated": {
        "en": "Most repeated words",
        "hi": "सबसे ज़्यादा दोहराए गए शब्द",
        "fr": "Mots les plus répétés",
    },
    "none_detected": {"en": "none detected", "hi": "कोई नहीं मिला", "fr": "aucun"},
}

# Names of the delivery metrics (the guidance bands' `metric`), in the window, the PDF and the feedback; the
# fillers chart and the hedging line are titled with them too. Fillers are "भराव शब्द" in Hindi, as in the
# report's other delivery words (report_text's labels).
METRIC_NAMES: dict[str, dict[str, str]] = {
    "words_per_minute": {"en": "Pace", "hi": "गति", "fr": "Débit"},
    "fillers_per_minute": {
        "en": "Fillers per minute",
        "hi": "प्रति मिनट भराव शब्द",
        "fr": "Mots de remplissage par minute",
    },
    "fillers_per_100_words": {
        "en": "Fillers per 100 words",
        "hi": "प्रति 100 शब्दों में भराव शब्द",
        "fr": "Mots de remplissage pour 100 mots",
    },
    "long_pauses": {"en": "Long pauses", "hi": "लंबे ठहराव", "fr": "Longues pauses"},
    "time_to_first_word_s": {
        "en": "Time to first word",
        "hi": "पहले शब्द तक का समय",
        "fr": "Délai avant le premier mot",
    },
    "hedging_count": {"en": "Hedging phrases", "hi": "झिझक वाले वाक्यांश", "fr": "Précautions oratoires"},
}

_MONTHS = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
    "hi": (
        "जनवरी",
        "फ़रवरी",
        "मार्च",
        "अप्रैल",
        "मई",
        "जून",
        "जुलाई",
        "अगस्त",
        "सितंबर",
        "अक्टूबर",
        "नवंबर",
        "दिसंबर",
    ),
}


def heading(key: str, language: Language) -> str:
    table = _HEADINGS[key]
    return table.get(language.value) or table["en"]


def metric_name(metric: str, language: Language) -> str:
    names = METRIC_NAMES.get(metric)
    if names is None:
        return metric.replace("_", " ").capitalize()
    return names.get(language.value) or names["en"]


def colon(language: Language) -> str:
    """ ": " before what a label introduces; French sets a space before the colon (" : "), as the engine's
    French sentences do, so one report does not mix "Note: 7/10" with "moyenne : 7/10"."""
    return "\u00a0: " if language is Language.FR else ": "


def quoted(text: str, language: Language, marks: tuple[str, str] = ("“", "”")) -> str:
    """The candidate's words in the quotation marks of the report's language. French takes « » with no-break
    spaces, as the engine's French sentences quote; other languages keep the marks of the place they appear
    (`marks`: curly in the window and the PDF, straight in Markdown)."""
    if language is Language.FR:
        return f"«\u00a0{text}\u00a0»"
    return f"{marks[0]}{text}{marks[1]}"


def labelled(name: str, value: str, language: Language) -> str:
    """ "Made by: Offline engine" / "Produit par : Moteur hors ligne"."""
    return f"{name}{colon(language)}{value}"


def short_date(when: datetime, language: Language) -> str:
    """ "02 Dec 2026" in English (what the report said before); "2 déc. 2026" in French and "2 दिसंबर 2026" in
    Hindi, which write the day without a leading zero."""
    months = _MONTHS.get(language.value)
    if months is None:
        return when.strftime("%d %b %Y")
    return f"{when.day} {months[when.month - 1]} {when.year}"
