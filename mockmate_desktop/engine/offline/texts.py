"""Templated wording of the offline engine in the interview's language (English, Hindi, French).

The scorer's criterion explanations and caps are worded in the interview's language too, by
`domain/scoring_texts.py`: they quote the expected points in the bank's language and the candidate's answer
verbatim.
"""

from __future__ import annotations

from ...domain import numbers
from ...domain.enums import Language

_TEXTS: dict[str, dict[str, str]] = {
    "disclaimer": {
        "en": "Scored by the offline heuristic engine: meaning compared by a small multilingual sentence model on this computer, plus figures, named tools, structure and delivery rules (not a generative AI).",
        "hi": "MockMate की ऑफ़लाइन rubric से स्कोर किया गया: इसी कंप्यूटर पर एक छोटे बहुभाषी sentence model से अर्थ की तुलना, साथ में आँकड़े, tools के नाम, संरचना और delivery के नियम (generative AI नहीं)।",
        "fr": "Noté hors ligne par la grille de MockMate : le sens est comparé par un petit modèle de phrases multilingue sur cet ordinateur, avec les chiffres, les outils cités, la structure et l'élocution (pas une IA générative).",
    },
    "probability_note": {
        "en": "Selection chance {p} is an estimate, not a statistic: a logistic curve of your overall score that gives {even} at {mark}/100 in an interview at {difficulty} level (higher for harder levels), kept between {floor} and {ceiling}.",
        "hi": "चयन की संभावना {p} एक अनुमान है, आँकड़ा नहीं: आपके कुल स्कोर का logistic वक्र, जो {difficulty} इंटरव्यू के लिए {mark}/100 पर {even} देता है (कठिन स्तर पर ऊँचा), और {floor} से {ceiling} के बीच रहता है।",
        "fr": "La probabilité de sélection de {p} est une estimation, pas une statistique : une courbe logistique de votre note globale qui donne {even} à {mark}/100 pour un entretien {difficulty} (plus haut pour les niveaux difficiles), bornée entre {floor} et {ceiling}.",
    },
    "snapshot": {
        "en": "Overall {score}/100 for {role} ({difficulty}, {itype}): {answered} of {total} questions answered, average {avg}/10. Best: {best}. Weakest: {worst}.",
        "hi": "{role} ({difficulty}, {itype}) के लिए कुल {score}/100: {total} में से {answered} प्रश्नों के उत्तर, औसत {avg}/10। सबसे अच्छा: {best}। सबसे कमज़ोर: {worst}।",
        "fr": "Note globale {score}/100 pour {role} ({difficulty}, {itype}) : {answered} questions sur {total} traitées, moyenne {avg}/10. Meilleure : {best}. Plus faible : {worst}.",
    },
    "final_remarks": {
        "en": "{disclaimer} The scores compare the meaning of each answer with the question and its expected points, and count STAR parts, figures, named tools and delivery measurements; keyword lists and padding earn nothing. They do not check that what you said is true. Add a Gemini key for a reading by a large model.",
        "hi": "{disclaimer} स्कोर हर उत्तर के अर्थ की तुलना प्रश्न और उसके अपेक्षित बिंदुओं से करते हैं, और STAR हिस्से, आँकड़े, tools के नाम और बोलने के माप गिनते हैं; keywords की सूची और भराव को कोई अंक नहीं मिलता। ये नहीं जाँचते कि आपकी बात सच है या नहीं। बड़े model से मूल्यांकन के लिए Gemini key जोड़ें।",
        "fr": "{disclaimer} Les notes comparent le sens de chaque réponse avec la question et ses points attendus, et comptent les parties STAR, les chiffres, les outils cités et les mesures d'élocution ; les listes de mots-clés et le remplissage ne rapportent rien. Elles ne vérifient pas l'exactitude de vos propos. Ajoutez une clé Gemini pour une lecture par un grand modèle.",
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
    "category_one": {
        "en": "From 1 answer: {detail}.",
        "hi": "1 उत्तर से: {detail}।",
        "fr": "Sur 1 réponse : {detail}.",
    },
    # Said when questions went unanswered, so a low category beside a well-scored answer is explained.
    "category_skipped": {
        "en": "From {n} of {total} questions, the unanswered ones counted as 0: {detail}.",
        "hi": "कुल {total} प्रश्न, उत्तर {n}; बिना उत्तर वाले प्रश्न 0 गिने गए: {detail}।",
        "fr": "Sur {n} des {total} questions, celles restées sans réponse comptant pour 0 : {detail}.",
    },
    "skipped": {
        "en": "Answer every question: {n} went unanswered",
        "hi": "हर प्रश्न का उत्तर दें: {n} प्रश्न बिना उत्तर के रहे",
        "fr": "Répondez à chaque question : {n} sont restées sans réponse",
    },
    "strong_answer": {
        "en": 'Strong answer to {n} ({s}/10): "{quote}"',
        "hi": '{n} का मज़बूत उत्तर ({s}/10): "{quote}"',
        "fr": "Réponse solide à {n} ({s}/10) : « {quote} »",
    },
    "missed_questions": {
        "en": "Answer the question that is asked: the answers to {numbers} missed it (off topic, \"I don't know\" or a list of keywords)",
        "hi": "जो पूछा जाए उसी का उत्तर दें: {numbers} के उत्तर प्रश्न से हट गए (विषय से बाहर, \"पता नहीं\" या केवल keywords की सूची)",
        "fr": "Répondez à la question posée : les réponses à {numbers} l'ont manquée (hors sujet, « je ne sais pas » ou liste de mots-clés)",
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
        "en": "Work on your delivery",
        "hi": "अपनी प्रस्तुति पर काम करें",
        "fr": "Travaillez votre élocution",
    },
}


def text(key: str, language: Language, **values: object) -> str:
    table = _TEXTS[key]
    template = table.get(language.value) or table["en"]
    return numbers.fill(template, language, **values)


def pick(table: dict[str, dict[str, str]], key: str, language: Language) -> str:
    entry = table[key]
    return entry.get(language.value) or entry["en"]
