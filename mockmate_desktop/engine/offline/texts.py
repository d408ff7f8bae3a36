"""Templated wording of the offline engine in the interview's language (English, Hindi, French).

Rubric explanations (figures, matched words, missing points) stay in English: they quote the English rubric.
"""

from __future__ import annotations

from ...domain.enums import Language

_TEXTS: dict[str, dict[str, str]] = {
    "disclaimer": {
        "en": "Scored by the offline heuristic engine (keyword, structure and delivery rules; not an AI model).",
        "hi": "ऑफ़लाइन heuristic engine द्वारा स्कोर किया गया (keyword, structure और delivery नियम; AI model नहीं)।",
        "fr": "Noté par le moteur heuristique hors ligne (règles de mots-clés, de structure et d'élocution ; pas un modèle d'IA).",
    },
    "snapshot": {
        "en": "Overall {score}/100 for {role} ({difficulty}, {itype}): {answered} of {total} questions answered, average {avg}/10. Best: {best}. Weakest: {worst}.",
        "hi": "{role} ({difficulty}, {itype}) के लिए कुल {score}/100: {total} में से {answered} प्रश्नों के उत्तर, औसत {avg}/10। सबसे अच्छा: {best}। सबसे कमज़ोर: {worst}।",
        "fr": "Note globale {score}/100 pour {role} ({difficulty}, {itype}) : {answered} questions sur {total} traitées, moyenne {avg}/10. Meilleure : {best}. Plus faible : {worst}.",
    },
    "skill_fallback": {"en": "your main skill", "hi": "आपका मुख्य कौशल", "fr": "votre compétence principale"},
    "fu_star": {
        "en": "You did not describe the {missing} in that story. Could you tell me {ask}?",
        "hi": "आपने उस उदाहरण में {missing} नहीं बताया। क्या आप बता सकते हैं {ask}?",
        "fr": "Vous n'avez pas décrit {missing} dans cet exemple. Pouvez-vous me dire {ask} ?",
    },
    "fu_thin": {
        "en": "That answer was quite brief. {detail}",
        "hi": "आपका उत्तर काफ़ी छोटा था। {detail}",
        "fr": "Cette réponse était assez brève. {detail}",
    },
    "fu_thin_detail": {
        "en": "Could you go into more detail, with a concrete example from your own work?",
        "hi": "क्या आप अपने काम से एक ठोस उदाहरण के साथ विस्तार से बता सकते हैं?",
        "fr": "Pouvez-vous développer, avec un exemple concret tiré de votre travail ?",
    },
    "fu_vague": {
        "en": "Could you make that concrete: which tools or methods did you use, what exactly did you do, and what numbers show the result?",
        "hi": "क्या आप इसे ठोस बना सकते हैं: आपने कौन से tools या तरीके इस्तेमाल किए, ठीक-ठीक क्या किया, और कौन से आँकड़े नतीजा दिखाते हैं?",
        "fr": "Pouvez-vous être plus concret : quels outils ou méthodes avez-vous utilisés, qu'avez-vous fait exactement, et quels chiffres montrent le résultat ?",
    },
    "fu_point": {
        "en": "A strong answer would also cover this: {point}. Could you tell me about that?",
        "hi": "एक अच्छा उत्तर यह भी बताता: {point}। क्या आप इसके बारे में बता सकते हैं?",
        "fr": "Une bonne réponse aborderait aussi ceci : {point}. Pouvez-vous m'en parler ?",
    },
    "final_remarks": {
        "en": "{disclaimer} The scores count matched words, STAR parts, figures, named tools and delivery measurements; they do not judge whether what you said is correct. Use them to practise structure and specificity, and add a Gemini key for a reading of content.",
        "hi": "{disclaimer} स्कोर मिलते शब्दों, STAR हिस्सों, आँकड़ों, tools के नाम और बोलने के माप पर आधारित हैं; ये नहीं जाँचते कि आपकी बात सही है या नहीं। इन्हें structure और ठोस उदाहरणों के अभ्यास के लिए इस्तेमाल करें; सामग्री के मूल्यांकन के लिए Gemini key जोड़ें।",
        "fr": "{disclaimer} Les notes comptent les mots pertinents, les parties STAR, les chiffres, les outils cités et les mesures d'élocution ; elles ne jugent pas l'exactitude de vos propos. Servez-vous-en pour travailler la structure et la précision, et ajoutez une clé Gemini pour une lecture du contenu.",
    },
    "no_answer": {
        "en": "No answer to judge.",
        "hi": "जाँचने के लिए कोई उत्तर नहीं।",
        "fr": "Aucune réponse à évaluer.",
    },
    "category": {
        "en": "From {n} answers: {detail}.",
        "hi": "{n} उत्तरों से: {detail}।",
        "fr": "Sur {n} réponses : {detail}.",
    },
    "skipped": {
        "en": "Answer every question: {n} went unanswered",
        "hi": "हर प्रश्न का उत्तर दें: {n} प्रश्न बिना उत्तर के रहे",
        "fr": "Répondez à chaque question : {n} sont restées sans réponse",
    },
    "model_follow_up": {
        "en": "A strong reply adds what was missing: {what}. Give one concrete example with your own actions and a measurable result.",
        "hi": "एक अच्छा उत्तर छूटी हुई बात जोड़ता है: {what}। अपने काम का एक ठोस उदाहरण और मापने योग्य नतीजा दें।",
        "fr": "Une bonne réponse ajoute ce qui manquait : {what}. Donnez un exemple concret avec vos propres actions et un résultat mesurable.",
    },
}

