"""The bank's competencies as a report or a practice plan names them, in the interview's language.

The bank keeps one English id per competency ("technical knowledge"); the offline engine's reports and the
practice plan both name it from this one table, so a French plan says "connaissances techniques" exactly
where its report does, and a question's "why this question" line uses the same words. English names are the
ids themselves.
"""

from __future__ import annotations

from .enums import Language

COMPETENCIES: dict[str, dict[str, str]] = {
    "adaptability": {"hi": "बदलाव के साथ ढलना", "fr": "adaptabilité", "fr_the": "l'adaptabilité"},
    "communication": {"hi": "संवाद", "fr": "communication", "fr_the": "la communication"},
    "conflict resolution": {"hi": "मतभेद सुलझाना", "fr": "résolution de conflits", "fr_the": "la résolution de conflits"},
    "cultural fit": {"hi": "सांस्कृतिक तालमेल", "fr": "adéquation culturelle", "fr_the": "l'adéquation culturelle"},
    "customer focus": {"hi": "customer पर ध्यान", "fr": "orientation client", "fr_the": "l'orientation client"},
    # What the practice plan calls a question that has no competency.
    "general": {"hi": "सामान्य", "fr": "général"},
    "leadership": {"hi": "नेतृत्व", "fr": "leadership", "fr_the": "le leadership"},
    "learning": {"hi": "सीखना", "fr": "apprentissage", "fr_the": "l'apprentissage"},
    "motivation": {"hi": "प्रेरणा", "fr": "motivation", "fr_the": "la motivation"},
    "ownership": {"hi": "ज़िम्मेदारी लेना", "fr": "sens des responsabilités", "fr_the": "le sens des responsabilités"},
    "problem solving": {"hi": "समस्या समाधान", "fr": "résolution de problèmes", "fr_the": "la résolution de problèmes"},
    "system design": {"hi": "system design", "fr": "conception de systèmes", "fr_the": "la conception de systèmes"},
    "teamwork": {"hi": "टीमवर्क", "fr": "travail d'équipe", "fr_the": "le travail d'équipe"},
    "technical knowledge": {"hi": "तकनीकी ज्ञान", "fr": "connaissances techniques", "fr_the": "les connaissances techniques"},
    "time management": {"hi": "समय का प्रबंधन", "fr": "gestion du temps", "fr_the": "la gestion du temps"},
}


def competency_name(competency: str, language: Language, *, definite: bool = False) -> str:
    """A competency in `language`; one the table does not know (from Gemini) is kept as written.

    `definite` gives the form a sentence needs as its object: French takes its article ("évalue le travail
    d'équipe"), where a title or a list does not ("Renforcez vos réponses en travail d'équipe").
    """
    names = COMPETENCIES.get(competency.casefold(), {})
    if definite and language is Language.FR:
        return names.get("fr_the") or names.get("fr", competency)
    return names.get(language.value, competency)
