"""What the offline interviewer says after an answer: a brief acknowledgement, then one precise probe.

Every line exists in English, Hindi and French and is checked against docs/follow_up_language_rules.md by
tests/engine/test_follow_up_language.py (Hindi: polite "-इए" forms, the reflexive "अपना" when the candidate
is the subject, no gendered verb for the interviewer; French: "vous", elisions, a space before ? : ; !).
No probe names what a strong answer contains: the expected points stay with the scorer.
"""

from __future__ import annotations

from ...domain.enums import Language

# Short, neutral acknowledgements; "warm" ones only after a strong answer. Picked by a stable hash for variety.
ACKS: dict[str, dict[str, tuple[str, ...]]] = {
    "neutral": {
        "en": ("Thanks.", "I see.", "Okay, thank you.", "Right."),
        "hi": ("धन्यवाद।", "अच्छा।", "ठीक है, धन्यवाद।", "जी, ठीक है।"),
        "fr": ("Merci.", "Je vois.", "D'accord, merci.", "Entendu."),
    },
    # After "I don't know": thanking the candidate for not knowing reads as sarcasm; a human reassures.
    "reassure": {
        "en": ("That's okay.", "No problem.", "That's fine."),
        "hi": ("कोई बात नहीं।", "ठीक है, कोई बात नहीं।", "चलिए, कोई बात नहीं।"),
        "fr": ("Ce n'est pas grave.", "Pas de souci.", "D'accord, pas de problème."),
    },
    "warm": {
        "en": (
            "Thanks, that's a clear example.",
            "Good, that's helpful.",
            "Thank you, that's useful detail.",
        ),
        "hi": ("धन्यवाद, यह साफ़ उदाहरण है।", "अच्छा, यह उपयोगी है।", "धन्यवाद, यह काम की जानकारी है।"),
        "fr": ("Merci, c'est un exemple clair.", "Bien, c'est utile.", "Merci, ce sont des détails utiles."),
    },
}

PROBES: dict[str, dict[str, str]] = {
    # A STAR part missing, asked for directly.
    "star_action": {
        "en": "What did you yourself do, step by step?",
        "hi": "आपने खुद क्या किया, एक-एक कदम बताइए।",
        "fr": "Qu'avez-vous fait vous-même, étape par étape ?",
    },
    "star_result": {
        "en": "How did it turn out in the end, and how did you know?",
        "hi": "आख़िर में नतीजा क्या रहा, और आपको यह कैसे पता चला?",
        "fr": "Comment cela s'est-il terminé, et comment l'avez-vous su ?",
    },
    "star_task": {
        "en": "What exactly were you responsible for there?",
        "hi": "उसमें ठीक-ठीक आपकी ज़िम्मेदारी क्या थी?",
        "fr": "De quoi étiez-vous précisément responsable ?",
    },
    "star_example": {
        "en": "Can you walk me through one specific time this happened?",
        "hi": "क्या आप किसी एक खास मौके के बारे में विस्तार से बता सकते हैं जब ऐसा हुआ?",
        "fr": "Pouvez-vous me raconter une occasion précise où c'est arrivé ?",
    },
    # A claim to quantify.
    "quantify": {
        "en": "You mentioned an improvement: by how much, and how did you measure it?",
        "hi": "आपने एक सुधार का ज़िक्र किया: वह कितना था, और आपने उसे कैसे मापा?",
        "fr": "Vous avez mentionné une amélioration : de combien, et comment l'avez-vous mesurée ?",
    },
    # A choice to justify.
    "why": {
        "en": "Why that choice rather than the obvious alternative?",
        "hi": "आपने सबसे स्वाभाविक विकल्प के बजाय वही क्यों चुना?",
        "fr": "Pourquoi ce choix plutôt que l'alternative évidente ?",
    },
    "trade_off": {
        "en": "What did that approach cost you, and when would you choose differently?",
        "hi": "उस तरीके की क्या कीमत चुकानी पड़ी, और आप कब कोई दूसरा रास्ता चुनेंगे?",
        "fr": "Qu'est-ce que cette approche vous a coûté, et dans quel cas feriez-vous un autre choix ?",
    },
    "differently": {
        "en": "Looking back, what would you do differently?",
        "hi": "पीछे मुड़कर देखें तो आप क्या अलग करते?",
        "fr": "Avec le recul, que feriez-vous différemment ?",
    },
    "concrete": {
        "en": "Can you make that concrete: take one real case, what did you do, and with what?",
        "hi": "क्या आप इसे ठोस बना सकते हैं: कोई एक असली उदाहरण लीजिए, आपने क्या किया और किस चीज़ से?",
        "fr": "Pouvez-vous être concret : prenez un cas réel, qu'avez-vous fait, et avec quoi ?",
    },
    "approach": {
        "en": "That's fine. How would you go about working it out?",
        "hi": "कोई बात नहीं। आप इसे समझने या हल करने की शुरुआत कैसे करेंगे?",
        "fr": "Ce n'est pas grave. Comment vous y prendriez-vous pour trouver la réponse ?",
    },
    "more": {
        "en": "Could you walk me through that in more detail, with an example from your own work?",
        "hi": "क्या आप इसे अपने काम के किसी उदाहरण के साथ और विस्तार से बता सकते हैं?",
        "fr": "Pouvez-vous détailler davantage, avec un exemple tiré de votre propre travail ?",
    },
}