STAR_PARTS: dict[str, dict[str, tuple[str, str]]] = {
    # part -> language -> (name, question asking for it)
    "situation": {
        "en": ("situation", "where and when this happened, and why it mattered"),
        "hi": ("स्थिति", "यह कब और कहाँ हुआ, और यह क्यों महत्वपूर्ण था"),
        "fr": ("la situation", "où et quand cela s'est passé, et pourquoi c'était important"),
    },
    "task": {
        "en": ("task", "what you were responsible for and what the goal was"),
        "hi": ("आपका काम", "आपकी ज़िम्मेदारी क्या थी और लक्ष्य क्या था"),
        "fr": ("votre mission", "de quoi vous étiez responsable et quel était l'objectif"),
    },
    "action": {
        "en": ("actions you took", "what you personally did, step by step"),
        "hi": ("आपके कदम", "आपने खुद क्या किया, एक-एक कदम"),
        "fr": ("vos actions", "ce que vous avez fait personnellement, étape par étape"),
    },
    "result": {
        "en": ("result", "what the outcome was, ideally with a number, and what you learned"),
        "hi": ("नतीजा", "नतीजा क्या रहा, हो सके तो आँकड़े के साथ, और आपने क्या सीखा"),
        "fr": ("le résultat", "quel a été le résultat, idéalement chiffré, et ce que vous en avez retenu"),
    },
}

CRITERION_LABELS: dict[str, dict[str, str]] = {
    "relevance": {"en": "Relevance", "hi": "प्रासंगिकता", "fr": "Pertinence"},
    "structure": {"en": "Structure", "hi": "संरचना", "fr": "Structure"},
    "specificity": {"en": "Specificity", "hi": "ठोसपन", "fr": "Précision"},
    "completeness": {"en": "Completeness", "hi": "पूर्णता", "fr": "Complétude"},
    "delivery": {"en": "Delivery", "hi": "प्रस्तुति", "fr": "Élocution"},
}

STRENGTH_OF: dict[str, dict[str, str]] = {
    "relevance": {
        "en": "Answers stay on the question and use its key terms",
        "hi": "उत्तर प्रश्न पर टिके रहते हैं और उसके मुख्य शब्दों का प्रयोग करते हैं",
        "fr": "Les réponses restent centrées sur la question et en reprennent les termes clés",
    },
    "structure": {
        "en": "Clear structure (STAR stories, reasoning step by step)",
        "hi": "स्पष्ट संरचना (STAR उदाहरण, क्रमबद्ध तर्क)",
        "fr": "Structure claire (récits STAR, raisonnement étape par étape)",
    },
    "specificity": {
        "en": "Concrete detail: figures, named tools and your own actions",
        "hi": "ठोस विवरण: आँकड़े, tools के नाम और आपके अपने कदम",
        "fr": "Détails concrets : chiffres, outils nommés et actions personnelles",
    },
    "completeness": {
        "en": "Covers most of what a strong answer contains",
        "hi": "एक अच्छे उत्तर की अधिकांश बातें शामिल हैं",
        "fr": "Couvre l'essentiel de ce que contient une bonne réponse",
    },
    "delivery": {
        "en": "Steady pace with few fillers and pauses",
        "hi": "स्थिर गति, कम filler शब्द और ठहराव",
        "fr": "Débit régulier, peu de mots de remplissage et de pauses",
    },
}

IMPROVE_OF: dict[str, dict[str, str]] = {
    "relevance": {
        "en": "Answer the exact question asked and use the job's key terms",
        "hi": "ठीक वही प्रश्न हल करें जो पूछा गया, और नौकरी के मुख्य शब्दों का प्रयोग करें",
        "fr": "Répondez précisément à la question posée et reprenez les termes clés du poste",
    },
    "structure": {
        "en": "Structure answers: situation, task, action, result for stories; reasons and steps for technical ones",
        "hi": "उत्तरों को संरचित करें: उदाहरणों के लिए स्थिति, काम, कदम, नतीजा; तकनीकी उत्तरों के लिए कारण और चरण",
        "fr": "Structurez : situation, tâche, action, résultat pour les récits ; raisons et étapes pour le technique",
    },
    "specificity": {
        "en": "Add figures, named tools and what you personally did",
        "hi": "आँकड़े, tools के नाम और आपने खुद क्या किया, यह जोड़ें",
        "fr": "Ajoutez des chiffres, des outils nommés et ce que vous avez fait vous-même",
    },
    "completeness": {
        "en": "Cover the key points a strong answer needs (see the model answers)",
        "hi": "एक अच्छे उत्तर के मुख्य बिंदु शामिल करें (मॉडल उत्तर देखें)",
        "fr": "Couvrez les points clés d'une bonne réponse (voir les réponses modèles)",
    },
    "delivery": {
        "en": "Work on pace: fewer fillers and long pauses",
        "hi": "गति पर काम करें: कम filler शब्द और लंबे ठहराव",
        "fr": "Travaillez le débit : moins de mots de remplissage et de longues pauses",
    },
}


def text(key: str, language: Language, **values: object) -> str:
    table = _TEXTS[key]
    template = table.get(language.value) or table["en"]
    return template.format(**values)


def pick(table: dict[str, dict[str, str]], key: str, language: Language) -> str:
    entry = table[key]
    return entry.get(language.value) or entry["en"]
