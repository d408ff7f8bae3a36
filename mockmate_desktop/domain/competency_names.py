"""The bank's competencies as a report or a practice plan names them, in the interview's language.

The bank keeps one English id per competency ("technical knowledge"); the offline engine's reports and the
practice plan both name it from this one table, so a French plan says "connaissances techniques" exactly
where its report does. English names are the ids themselves.
"""

from __future__ import annotations

from .enums import Language

COMPETENCIES: dict[str, dict[str, str]] = {
    "adaptability": {"hi": "बदलाव के साथ ढलना", "fr": "adaptabilité"},
    "communication": {"hi": "संवाद", "fr": "communication"},
    "conflict resolution": {"hi": "मतभेद सुलझाना", "fr": "résolution de conflits"},
    "cultural fit": {"hi": "सांस्कृतिक तालमेल", "fr": "adéquation culturelle"},
    "customer focus": {"hi": "customer पर ध्यान", "fr": "orientation client"},
    # What the practice plan calls a question that has no competency.
    "general": {"hi": "सामान्य", "fr": "général"},
    "leadership": {"hi": "नेतृत्व", "fr": "leadership"},
    "learning": {"hi": "सीखना", "fr": "apprentissage"},
    "motivation": {"hi": "प्रेरणा", "fr": "motivation"},
    "ownership": {"hi": "ज़िम्मेदारी लेना", "fr": "sens des responsabilités"},
    "problem solving": {"hi": "समस्या समाधान", "fr": "résolution de problèmes"},
    "system design": {"hi": "system design", "fr": "conception de systèmes"},
    "teamwork": {"hi": "टीमवर्क", "fr": "travail d'équipe"},
    "technical knowledge": {"hi": "तकनीकी ज्ञान", "fr": "connaissances techniques"},
    "time management": {"hi": "समय का प्रबंधन", "fr": "gestion du temps"},
}


def competency_name(competency: str, language: Language) -> str:
    """A competency in `language`; one the table does not know (from Gemini) is kept as written."""
    return COMPETENCIES.get(competency.casefold(), {}).get(language.value, competency)
