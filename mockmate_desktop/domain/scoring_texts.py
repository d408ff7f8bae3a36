"""Wording of the offline scorer's explanations and caps in the interview's language (English, Hindi, French).

The language picks the words and how a figure is written, never its value. It is the interview's language,
which is not always `MeaningSignals.language` (that one picks the learned model's per-language scales).
Figures are written by `numbers` (62%, z +0.35, 4.5/10; in French 62\u00a0%, z +0,35, 4,5/10); quoted
expected points come in the bank's language and quotes of the candidate's answer stay verbatim. Every message exists in every language with the same
placeholders (tests/domain/test_scoring_texts.py).
"""

from __future__ import annotations

import string
from collections.abc import Iterable

from . import numbers
from .enums import Language

LANGUAGES = ("en", "hi", "fr")

_T: dict[str, dict[str, str]] = {
    # Scoring by meaning: relevance.
    "relevance_other": {
        "en": 'By meaning the answer fits another question of the bank better than this one ("{rival}"; fit {fit:+.2f} against it).',
        "hi": 'अर्थ के हिसाब से उत्तर इस प्रश्न से ज़्यादा bank के एक दूसरे प्रश्न से मेल खाता है ("{rival}"; उसके मुक़ाबले fit {fit:+.2f})।',
        "fr": "Par le sens, la réponse correspond mieux à une autre question de la banque qu'à celle-ci (« {rival} » ; écart {fit:+.2f} face à elle).",
    },
    "relevance_off": {
        "en": "By meaning the answer fits other interview questions about as well as this one (z {z:+.2f} against other questions).",
        "hi": "अर्थ के हिसाब से उत्तर दूसरे इंटरव्यू प्रश्नों से भी लगभग उतना ही मेल खाता है जितना इस प्रश्न से (दूसरे प्रश्नों के मुक़ाबले z {z:+.2f})।",
        "fr": "Par le sens, la réponse correspond à d'autres questions d'entretien à peu près autant qu'à celle-ci (z {z:+.2f} face aux autres questions).",
    },
    "relevance_weak": {
        "en": "By meaning the answer is only loosely tied to the question asked (z {z:+.2f} against other questions) and covers none of its expected points fully.",
        "hi": "अर्थ के हिसाब से उत्तर पूछे गए प्रश्न से बस थोड़ा ही जुड़ा है (दूसरे प्रश्नों के मुक़ाबले z {z:+.2f}) और उसके किसी भी अपेक्षित point को पूरी तरह नहीं करता।",
        "fr": "Par le sens, la réponse n'est que vaguement liée à la question posée (z {z:+.2f} face aux autres questions) et ne couvre entièrement aucun des points attendus.",
    },
    "relevance_on": {
        "en": "By meaning the answer addresses the question asked (z {z:+.2f} against other questions).",
        "hi": "अर्थ के हिसाब से उत्तर पूछे गए प्रश्न का ही है (दूसरे प्रश्नों के मुक़ाबले z {z:+.2f})।",
        "fr": "Par le sens, la réponse traite bien la question posée (z {z:+.2f} face aux autres questions).",
    },
    "relevance_dont_know": {
        "en": "The answer says it does not know, so there is nothing to match with the question.",
        "hi": "उत्तर कहता है कि जानकारी नहीं है, इसलिए प्रश्न से मिलाने को कुछ नहीं है।",
        "fr": "La réponse dit ne pas savoir : il n'y a rien à rapprocher de la question.",
    },
    "relevance_partly": {
        "en": 'By meaning the answer is only partly tied to the question asked (z {z:+.2f} against other questions); the closest other question is "{rival}".',
        "hi": 'अर्थ के हिसाब से उत्तर पूछे गए प्रश्न से बस आंशिक रूप से जुड़ा है (दूसरे प्रश्नों के मुक़ाबले z {z:+.2f}); सबसे क़रीबी दूसरा प्रश्न "{rival}" है।',
        "fr": "Par le sens, la réponse n'est que partiellement liée à la question posée (z {z:+.2f} face aux autres questions) ; l'autre question la plus proche est « {rival} ».",
    },
    "relevance_hardly": {
        "en": "By meaning the answer hardly addresses the question asked (z {z:+.2f} against other questions).",
        "hi": "अर्थ के हिसाब से उत्तर पूछे गए प्रश्न का शायद ही जवाब देता है (दूसरे प्रश्नों के मुक़ाबले z {z:+.2f})।",
        "fr": "Par le sens, la réponse ne traite guère la question posée (z {z:+.2f} face aux autres questions).",
    },
    "relevance_partly_plain": {
        "en": "By meaning the answer is only partly tied to the question asked (z {z:+.2f} against other questions).",
        "hi": "अर्थ के हिसाब से उत्तर पूछे गए प्रश्न से बस आंशिक रूप से जुड़ा है (दूसरे प्रश्नों के मुक़ाबले z {z:+.2f})।",
        "fr": "Par le sens, la réponse n'est que partiellement liée à la question posée (z {z:+.2f} face aux autres questions).",
    },
    "on_question": {
        "en": "On the question asked with probability {p:.0%}; the answer's quality ({quality:.1f}/10) is multiplied by it.",
        "hi": "पूछे गए प्रश्न पर होने की संभावना {p:.0%}; उत्तर की गुणवत्ता ({quality:.1f}/10) को इससे गुणा किया जाता है।",
        "fr": "Probabilité que la réponse porte sur la question posée : {p:.0%} ; la qualité de la réponse ({quality:.1f}/10) est multipliée par elle.",
    },
    # Scoring by meaning: completeness, specificity, structure.
    "completeness_reference": {
        "en": "No rubric points for this question; compared by meaning with the model answer.",
        "hi": "इस प्रश्न के लिए rubric के बिंदु नहीं हैं; मॉडल उत्तर से अर्थ के आधार पर तुलना की गई।",
        "fr": "Pas de points attendus pour cette question ; comparée par le sens à la réponse modèle.",
    },
    "completeness": {
        "en": "Covers {covered} of {total} expected points, {partly} partly.",
        "hi": "{total} में से {covered} अपेक्षित बिंदु शामिल, {partly} आंशिक रूप से।",
        "fr": "Couvre {covered} des {total} points attendus, {partly} en partie.",
    },
    "completeness_missing": {
        "en": "Covers {covered} of {total} expected points, {partly} partly; missing: {missing}.",
        "hi": "{total} में से {covered} अपेक्षित बिंदु शामिल, {partly} आंशिक रूप से; छूटे हुए: {missing}।",
        "fr": "Couvre {covered} des {total} points attendus, {partly} en partie ; manquants : {missing}.",
    },
    "specificity": {
        "en": "Figures: {numbers} ({number_list}); named tools or skills: {tools} ({tool_list}); sentences with your own actions: {actions}.",
        "hi": "आँकड़े: {numbers} ({number_list}), tools या skills के नाम: {tools} ({tool_list}), आपके अपने कदमों वाले वाक्य: {actions}।",
        "fr": "Chiffres : {numbers} ({number_list}) ; outils ou compétences cités : {tools} ({tool_list}) ; phrases sur vos propres actions : {actions}.",
    },
    "specificity_stuffed": {
        "en": "Figures: {numbers} ({number_list}); named tools or skills: {tools} ({tool_list}); sentences with your own actions: {actions}; a list of keywords counts for nothing.",
        "hi": "आँकड़े: {numbers} ({number_list}), tools या skills के नाम: {tools} ({tool_list}), आपके अपने कदमों वाले वाक्य: {actions}; keywords की सूची का कोई मूल्य नहीं।",
        "fr": "Chiffres : {numbers} ({number_list}) ; outils ou compétences cités : {tools} ({tool_list}) ; phrases sur vos propres actions : {actions} ; une liste de mots-clés ne compte pour rien.",
    },
    # `told` is "" or " (situation, action)", built by `told`.
    "star_meaning": {
        "en": "STAR by meaning: {n} of 4 parts told{told}.",
        "hi": "अर्थ के आधार पर STAR, बताए गए हिस्से: 4 में से {n}{told}।",
        "fr": "STAR par le sens, parties racontées : {n} sur 4{told}.",
    },
    "star_meaning_missing": {
        "en": "STAR by meaning: {n} of 4 parts told{told}; missing: {missing}.",
        "hi": "अर्थ के आधार पर STAR, बताए गए हिस्से: 4 में से {n}{told}; छूटे हुए: {missing}।",
        "fr": "STAR par le sens, parties racontées : {n} sur 4{told} ; manquantes : {missing}.",
    },
    "star_headings": {
        "en": "{n} STAR headings without a story earn nothing.",
        "hi": "बिना कहानी के STAR शीर्षकों ({n}) को कोई अंक नहीं मिलता।",
        "fr": "Des intitulés STAR sans récit ({n}) ne rapportent rien.",
    },
    "reasoning": {
        "en": "Sentences that explain something: {n}; reasoning words: {words}.",
        "hi": "कुछ समझाने वाले वाक्य: {n}; तर्क के शब्द: {words}।",
        "fr": "Phrases qui expliquent quelque chose : {n} ; mots de raisonnement : {words}.",
    },
    "reasoning_none": {
        "en": "Sentences that explain something: {n}; no reasoning words (because, first, then).",
        "hi": "कुछ समझाने वाले वाक्य: {n}; तर्क का कोई शब्द नहीं (क्योंकि, पहले, फिर)।",
        "fr": "Phrases qui expliquent quelque chose : {n} ; aucun mot de raisonnement (parce que, d'abord, ensuite).",
    },
    "claims": {
        "en": 'General claims: {n} of {total} sentences say nothing concrete (for example "{quote}"); show what you did instead.',
        "hi": 'सामान्य दावे: {total} में से {n} वाक्य कोई ठोस बात नहीं कहते (जैसे "{quote}"); इसके बजाय दिखाइए कि आपने क्या किया।',
        "fr": "Affirmations générales sans rien de concret : {n} sur {total} phrases (par exemple « {quote} ») ; montrez plutôt ce que vous avez fait.",
    },
    "claims_lowering": {
        "en": 'General claims: {n} of {total} sentences say nothing concrete (for example "{quote}"); they lower the score: show what you did instead.',
        "hi": 'सामान्य दावे: {total} में से {n} वाक्य कोई ठोस बात नहीं कहते (जैसे "{quote}"); इनसे स्कोर घटता है: इसके बजाय दिखाइए कि आपने क्या किया।',
        "fr": "Affirmations générales sans rien de concret : {n} sur {total} phrases (par exemple « {quote} ») ; elles font baisser la note : montrez plutôt ce que vous avez fait.",
    },
    # Caps, by meaning.
    "cap_dont_know": {
        "en": "The answer says it does not know: nothing to credit yet.",
        "hi": "उत्तर कहता है कि जानकारी नहीं है: अभी अंक देने लायक कुछ नहीं।",
        "fr": "La réponse dit ne pas savoir : rien à valoriser pour l'instant.",
    },
    "cap_other_question": {
        "en": 'Off the question: by meaning this answer fits another interview question better ("{rival}"); answer the question that was asked.',
        "hi": 'प्रश्न से हटकर: अर्थ के हिसाब से यह उत्तर एक दूसरे इंटरव्यू प्रश्न से ज़्यादा मेल खाता है ("{rival}"); जो पूछा गया उसी का उत्तर दीजिए।',
        "fr": "Hors de la question : par le sens, cette réponse correspond mieux à une autre question d'entretien (« {rival} ») ; répondez à la question posée.",
    },
    "cap_off_topic": {
        "en": "Off the question: by meaning this answer fits other interview questions as well as this one (z {z:+.2f}); answer the question that was asked.",
        "hi": "प्रश्न से हटकर: अर्थ के हिसाब से यह उत्तर दूसरे इंटरव्यू प्रश्नों से भी उतना ही मेल खाता है जितना इस प्रश्न से (z {z:+.2f}); जो पूछा गया उसी का उत्तर दीजिए।",
        "fr": "Hors de la question : par le sens, cette réponse correspond autant à d'autres questions d'entretien qu'à celle-ci (z {z:+.2f}) ; répondez à la question posée.",
    },
    "cap_weak": {
        "en": "Not yet an answer to this question: it is only loosely tied to it (z {z:+.2f}) and covers none of its expected points fully; answer the question that was asked.",
        "hi": "अभी यह इस प्रश्न का उत्तर नहीं बना: यह उससे बस थोड़ा ही जुड़ा है (z {z:+.2f}) और उसके किसी भी अपेक्षित point को पूरी तरह नहीं करता; जो पूछा गया उसी का उत्तर दीजिए।",
        "fr": "Ce n'est pas encore une réponse à cette question : elle n'y est que vaguement liée (z {z:+.2f}) et ne couvre entièrement aucun des points attendus ; répondez à la question posée.",
    },
    "cap_stuffed": {
        "en": "Keyword list: {share:.0%} of the words stand in fragments of three words or fewer; buzzwords without a concrete story earn nothing.",
        "hi": "Keywords की सूची: {share:.0%} शब्द तीन या उससे कम शब्दों के टुकड़ों में हैं; ठोस उदाहरण के बिना buzzwords को कोई अंक नहीं मिलता।",
        "fr": "Liste de mots-clés : {share:.0%} des mots sont dans des fragments de trois mots ou moins ; des mots à la mode sans récit concret ne rapportent rien.",
    },
    "cap_stuffed_headings": {
        "en": "Keyword list: {share:.0%} of the words stand in fragments of three words or fewer and {labels} STAR headings; buzzwords without a concrete story earn nothing.",
        "hi": "Keywords की सूची: {share:.0%} शब्द तीन या उससे कम शब्दों के टुकड़ों में हैं, साथ में STAR शीर्षक: {labels}; ठोस उदाहरण के बिना buzzwords को कोई अंक नहीं मिलता।",
        "fr": "Liste de mots-clés : {share:.0%} des mots sont dans des fragments de trois mots ou moins, avec des intitulés STAR ({labels}) ; des mots à la mode sans récit concret ne rapportent rien.",
    },
    "cap_padded": {
        "en": "Padding: {repeated:.0%} of the text repeats itself and {fillers:.0%} of the words are fillers.",
        "hi": "भराव: {repeated:.0%} पाठ खुद को दोहराता है और {fillers:.0%} शब्द filler हैं।",
        "fr": "Remplissage : {repeated:.0%} du texte se répète et {fillers:.0%} des mots sont des mots de remplissage.",
    },
    # Caps shared by both scorers.
    "cap_one_word": {
        "en": "Only {n} word: far too short to show anything.",
        "hi": "केवल {n} शब्द: कुछ भी दिखाने के लिए बहुत छोटा।",
        "fr": "Seulement {n} mot : bien trop court pour montrer quoi que ce soit.",
    },
    "cap_few_words": {
        "en": "Only {n} words: far too short to show anything.",
        "hi": "केवल {n} शब्द: कुछ भी दिखाने के लिए बहुत छोटा।",
        "fr": "Seulement {n} mots : bien trop court pour montrer quoi que ce soit.",
    },
    # The keyword fallback (no embedding model here).
    "kw_relevance": {
        "en": "Shares {question_hits} of {question_words} key words of the question and {point_hits} of {point_words} words of the expected points; no job-description terms.",
        "hi": "प्रश्न के {question_words} मुख्य शब्दों में से {question_hits} और अपेक्षित बिंदुओं के {point_words} शब्दों में से {point_hits} उत्तर में हैं; job description का कोई शब्द नहीं।",
        "fr": "Reprend {question_hits} des {question_words} mots clés de la question et {point_hits} des {point_words} mots des points attendus ; aucun terme de l'offre d'emploi.",
    },
    "kw_relevance_jd": {
        "en": "Shares {question_hits} of {question_words} key words of the question and {point_hits} of {point_words} words of the expected points; uses job-description terms: {terms}.",
        "hi": "प्रश्न के {question_words} मुख्य शब्दों में से {question_hits} और अपेक्षित बिंदुओं के {point_words} शब्दों में से {point_hits} उत्तर में हैं; job description के शब्द: {terms}।",
        "fr": "Reprend {question_hits} des {question_words} mots clés de la question et {point_hits} des {point_words} mots des points attendus ; termes de l'offre d'emploi utilisés : {terms}.",
    },
    "kw_star": {
        "en": "STAR: {n} of 4 parts present{told}.",
        "hi": "STAR, मौजूद हिस्से: 4 में से {n}{told}।",
        "fr": "STAR, parties présentes : {n} sur 4{told}.",
    },
    "kw_star_missing": {
        "en": "STAR: {n} of 4 parts present{told}; missing: {missing}.",
        "hi": "STAR, मौजूद हिस्से: 4 में से {n}{told}; छूटे हुए: {missing}।",
        "fr": "STAR, parties présentes : {n} sur 4{told} ; manquantes : {missing}.",
    },
    "kw_star_context": {
        "en": "With the earlier answer, STAR: {n} of 4 parts present{told}.",
        "hi": "पिछले उत्तर के साथ, STAR के मौजूद हिस्से: 4 में से {n}{told}।",
        "fr": "Avec la réponse précédente, parties STAR présentes : {n} sur 4{told}.",
    },
    "kw_star_context_missing": {
        "en": "With the earlier answer, STAR: {n} of 4 parts present{told}; missing: {missing}.",
        "hi": "पिछले उत्तर के साथ, STAR के मौजूद हिस्से: 4 में से {n}{told}; छूटे हुए: {missing}।",
        "fr": "Avec la réponse précédente, parties STAR présentes : {n} sur 4{told} ; manquantes : {missing}.",
    },
    "kw_reasoning": {
        "en": "Reasoning markers used: {markers}.",
        "hi": "तर्क के संकेत शब्द: {markers}।",
        "fr": "Marqueurs de raisonnement utilisés : {markers}.",
    },
    "kw_reasoning_none": {
        "en": "No reasoning markers (because, first/then, for example, trade-off): the answer reads as a list.",
        "hi": "तर्क का कोई संकेत शब्द नहीं (क्योंकि, पहले/फिर, उदाहरण के लिए, trade-off): उत्तर एक सूची जैसा लगता है।",
        "fr": "Aucun marqueur de raisonnement (parce que, d'abord/ensuite, par exemple, compromis) : la réponse se lit comme une liste.",
    },
    "kw_specificity": {
        "en": "{numbers} figures ({number_list}), {tools} named tools or skills ({tool_list}), {actions} first-person actions.",
        "hi": "आँकड़े: {numbers} ({number_list}), tools या skills के नाम: {tools} ({tool_list}), 'मैंने' वाले कदम: {actions}।",
        "fr": "Chiffres : {numbers} ({number_list}) ; outils ou compétences cités : {tools} ({tool_list}) ; actions à la première personne : {actions}.",
    },
    "kw_completeness_length": {
        "en": "No rubric points for this question; judged on length ({words} words).",
        "hi": "इस प्रश्न के लिए rubric के बिंदु नहीं हैं; लंबाई के आधार पर आँका गया ({words} शब्द)।",
        "fr": "Pas de points attendus pour cette question ; jugée sur la longueur (mots : {words}).",
    },
    "kw_completeness": {
        "en": "Covers {covered} of {total} expected points.",
        "hi": "{total} में से {covered} अपेक्षित बिंदु शामिल।",
        "fr": "Couvre {covered} des {total} points attendus.",
    },
    "kw_completeness_missing": {
        "en": "Covers {covered} of {total} expected points; not covered: {missing}.",
        "hi": "{total} में से {covered} अपेक्षित बिंदु शामिल; शामिल नहीं: {missing}।",
        "fr": "Couvre {covered} des {total} points attendus ; non couverts : {missing}.",
    },
    "cap_no_answer": {
        "en": "No answer was given.",
        "hi": "कोई उत्तर नहीं दिया गया।",
        "fr": "Aucune réponse n'a été donnée.",
    },
    "cap_kw_off_topic": {
        "en": "Off topic: the answer shares almost no words with the question or its expected points.",
        "hi": "विषय से बाहर: उत्तर में प्रश्न या उसके अपेक्षित बिंदुओं के लगभग कोई शब्द नहीं हैं।",
        "fr": "Hors sujet : la réponse n'a presque aucun mot en commun avec la question ou ses points attendus.",
    },
    "cap_very_short": {
        "en": "Very short ({n} words): at most 4/10.",
        "hi": "बहुत छोटा ({n} शब्द): अधिकतम 4/10।",
        "fr": "Très court ({n} mots) : au plus 4/10.",
    },
    "cap_short": {
        "en": "Short ({n} words): at most 6/10.",
        "hi": "छोटा ({n} शब्द): अधिकतम 6/10।",
        "fr": "Court ({n} mots) : au plus 6/10.",
    },
    # Delivery: "Delivery: " and its notes joined by `separator`.
    "delivery": {
        "en": "Delivery: {notes}.",
        "hi": "प्रस्तुति — {notes}।",
        "fr": "Élocution — {notes}.",
    },
    "separator": {"en": "; ", "hi": "; ", "fr": " ; "},
    "pace_low": {
        "en": "slow at {wpm:.0f} words/min ({where})",
        "hi": "धीमी गति: {wpm:.0f} शब्द/मिनट ({where})",
        "fr": "débit lent à {wpm:.0f} mots/min ({where})",
    },
    "pace_high": {
        "en": "fast at {wpm:.0f} words/min ({where})",
        "hi": "तेज़ गति: {wpm:.0f} शब्द/मिनट ({where})",
        "fr": "débit rapide à {wpm:.0f} mots/min ({where})",
    },
    "pace_within": {
        "en": "steady pace at {wpm:.0f} words/min ({where})",
        "hi": "स्थिर गति: {wpm:.0f} शब्द/मिनट ({where})",
        "fr": "débit régulier à {wpm:.0f} mots/min ({where})",
    },
    "fillers": {
        "en": "{n} fillers ({rate:.1f} per 100 words, {where})",
        "hi": "filler शब्द: {n} (प्रति 100 शब्द {rate:.1f}, {where})",
        "fr": "mots de remplissage : {n} ({rate:.1f} pour 100 mots, {where})",
    },
    "pauses": {
        "en": "{n} long pauses ({where})",
        "hi": "लंबे ठहराव: {n} ({where})",
        "fr": "longues pauses : {n} ({where})",
    },
    "hedges": {
        "en": "{n} hedges",
        "hi": "झिझक वाले शब्द: {n}",
        "fr": "formules hésitantes : {n}",
    },
    "band_within": {"en": "within {band}", "hi": "{band} की सीमा के भीतर", "fr": "repère respecté : {band}"},
    "band_outside": {"en": "outside {band}", "hi": "{band} की सीमा से बाहर", "fr": "hors repère : {band}"},
    "band_range": {
        "en": "{low:g}-{high:g} {unit}",
        "hi": "{low:g}-{high:g} {unit}",
        "fr": "{low:g}-{high:g} {unit}",
    },
    "band_at_most": {
        "en": "at most {high:g} {unit}",
        "hi": "अधिकतम {high:g} {unit}",
        "fr": "au plus {high:g} {unit}",
    },
    "band_at_least": {"en": "at least {low:g}", "hi": "कम से कम {low:g}", "fr": "au moins {low:g}"},
}

