"""Per-answer feedback sentences in the interview's language (en/hi/fr). Every template carries its
evidence: a quote from the answer ({quote}) or a figure ({n}, {value}, {band})."""

from __future__ import annotations

from ...domain import numbers
from ...domain.enums import Language

FEEDBACK: dict[str, dict[str, str]] = {
    "on_question": {
        "en": 'Stays on the question asked, for example: "{quote}"',
        "hi": 'पूछे गए प्रश्न पर ही टिका रहता है, जैसे: "{quote}"',
        "fr": "Reste sur la question posée, par exemple : « {quote} »",
    },
    "points_covered": {
        "en": 'Covers {n} of {total} expected points; "{point}" is covered by: "{quote}"',
        "hi": '{total} में से {n} अपेक्षित बिंदु शामिल हैं; "{point}" इसमें है: "{quote}"',
        "fr": "Couvre {n} des {total} points attendus ; « {point} » est couvert par : « {quote} »",
    },
    "figures": {
        "en": 'Concrete figures ({figures}): "{quote}"',
        "hi": 'ठोस आँकड़े ({figures}): "{quote}"',
        "fr": "Des chiffres concrets ({figures}) : « {quote} »",
    },
    "star_told": {
        "en": 'Tells {n} of the 4 STAR parts; the result, for example: "{quote}"',
        "hi": 'STAR के 4 में से {n} हिस्से बताता है; उदाहरण: "{quote}"',
        "fr": "Raconte {n} des 4 parties STAR ; par exemple : « {quote} »",
    },
    "band_ok": {
        "en": "{metric}: {value}, within the {band} band",
        "hi": "{metric}: {value}, {band} की सीमा के भीतर",
        "fr": "{metric} : {value}, dans la plage {band}",
    },
    "band_out": {
        "en": "{metric}: {value}, outside the {band} band",
        "hi": "{metric}: {value}, {band} की सीमा से बाहर",
        "fr": "{metric} : {value}, hors de la plage {band}",
    },
    "wrong_question": {
        "en": 'This answers a different question (similarity z {z} to the one asked): it opens with "{quote}". Answer the question that was asked.',
        "hi": 'यह किसी दूसरे प्रश्न का उत्तर है (पूछे गए प्रश्न से समानता z {z}): शुरुआत "{quote}" से होती है। जो पूछा गया उसका उत्तर दें।',
        "fr": "Cette réponse traite une autre question (similarité z {z} avec celle posée) : elle commence par « {quote} ». Répondez à la question posée.",
    },
    "loosely_related": {
        "en": 'This is only loosely tied to the question (similarity z {z} to the one asked) and covers none of its expected points fully yet: it opens with "{quote}". Answer the question that was asked.',
        "hi": 'यह उत्तर प्रश्न से बस थोड़ा ही जुड़ा है (पूछे गए प्रश्न से समानता z {z}) और अभी उसके किसी अपेक्षित point को पूरी तरह नहीं करता: शुरुआत "{quote}" से होती है। जो पूछा गया उसका उत्तर दें।',
        "fr": "Cette réponse n'est que vaguement liée à la question (similarité z {z} avec celle posée) et n'en couvre encore entièrement aucun point attendu : elle commence par « {quote} ». Répondez à la question posée.",
    },
    "partly_on_question": {
        "en": 'This is only partly tied to the question asked (on the question with probability {p:.0%}, which lowers the score): it opens with "{quote}". Say plainly how your example answers this question.',
        "hi": 'यह उत्तर पूछे गए प्रश्न से बस आंशिक रूप से जुड़ा है (प्रश्न पर होने की संभावना {p:.0%}, जिससे score घटता है): शुरुआत "{quote}" से होती है। साफ़ बताइए कि आपका उदाहरण इस प्रश्न का उत्तर कैसे देता है।',
        "fr": "Cette réponse n'est que partiellement liée à la question posée (probabilité {p:.0%} de porter sur elle, ce qui abaisse la note) : elle commence par « {quote} ». Dites clairement en quoi votre exemple répond à cette question.",
    },
    "hardly_on_question": {
        "en": 'This hardly answers the question asked (on the question with probability {p:.0%}, which lowers the score): it opens with "{quote}". Answer the question that was asked.',
        "hi": 'यह उत्तर पूछे गए प्रश्न का शायद ही जवाब देता है (प्रश्न पर होने की संभावना {p:.0%}, जिससे score घटता है): शुरुआत "{quote}" से होती है। जो प्रश्न पूछा गया है, उसी का उत्तर दीजिए।',
        "fr": "Cette réponse ne traite guère la question posée (probabilité {p:.0%} de porter sur elle, ce qui abaisse la note) : elle commence par « {quote} ». Répondez à la question posée.",
    },
    "dont_know": {
        "en": 'The answer says "{quote}": say what you do know, or how you would find out, step by step.',
        "hi": 'उत्तर कहता है "{quote}": जो आप जानते हैं वह बताएँ, या आप इसे कैसे पता करेंगे, एक-एक कदम।',
        "fr": "La réponse dit « {quote} » : dites ce que vous savez, ou comment vous le trouveriez, étape par étape.",
    },
    "stuffed": {
        "en": "{share} of the words are bare keywords or STAR headings ({labels} headings), not a story: tell one concrete example instead.",
        "hi": "{share} शब्द सिर्फ़ keywords या STAR शीर्षक हैं ({labels} शीर्षक), कोई कहानी नहीं: इसके बजाय एक ठोस उदाहरण बताएँ।",
        "fr": "{share} des mots sont des mots-clés ou des intitulés STAR ({labels} intitulés), pas un récit : racontez plutôt un exemple concret.",
    },
    "padded": {
        "en": "{share} of the text repeats itself and {fillers} of the words are fillers: say each point once.",
        "hi": "{share} पाठ ख़ुद को दोहराता है और {fillers} शब्द filler हैं: हर बात एक बार कहें।",
        "fr": "{share} du texte se répète et {fillers} des mots sont des mots de remplissage : dites chaque point une fois.",
    },
    "missing_points": {
        "en": "Touches {n} of {total} expected points, fully or partly; missing: {points}",
        "hi": "{total} में से {n} अपेक्षित बिंदु पूरे या आंशिक रूप से शामिल; छूटे हुए: {points}",
        "fr": "Aborde {n} des {total} points attendus, entièrement ou en partie ; manquent : {points}",
    },
    "points_to_cover": {
        "en": "A good answer to this question covers these {n} points: {points}",
        "hi": "इस प्रश्न के अच्छे उत्तर में ये {n} बातें होती हैं: {points}",
        "fr": "Une bonne réponse à cette question couvre ces {n} points : {points}",
    },
    "no_figures": {
        "en": "No figure or named tool inside a told sentence ({words} words): add a number that shows the result",
        "hi": "किसी बताए गए वाक्य में कोई आँकड़ा या tool का नाम नहीं ({words} शब्द): नतीजा दिखाने वाला एक आँकड़ा जोड़ें",
        "fr": "Aucun chiffre ni outil nommé dans une phrase qui raconte ({words} mots) : ajoutez un chiffre qui montre le résultat",
    },
    "star_missing": {
        "en": "STAR: {n} of 4 parts told; missing: {parts}",
        "hi": "STAR: 4 में से {n} हिस्से बताए; छूटे: {parts}",
        "fr": "STAR : {n} parties sur 4 racontées ; manquent : {parts}",
    },
    "short": {
        "en": "Only {words} words: develop the answer with one example",
        "hi": "सिर्फ़ {words} शब्द: एक उदाहरण के साथ उत्तर को विस्तार दें",
        "fr": "Seulement {words} mots : développez avec un exemple",
    },
    "weakest": {
        "en": "{label} {score}/10 is the weakest part of this answer: {hint}",
        "hi": "{label} {score}/10 इस उत्तर का सबसे कमज़ोर हिस्सा है: {hint}",
        "fr": "{label} {score}/10 est le point le plus faible de cette réponse : {hint}",
    },
    "skipped": {
        "en": "No answer was given (0 words).",
        "hi": "कोई उत्तर नहीं दिया गया (0 शब्द)।",
        "fr": "Aucune réponse donnée (0 mot).",
    },
}

