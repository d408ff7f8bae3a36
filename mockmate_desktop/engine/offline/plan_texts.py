"""Why each planned question was chosen, in the interview's language (a one-line rationale per question)."""

from __future__ import annotations

from ...domain import numbers
from ...domain.competency_names import competency_name
from ...domain.enums import Language

_RATIONALE: dict[str, dict[str, str]] = {
    "required": {
        "en": "Probes “{req}”, required by the job description.",
        "hi": "job description में ज़रूरी “{req}” को परखता है।",
        "fr": "Vérifie « {req} », exigé par l'offre d'emploi.",
    },
    "nice": {
        "en": "Probes “{req}”, a nice-to-have in the job description.",
        "hi": "job description में वांछनीय “{req}” को परखता है।",
        "fr": "Vérifie « {req} », un atout mentionné dans l'offre d'emploi.",
    },
    "claim": {
        "en": "Asks about a measured result on your resume.",
        "hi": "आपके resume के एक मापे गए नतीजे के बारे में पूछता है।",
        "fr": "Porte sur un résultat chiffré de votre CV.",
    },
    "field": {
        "en": "A question from the {field} field, where this role belongs.",
        "hi": "{field} क्षेत्र का प्रश्न, जिससे यह भूमिका जुड़ी है।",
        "fr": "Une question du domaine {field}, auquel ce poste appartient.",
    },
    "resume": {
        "en": "Builds on {skill}, which your resume shows.",
        "hi": "{skill} पर आधारित है, जो आपके resume में दिखता है।",
        "fr": "S'appuie sur {skill}, présent dans votre CV.",
    },
    "weak": {
        "en": "Brings back {competency}: it averaged {score}/10 in earlier sessions.",
        "hi": "{competency} को दोबारा परखता है: पिछले सत्रों में इसका औसत {score}/10 था।",
        "fr": "Revient sur {competency} : moyenne de {score}/10 lors des séances précédentes.",
    },
    "behavioural": {
        "en": "Tests {competency} through a story from your own experience.",
        "hi": "आपके अपने अनुभव की एक घटना से {competency} को परखता है।",
        "fr": "Évalue {competency} à partir d'une expérience vécue.",
    },
    "overall": {
        "en": "Checks motivation and fit for the role ({competency}).",
        "hi": "इस भूमिका के लिए प्रेरणा और उपयुक्तता परखता है ({competency})।",
        "fr": "Vérifie la motivation et l'adéquation au poste ({competency}).",
    },
    "general": {
        "en": "General {competency} at this level; nothing more specific was left to ask.",
        "hi": "इस स्तर पर सामान्य रूप से {competency} को परखता है; पूछने को इससे ठोस कुछ नहीं बचा था।",
        "fr": "Porte sur {competency} en général à ce niveau ; il ne restait rien de plus précis à demander.",
    },
}
# Field names as a speaker of each language says them.
FIELD_NAMES: dict[str, dict[str, str]] = {
    "software": {"en": "software engineering", "hi": "software engineering", "fr": "génie logiciel"},
    "data": {"en": "data and analytics", "hi": "data और analytics", "fr": "données et analyse"},
    "product": {"en": "product management", "hi": "product management", "fr": "gestion de produit"},
    "design": {"en": "design", "hi": "design", "fr": "design"},
    "sales": {"en": "sales", "hi": "sales", "fr": "vente"},
    "support": {"en": "customer support", "hi": "customer support", "fr": "support client"},
    "marketing": {"en": "marketing", "hi": "marketing", "fr": "marketing"},
    "finance": {"en": "finance", "hi": "finance", "fr": "finance"},
    "operations": {"en": "operations", "hi": "operations", "fr": "opérations"},
    "hr": {"en": "human resources", "hi": "HR", "fr": "ressources humaines"},
    "healthcare": {"en": "healthcare", "hi": "स्वास्थ्य सेवा", "fr": "santé"},
    "teaching": {"en": "teaching", "hi": "शिक्षण", "fr": "enseignement"},
    "research": {"en": "research", "hi": "शोध", "fr": "recherche"},
    "management": {"en": "management", "hi": "management", "fr": "management"},
    "general": {"en": "general", "hi": "सामान्य", "fr": "général"},
}


def rationale(key: str, language: Language, **values: object) -> str:
    table = _RATIONALE[key]
    if isinstance(values.get("competency"), str):
        values["competency"] = competency_name(str(values["competency"]), language, definite=True)
    text = numbers.fill(table.get(language.value) or table["en"], language, **values)
    return text[:1].upper() + text[1:]


def field_name(key: str, language: Language) -> str:
    names = FIELD_NAMES.get(key, FIELD_NAMES["general"])
    return names.get(language.value) or names["en"]