# Names of the parts quoted inside the messages above, and the word for an empty list.
PARTS: dict[str, dict[str, str]] = {
    "situation": {"en": "situation", "hi": "स्थिति", "fr": "situation"},
    "task": {"en": "task", "hi": "काम", "fr": "tâche"},
    "action": {"en": "action", "hi": "कदम", "fr": "action"},
    "result": {"en": "result", "hi": "नतीजा", "fr": "résultat"},
    "none": {"en": "none", "hi": "कोई नहीं", "fr": "aucun"},
}

# Units of the delivery bands in hi/fr; English keeps the unit of `delivery_metrics.guidance_bands`.
UNITS: dict[str, dict[str, str]] = {
    "words_per_minute": {"hi": "शब्द/मिनट", "fr": "mots/min"},
    "fillers_per_minute": {"hi": "प्रति मिनट", "fr": "par minute"},
    "fillers_per_100_words": {"hi": "प्रति 100 शब्द", "fr": "pour 100 mots"},
    # After the count: "अधिकतम 2 ठहराव (...)"; "दो सेकंड ..." there read "2 दो सेकंड", "2 two seconds".
    "long_pauses": {"hi": "ठहराव (2 सेकंड या उससे लंबे)", "fr": "pauses de 2 s ou plus"},
    "time_to_first_word_s": {"hi": "सेकंड", "fr": "secondes"},
    "hedging_count": {"hi": "प्रति उत्तर", "fr": "par réponse"},
}