MODEL_ANSWER: dict[str, dict[str, str]] = {
    "behavioural": {
        "hi": "एक अच्छा उत्तर एक सच्ची घटना सुनाता है: स्थिति और उसका महत्व, आपकी ज़िम्मेदारी, आपने खुद एक-एक करके क्या किया, और नतीजा आँकड़ों के साथ, साथ में आपने क्या सीखा। इसमें ये बातें आनी चाहिए (question bank के बिंदु, अंग्रेज़ी में): {points}।",
        "fr": "Une bonne réponse raconte un fait réel : la situation et son enjeu, votre mission, ce que vous avez fait vous-même étape par étape, et le résultat chiffré, avec ce que vous en avez retenu. Elle doit aborder (points de la banque de questions, en anglais) : {points}.",
    },
    "technical": {
        "hi": "एक अच्छा उत्तर सीधे प्रश्न का उत्तर देता है, हर बात का कारण बताता है, अपने काम का एक ठोस उदाहरण (tools और आँकड़ों के साथ) देता है, और trade-offs बताता है। इसमें ये बातें आनी चाहिए (question bank के बिंदु, अंग्रेज़ी में): {points}।",
        "fr": "Une bonne réponse répond d'abord directement, justifie chaque choix, donne un exemple concret tiré de votre travail (outils et chiffres) et cite les compromis. Elle doit aborder (points de la banque de questions, en anglais) : {points}.",
    },
}


