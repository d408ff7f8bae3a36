"""The small words of a printed or exported report (who made it, what kind of interview, the selection band,
"none noted") in the interview's language, so that a Hindi or French report does not switch to English
between its localised sentences. English is exactly what the report said before.
"""

from __future__ import annotations

from .enums import Language, SelectionLabel, SessionStatus, Source

_WORDS: dict[str, dict[str, str]] = {
    "none_noted": {"en": "None noted.", "hi": "कुछ दर्ज नहीं।", "fr": "Rien à signaler."},
    "not_available": {"en": "Not available.", "hi": "उपलब्ध नहीं।", "fr": "Non disponible."},
    # English engine names are `Source.label`'s, which the window shows too.
    "source_offline": {"hi": "ऑफ़लाइन इंजन (heuristic)", "fr": "Moteur hors ligne (heuristique)"},
    "source_cached": {"hi": "सहेजा हुआ replay (डेमो)", "fr": "Rejeu enregistré (démo)"},
    "prov_demo": {
        "en": "Demo session: a recorded example interview shipped with MockMate, not your own.",
        "hi": "डेमो सत्र: MockMate के साथ आया एक रिकॉर्ड किया हुआ उदाहरण इंटरव्यू, आपका अपना नहीं।",
        "fr": "Session de démonstration : un entretien d'exemple enregistré, livré avec MockMate, pas le vôtre.",
    },
    "prov_offline": {
        "en": "Offline engine: heuristic rubric scores computed on this computer.",
        "hi": "ऑफ़लाइन इंजन: इसी कंप्यूटर पर निकाले गए heuristic rubric स्कोर।",
        "fr": "Moteur hors ligne : notes heuristiques calculées sur cet ordinateur.",
    },
    "prov_gemini": {
        "en": "Gemini: written by Google's Gemini model.",
        "hi": "Gemini: Google के Gemini model द्वारा लिखा गया।",
        "fr": "Gemini : rédigé par le modèle Gemini de Google.",
    },
    # The delivery report's model name: its figures are measured from the recordings, on this computer.
    "measured_locally": {
        "en": "measured locally",
        "hi": "इसी कंप्यूटर पर मापा गया",
        "fr": "mesuré sur cet ordinateur",
    },
    "very low": {"en": "very low", "hi": "बहुत कम", "fr": "très faible"},
    "low": {"en": "low", "hi": "कम", "fr": "faible"},
    "moderate": {"en": "moderate", "hi": "मध्यम", "fr": "moyenne"},
    "high": {"en": "high", "hi": "ऊँची", "fr": "élevée"},
    "very high": {"en": "very high", "hi": "बहुत ऊँची", "fr": "très élevée"},
    "technical": {"en": "technical", "hi": "तकनीकी", "fr": "technique"},
    "behavioural": {"en": "behavioural", "hi": "व्यवहार संबंधी", "fr": "comportemental"},
    "overall": {"en": "overall", "hi": "समग्र", "fr": "général"},
    "beginner": {"en": "beginner", "hi": "शुरुआती", "fr": "débutant"},
    "intermediate": {"en": "intermediate", "hi": "मध्यम स्तर", "fr": "intermédiaire"},
    "experienced": {"en": "experienced", "hi": "अनुभवी", "fr": "expérimenté"},
    "expert": {"en": "expert", "hi": "विशेषज्ञ", "fr": "expert"},
    "draft": {"en": "draft", "hi": "मसौदा", "fr": "brouillon"},
    "in_progress": {"en": "in_progress", "hi": "जारी", "fr": "en cours"},
    "completed": {"en": "completed", "hi": "पूरा", "fr": "terminé"},
    "abandoned": {"en": "abandoned", "hi": "छोड़ा गया", "fr": "abandonné"},
    "approach": {"en": "Approach", "hi": "तरीका", "fr": "Démarche"},
    "complexity": {"en": "Complexity", "hi": "जटिलता", "fr": "Complexité"},
    "stack": {"en": "Stack", "hi": "Stack", "fr": "Technologies"},
    "star": {"en": "STAR", "hi": "STAR", "fr": "STAR"},
    "star_structure": {"en": "STAR structure", "hi": "STAR संरचना", "fr": "Structure STAR"},
    "delivery_line": {
        "en": "{wpm} words/min · {fillers} fillers · {pauses} pauses · {seconds} s",
        "hi": "{wpm} शब्द/मिनट · {fillers} भराव शब्द · {pauses} ठहराव · {seconds} s",
        "fr": "{wpm} mots/min · {fillers} mots de remplissage · {pauses} pauses · {seconds} s",
    },
}
# In English a language is named by `Language.display_name`.
_LANGUAGE_NAMES = {
    Language.EN: {"hi": "अंग्रेज़ी", "fr": "anglais"},
    Language.HI: {"hi": "हिंदी", "fr": "hindi"},
    Language.FR: {"hi": "फ़्रेंच", "fr": "français"},
}


def word(key: str, language: Language) -> str:
    table = _WORDS[key]
    return table.get(language.value) or table["en"]


def source_label(source: Source | str, language: Language) -> str:
    engine = Source(source)
    return _WORDS.get(f"source_{engine.value}", {}).get(language.value) or engine.label


def selection_word(band: SelectionLabel, language: Language) -> str:
    return word(band.value, language)


def language_name(spoken: Language, language: Language) -> str:
    return _LANGUAGE_NAMES[spoken].get(language.value) or spoken.display_name


def meta_words(
    interview_type: str, difficulty: str, spoken: Language, status: SessionStatus, language: Language
) -> list[str]:
    """Type, level, language and status of an interview, in `language`."""
    return [
        word(interview_type, language),
        word(difficulty, language),
        language_name(spoken, language),
        word(status.value, language),
    ]


def provenance_sentences(sources: set[Source], demo: bool, language: Language) -> list[str]:
    """Which engine made the report, one sentence per engine; a demo says so first."""
    parts = []
    if demo or Source.CACHED in sources:
        parts.append(word("prov_demo", language))
    if Source.OFFLINE in sources:
        parts.append(word("prov_offline", language))
    if Source.GEMINI in sources:
        parts.append(word("prov_gemini", language))
    return parts
