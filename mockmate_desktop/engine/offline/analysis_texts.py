"""Wording of the offline performance analyses in English, Hindi and French (figures filled in by the caller).

The criterion explanations and caps quoted inside them come from the scorer already in the interview's
language (`domain/scoring_texts.py`).
"""

from __future__ import annotations

from ...domain.enums import Language

_T: dict[str, dict[str, str]] = {
    "cat_comm": {
        "en": "structure and relevance of every answer",
        "hi": "हर उत्तर की संरचना और प्रासंगिकता",
        "fr": "structure et pertinence de chaque réponse",
    },
    "cat_tech": {
        "en": "expected points covered and key terms used",
        "hi": "अपेक्षित बिंदु और मुख्य शब्द जो शामिल किए गए",
        "fr": "points attendus couverts et termes clés employés",
    },
    "cat_solve": {
        "en": "figures, named tools, concrete actions and reasoning",
        "hi": "आँकड़े, tools के नाम, ठोस कदम और तर्क",
        "fr": "chiffres, outils nommés, actions concrètes et raisonnement",
    },
    "cat_fit": {
        "en": "how complete the STAR parts of the behavioural stories are",
        "hi": "व्यवहार संबंधी उदाहरणों के STAR हिस्से कितने पूरे हैं",
        "fr": "à quel point les parties STAR des récits comportementaux sont complètes",
    },
    "cat_fit_mentions": {
        "en": "no behavioural stories, so only mentions of team, colleagues or customers (mentions: {n})",
        "hi": "कोई व्यवहार संबंधी उदाहरण नहीं, इसलिए केवल टीम, सहकर्मियों या ग्राहकों के उल्लेख (उल्लेख: {n})",
        "fr": "aucun récit comportemental, donc seulement les mentions de l'équipe, des collègues ou des clients (mentions : {n})",
    },
    "cat_voice": {
        "en": "pace, fillers, pauses and hedging",
        "hi": "गति, filler शब्द, ठहराव और झिझक",
        "fr": "débit, mots de remplissage, pauses et hésitations",
    },
    "cat_typed": {
        "en": "typed answers: length only",
        "hi": "टाइप किए गए उत्तर: केवल लंबाई",
        "fr": "réponses tapées : longueur seulement",
    },
    "approach": {
        "en": "Reasoning words (because, first/then, for example, trade-offs) in {a} of {b} technical answers.",
        "hi": "{b} में से {a} तकनीकी उत्तरों में तर्क के शब्द (क्योंकि, पहले/फिर, उदाहरण, trade-offs)।",
        "fr": "Mots de raisonnement (parce que, d'abord/ensuite, par exemple, compromis) dans {a} réponses techniques sur {b}.",
    },
    "complexity": {
        "en": "Complexity, scale or trade-offs discussed in {a} of {b} technical answers.",
        "hi": "{b} में से {a} तकनीकी उत्तरों में complexity, scale या trade-offs की चर्चा।",
        "fr": "Complexité, montée en charge ou compromis abordés dans {a} réponses techniques sur {b}.",
    },
    "no_tech": {
        "en": "No technical answers to compare.",
        "hi": "तुलना के लिए कोई तकनीकी उत्तर नहीं।",
        "fr": "Aucune réponse technique à comparer.",
    },
    "stack": {
        "en": "Named tools and skills: {tools}.",
        "hi": "बताए गए tools और कौशल: {tools}।",
        "fr": "Outils et compétences cités : {tools}.",
    },
    "no_stack": {
        "en": "No tools or technologies named.",
        "hi": "किसी tool या तकनीक का नाम नहीं लिया गया।",
        "fr": "Aucun outil ni technologie cité.",
    },
    "star": {
        "en": "Complete STAR stories in {a} of {b} behavioural answers",
        "hi": "{b} में से {a} व्यवहार संबंधी उत्तरों में पूरे STAR उदाहरण",
        "fr": "Récits STAR complets dans {a} réponses comportementales sur {b}",
    },
    "star_missing": {
        "en": "; most often missing: {part}.",
        "hi": "; सबसे अधिक छूटा: {part}।",
        "fr": " ; le plus souvent absent : {part}.",
    },
    "no_beh": {
        "en": "No behavioural answers to compare.",
        "hi": "तुलना के लिए कोई व्यवहार संबंधी उत्तर नहीं।",
        "fr": "Aucune réponse comportementale à comparer.",
    },
    # Each count after its label, so that no count of 1 is followed by a plural noun ("1 named tools").
    "quant": {
        "en": "Questions asked: {asked} (follow-ups: {follow_ups}); answered: {answered}. Scores out of 10 "
        "({scores}). Words in total: {words}; pace: {pace}; fillers: {fillers}; long pauses: {pauses}; figures: "
        "{figures}; named tools: {tools}.",
        "hi": "पूछे गए प्रश्न: {asked} (अनुवर्ती: {follow_ups}); उत्तर दिए: {answered}। 10 में से स्कोर ({scores})। "
        "कुल शब्द: {words}; गति: {pace}; filler शब्द: {fillers}; लंबे ठहराव: {pauses}; आँकड़े: {figures}; "
        "tools के नाम: {tools}।",
        "fr": "Questions posées : {asked} (relances : {follow_ups}) ; traitées : {answered}. Notes sur 10 "
        "({scores}). Mots au total : {words} ; débit : {pace} ; mots de remplissage : {fillers} ; longues "
        "pauses : {pauses} ; chiffres : {figures} ; outils cités : {tools}.",
    },
    "pace": {"en": "{wpm} words/min", "hi": "{wpm} शब्द/मिनट", "fr": "{wpm} mots/min"},
    "pace_typed": {
        "en": "not measured (typed)",
        "hi": "मापी नहीं गई (टाइप किया गया)",
        "fr": "non mesuré (tapé)",
    },
    "qual_none": {
        "en": "No answers were given, so there is nothing to analyse.",
        "hi": "कोई उत्तर नहीं दिया गया, इसलिए विश्लेषण के लिए कुछ नहीं है।",
        "fr": "Aucune réponse n'a été donnée : il n'y a rien à analyser.",
    },
    "qual_best": {
        "en": "The strongest answer was to {n} ({s}/10):",
        "hi": "सबसे अच्छा उत्तर {n} का था ({s}/10):",
        "fr": "La meilleure réponse portait sur {n} ({s}/10) :",
    },
    "qual_worst": {
        "en": "The weakest was {n} ({s}/10):",
        "hi": "सबसे कमज़ोर {n} था ({s}/10):",
        "fr": "La plus faible portait sur {n} ({s}/10) :",
    },
    "qual_off": {
        "en": "The answers to {numbers} did not answer the question asked.",
        "hi": "{numbers} के उत्तर पूछे गए प्रश्न का उत्तर नहीं थे।",
        "fr": "Les réponses à {numbers} ne répondaient pas à la question posée.",
    },
    "fit": {
        "en": "Cultural fit is read from your {n} behavioural answers, by how complete each one's STAR story is: {s}/10.",
        "hi": "सांस्कृतिक तालमेल आपके {n} व्यवहार संबंधी उत्तरों से आँका गया, हर उत्तर का STAR उदाहरण कितना पूरा है इससे: {s}/10।",
        "fr": "L'adéquation culturelle est estimée d'après vos {n} réponses comportementales, selon la complétude du récit STAR de chacune : {s}/10.",
    },
    "fit_mentions": {
        "en": "This interview had no behavioural stories, so cultural fit is read only from how often you mentioned working with others (mentions: {m}): {s}/10.",
        "hi": "इस इंटरव्यू में कोई व्यवहार संबंधी उदाहरण नहीं था, इसलिए सांस्कृतिक तालमेल केवल दूसरों के साथ काम करने के आपके उल्लेखों से आँका गया (उल्लेख: {m}): {s}/10।",
        "fr": "Cet entretien ne comportait aucun récit comportemental : l'adéquation culturelle est estimée seulement d'après vos mentions du travail avec les autres (mentions : {m}) : {s}/10.",
    },
    "fit_example": {
        "en": ' For example: "{quote}"',
        "hi": ' उदाहरण: "{quote}"',
        "fr": " Par exemple : « {quote} »",
    },
}


def say(key: str, language: Language, **values: object) -> str:
    table = _T[key]
    return (table.get(language.value) or table["en"]).format(**values)