OFF_TOPIC: dict[str, str] = {
    "en": "That's not quite what I asked. Let me put the question again: {question}",
    "hi": "यह ठीक वह नहीं है जो मैंने पूछा था। प्रश्न फिर से: {question}",
    # Said as the English says it: the same question is put again, not rephrased.
    "fr": "Ce n'est pas tout à fait ce que je demandais. Je vous repose la question : {question}",
}

# What the reply to each probe should contain: the scorer's rubric for it, never said to the candidate but
# named in the report's guidance for the follow-up, so it is written in each language.
PROBE_POINTS: dict[str, dict[str, list[str]]] = {
    "star_action": {
        "en": ["Explains the actions they personally took, step by step"],
        "hi": ["खुद उठाए गए कदम, एक-एक करके, बताता है"],
        "fr": ["Explique les actions qu'il a menées lui-même, étape par étape"],
    },
    "star_result": {
        "en": ["Gives the result, ideally with a number", "Says how they knew"],
        "hi": ["नतीजा बताता है, हो सके तो किसी number के साथ", "बताता है कि यह कैसे पता चला"],
        "fr": ["Donne le résultat, idéalement chiffré", "Dit comment il l'a su"],
    },
    "star_task": {
        "en": ["States their own responsibility and goal"],
        "hi": ["अपनी ज़िम्मेदारी और goal बताता है"],
        "fr": ["Précise sa propre responsabilité et son objectif"],
    },
    "star_example": {
        "en": ["Describes one specific situation", "Their own actions", "The result"],
        "hi": ["एक खास situation बताता है", "अपने खुद के कदम", "नतीजा"],
        "fr": ["Décrit une situation précise", "Ses propres actions", "Le résultat"],
    },
    "quantify": {
        "en": ["Gives the size of the improvement as a figure", "Explains how it was measured"],
        "hi": ["सुधार कितना हुआ, यह number में बताता है", "बताता है कि इसे कैसे measure किया"],
        "fr": ["Chiffre l'ampleur de l'amélioration", "Explique comment elle a été mesurée"],
    },
    "why": {
        "en": ["Names the alternative considered", "Gives the reason for the choice"],
        "hi": ["जिस दूसरे विकल्प पर सोचा, उसका नाम लेता है", "चुनाव की वजह बताता है"],
        "fr": ["Nomme l'alternative envisagée", "Donne la raison du choix"],
    },
    "trade_off": {
        "en": ["Names what the approach cost", "Says when another choice would be better"],
        "hi": ["बताता है कि इस तरीके की क्या कीमत चुकानी पड़ी", "बताता है कि कब दूसरा विकल्प बेहतर होता"],
        "fr": ["Nomme ce que l'approche a coûté", "Dit quand un autre choix serait meilleur"],
    },
    "differently": {
        "en": ["Names a concrete change", "Explains why it would help"],
        "hi": ["एक ठोस बदलाव बताता है", "बताता है कि इससे मदद क्यों मिलती"],
        "fr": ["Nomme un changement concret", "Explique pourquoi il aiderait"],
    },
    "concrete": {
        "en": ["One real case", "Tools or methods named", "Their own actions"],
        "hi": ["एक असली उदाहरण", "Tools या तरीकों के नाम", "अपने खुद के कदम"],
        "fr": ["Un cas réel", "Des outils ou des méthodes nommés", "Ses propres actions"],
    },
    "approach": {
        "en": ["A sensible first step", "How they would check the answer"],
        "hi": ["शुरुआत का एक समझदारी भरा कदम", "जवाब को वे कैसे check करेंगे"],
        "fr": ["Une première étape sensée", "Comment il vérifierait la réponse"],
    },
    "more": {
        "en": ["A concrete example", "Their own actions", "A result"],
        "hi": ["एक ठोस उदाहरण", "अपने खुद के कदम", "एक नतीजा"],
        "fr": ["Un exemple concret", "Ses propres actions", "Un résultat"],
    },
}


def ack(kind: str, language: Language, seed: int) -> str:
    options = ACKS[kind].get(language.value) or ACKS[kind]["en"]
    return options[seed % len(options)]


def probe(key: str, language: Language) -> str:
    table = PROBES[key]
    return table.get(language.value) or table["en"]


def probe_points(key: str, language: Language) -> list[str]:
    """What the reply to probe `key` should contain, in the interview's language (the reply is scored
    against these, and a report names them)."""
    table = PROBE_POINTS[key]
    return list(table.get(language.value) or table["en"])


def off_topic(question: str, language: Language) -> str:
    return (OFF_TOPIC.get(language.value) or OFF_TOPIC["en"]).format(question=question.strip())