def say(key: str, language: Language, **values: object) -> str:
    table = FEEDBACK[key]
    return numbers.fill(table.get(language.value) or table["en"], language, **values)


# What lifts the weakest criterion of an answer that needs nothing else: a figure alone ("Structure 7.3/10 is
# the weakest part") told the candidate where, not what to do.
WEAKEST_HINTS: dict[str, dict[str, str]] = {
    "relevance": {
        "en": "tie each part of the answer to the question asked",
        "hi": "उत्तर के हर हिस्से को पूछे गए प्रश्न से जोड़िए",
        "fr": "reliez chaque partie de la réponse à la question posée",
    },
    "structure": {
        "en": "give the steps in order and say why (first…, then…, because…)",
        "hi": "कदम क्रम से बताइए और उनकी वजह भी (पहले…, फिर…, क्योंकि…)",
        "fr": "donnez les étapes dans l'ordre et dites pourquoi (d'abord…, ensuite…, parce que…)",
    },
    "structure_star": {
        "en": "tell it as situation, task, your own actions and the result",
        "hi": "इसे स्थिति, काम, अपने खुद के कदम और नतीजे के क्रम में बताइए",
        "fr": "racontez-la dans l'ordre : situation, mission, vos propres actions et résultat",
    },
    "specificity": {
        "en": "name the tools you used and give one figure",
        "hi": "जिन tools का इस्तेमाल किया उनके नाम और एक आँकड़ा दीजिए",
        "fr": "nommez les outils utilisés et donnez un chiffre",
    },
    "completeness": {
        "en": "cover the points a strong answer needs (see the model answer)",
        "hi": "अच्छे उत्तर के ज़रूरी बिंदु शामिल कीजिए (मॉडल उत्तर देखें)",
        "fr": "couvrez les points qu'une bonne réponse aborde (voir la réponse modèle)",
    },
    "delivery": {
        "en": "keep pace, fillers and pauses inside their bands",
        "hi": "गति, भराव शब्द और ठहराव को उनकी सीमाओं में रखिए",
        "fr": "gardez le débit, les mots de remplissage et les pauses dans leurs plages",
    },
}


def weakest_hint(criterion: str, language: Language, behavioural: bool) -> str:
    key = "structure_star" if criterion == "structure" and behavioural else criterion
    table = WEAKEST_HINTS.get(key) or WEAKEST_HINTS["completeness"]
    return table.get(language.value) or table["en"]