def _lang(language: str) -> str:
    return language if language in LANGUAGES else "en"


def known(language: str) -> Language:
    """`language` as a `Language`, English for one the texts do not have."""
    return Language(_lang(language))


def say(key: str, language: str, **values: object) -> str:
    """Message `key` in `language` (English for an unknown one), its placeholders filled from `values`."""
    return numbers.fill(_T[key][_lang(language)], known(language), **values)


def part(name: str, language: str) -> str:
    return PARTS[name][_lang(language)]


def joined(items: Iterable[str], language: str) -> str:
    """Items in a sentence, with the language's own separator ("a; b", in French "a ; b")."""
    return say("separator", language).join(items)


def listing(items: Iterable[str], language: str, shown: int | None = None) -> str:
    """Items joined by commas, or the word for "none". With `shown`, only that many, then "…" when there
    were more: "5 named tools (Sales, SQL, Data cleaning, Python)" read as a miscount."""
    every = list(items)
    kept = every if shown is None else every[:shown]
    more = ", …" if len(kept) < len(every) else ""
    return (", ".join(kept) + more) or part("none", language)


def told(parts: Iterable[str], language: str) -> str:
    """ " (situation, action)" after a STAR count, or "" when no part was told."""
    names = [part(p, language) for p in parts]
    return f" ({', '.join(names)})" if names else ""


def unit(metric: str, english: str, language: str) -> str:
    """The unit of a delivery metric in `language`; `english` is the band's own (English) unit."""
    return UNITS.get(metric, {}).get(_lang(language), english)


def band(metric: str, low: float | None, high: float | None, english_unit: str, language: str) -> str:
    """A guidance band ("100-165 wpm", "at most 6 per 100 words") with its unit in `language`."""
    shown = unit(metric, english_unit, language)
    if low is not None and high is not None:
        return say("band_range", language, low=low, high=high, unit=shown)
    if high is not None:
        return say("band_at_most", language, high=high, unit=shown)
    return say("band_at_least", language, low=low)


def message_ids() -> list[str]:
    return list(_T)


def placeholders(key: str, language: str) -> set[str]:
    """The named placeholders of message `key` in `language` (format specs left out)."""
    return {field for _, field, _, _ in string.Formatter().parse(_T[key][language]) if field}
