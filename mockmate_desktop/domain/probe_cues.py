"""Cue phrases that show a follow-up probe's points in a reply (en, hi, fr), where the existing readers lack them.

A probe's rubric ("Names the alternative considered", "Says how they knew") names a move of the answer, not a
topic, so sentence meaning misses it: these cues find the move itself. Each pattern covers the three interview
languages at once, as `answer_signals` does, because a Hindi or French reply often mixes in English words.
Hindi alternatives carry no \\b: Python's word boundary is unreliable around Devanagari vowel signs.

Reused rather than repeated here: first-person past actions (`answer_quality.FIRST_PERSON_ACTION`), figures
(`answer_features.NUMBER`), named tools (`skills.extract_skills`) and looking back (`answer_signals.REFLECTION`).
"""

from __future__ import annotations

import re


def _cues(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


# The alternative the choice was weighed against. `answer_signals.JUSTIFY` mixes these with reasons
# ("because"), and a "why" probe scores the two as separate points.
ALTERNATIVE = _cues(
    r"\b(?:instead of|rather than|as opposed to|in place of|compared (?:to|with)|versus|vs\.?|"
    r"the (?:other )?(?:alternative|option) (?:was|would|of)|(?:I|we) (?:also )?(?:considered|evaluated|weighed|"
    r"looked at|compared)|(?:chose|picked|preferred|went with) \S+(?: \S+)? over)(?!\w)",
    r"\b(?:plutôt que|plutôt qu'|au lieu de|au lieu d'|à la place de|à la place d'|par rapport à|comparé à|"
    r"l'alternative|l'autre option|(?:j'ai|nous avons|on a) (?:aussi |également )?(?:envisagé|considéré|"
    r"comparé|évalué)|préféré \S+(?: \S+)? à)",
    r"(?:के बजाय|की बजाय|बजाय|की जगह|की तुलना में|के मुक़ाबले|के मुकाबले|दूसरा विकल्प|दूसरे विकल्प)",
)
# A reason given for a choice or a change. French "car" is only read before a clause: the English word
# "car" must not count as a reason.
REASON = _cues(
    r"\b(?:because|so that|in order to|given that|due to|the reason (?:was|is)|which (?:meant|means|let|lets|"
    r"allowed|allows|gave|gives)|that way)\b",
    r"\b(?:parce que|parce qu'|puisque|afin de|afin d'|pour que|la raison|grâce à|étant donné|ce qui (?:permet|"
    r"permettait|a permis|permettrait|éviterait|évite))|\bcar (?:il|elle|ils|elles|on|nous|je|j'|c'|cela|ça|"
    r"le|la|les|l')",
    r"(?:क्योंकि|ताकि|इसलिए|इस वजह से|की वजह से|के कारण|वजह यह|कारण यह|जिससे)",
)
# How the result was known, or how an answer would be checked: a measurement, a check, a source of truth.
VERIFICATION = _cues(
    r"\b(?:measured|measuring|measure|checked|checking|check|verified|verify|validated|validate|confirmed|"
    r"confirm|compared|compare|monitored|monitoring|tracked|tracking|benchmarked|benchmarks?|profiled|profiler|"
    r"tested|testing|test|timed|surveyed|surveys?|dashboards?|logs?|metrics?|according to|before and after|"
    r"feedback from|(?:I|we) (?:saw|noticed|could see)|the (?:numbers|data|logs|metrics|dashboard|graphs?) "
    r"(?:showed|show))\b|\bA/B\b",
    r"\b(?:mesuré|mesurée|mesurer|mesurerais|vérifié|vérifiée|vérifier|vérifierais|contrôlé|contrôler|"
    r"contrôlerais|confirmé|comparé|comparer|comparerais|suivi|testé|tester|testerais|chronométré|"
    r"tableaux? de bord|journaux|logs?|métriques?|enquêtes?|sondages?|d'après|selon|avant et après|"
    r"(?:j'ai|nous avons|on a) (?:vu|constaté|remarqué)|les retours)(?!\w)",
    r"(?:मापा|मापी|मापेंगे|मापूँगा|मापूंगा|जाँच|जांच|चेक|check|measure|test|टेस्ट|dashboard|डैशबोर्ड|logs|लॉग|"
    r"सर्वे|survey|के मुताबिक़|के मुताबिक|के अनुसार|से पता चला|तुलना की|पहले और बाद|देखा कि)",
)
# The speaker's own responsibility or goal in the story ("my role was", "j'étais responsable", "मेरी ज़िम्मेदारी").
OWN_RESPONSIBILITY = _cues(
    r"\bmy (?:task|goal|job|role|responsibility|aim|objective|mission) (?:was|is)\b|\bI was (?:responsible|"
    r"in charge|asked|tasked|expected|accountable)\b|\bI owned\b|\bit was (?:my job|up to me|on me)\b",
    r"\b(?:mon rôle|ma mission|ma tâche|mon objectif|ma responsabilité)\b|\bj'étais (?:responsable|chargée?|"
    r"en charge)|\bje devais\b|\bon m'a (?:demandé|confié)",
    r"(?:मेरी ज़िम्मेदारी|मेरी जिम्मेदारी|मेरा काम|मेरा लक्ष्य|मुझे सौंपा|मेरे ज़िम्मे|मेरे जिम्मे)",
)
# What an approach cost. `answer_signals.TRADE_OFF` also fires on "however" and "risk", which weigh a choice
# without naming a price.
COST = _cues(
    r"\b(?:cost (?:us|me|them|the team)|the cost was|downsides?|drawbacks?|trade-?offs?|at the (?:cost|expense) "
    r"of|the price|slower|more complex|extra complexity|overhead|harder to|gave up|we paid|took longer|"
    r"more expensive)\b",
    r"\b(?:coûté|le coût|inconvénients?|compromis|au prix de|au prix d'|au détriment de|au détriment d'|"
    r"plus lente?s?|plus complexes?|complexité|surcoût|plus difficile|plus cher|plus chère|sacrifié)",
    r"(?:कीमत|नुकसान|trade-off|धीमा|धीमी|मुश्किल|जटिल|ज़्यादा खर्च|ज्यादा खर्च|ज़्यादा समय|ज्यादा समय)",
)
# When another choice would be better: a condition and a choice in one sentence, in either order.
WHEN_OTHERWISE = _cues(
    r"\b(?:if|when|for|unless|where)\b[^.!?]{0,100}?\b(?:I'd|I would|we'd|we would|would be better|is better|"
    r"I'd rather|I would rather|prefer|go with)\b",
    r"\b(?:I'd|I would|we'd|we would)\s+(?:choose|pick|use|go with|prefer|switch to|take)\b[^.!?]{0,100}?"
    r"\b(?:if|when|for|unless)\b",
    r"\b(?:si|quand|lorsque|pour|dans le cas)\b[^.!?]{0,100}?(?:\bje \w+rais\b|\bj'\w+rais\b|\bon \w+rait\b|"
    r"\bnous \w+rions\b|\bvaudrait mieux\b|\bserait (?:meilleure?|préférable|plus adaptée?)\b)",
    r"(?:अगर|जब|यदि)[^।?!]{0,100}?(?:बेहतर|चुनूँगा|चुनूंगा|चुनूँगी|चुनूंगी|चुनेंगे|इस्तेमाल करूँगा|"
    r"इस्तेमाल करूंगा|इस्तेमाल करूँगी|इस्तेमाल करेंगे|सही रहेगा|सही होगा|ठीक रहेगा)",
)
# A change the speaker would make ("next time I would …", "j'aurais dû …", "अगली बार मैं …"). Conditionals
# of saying and thinking ("I would say") are opinions, not changes.
CHANGE = _cues(
    r"\b(?:next time|if I did it again|if I were to do it again|I should have|we should have)\b|"
    r"\b(?:I|we) would (?:have )?(?!say\b|think\b|like\b|be\b|agree\b)\w+|\b(?:I|we)'d (?:have )?"
    r"(?!say\b|think\b|like\b|be\b|agree\b)\w+",
    r"\b(?:la prochaine fois|si c'était à refaire|si je devais recommencer)\b|\bje (?!dirais\b|pense\b)\w+rais\b|"
    r"\bj'\w+rais\b|\bj'aurais (?:dû|\w+)|\bnous aurions \w+|\bon aurait \w+",
    r"(?:अगली बार|दोबारा करूँ|दोबारा करूं|फिर से करूँ|फिर से करूं|फिर से करना|मुझे .{0,40}चाहिए था|"
    r"पहले ही .{0,40}(?:लेता|लेती|करता|करती))",
)
# The first step of a plan ("first I would …", "je commencerais par …", "सबसे पहले …").
FIRST_STEP = _cues(
    r"\b(?:first(?:ly)?|to start|to begin|start(?:ing)? (?:by|with)|begin(?:ning)? (?:by|with)|the first "
    r"(?:thing|step)|I(?:'d| would) (?:start|begin))\b",
    r"\b(?:d'abord|en premier|premièrement|pour commencer|je commencerais|commencer par|la première (?:chose|"
    r"étape))",
    r"(?:सबसे पहले|पहले मैं|पहले हम|शुरुआत|शुरू करूँगा|शुरू करूंगा|शुरू करूँगी|शुरू करेंगे|पहला कदम)",
)
# Where and when a case took place: what makes "I ranked the stores" one real case rather than a habit.
# "With the team" and "in the team" are how people describe every habit, so a team is no setting.
SETTING = _cues(
    r"\b(?:at|for|in) (?:a|an|my|our|one) (?:[\w-]+ ){0,2}(?:company|retailer|bank|client|customer|"
    r"start-?up|employer|firm|agency|shop|store|hospital|school|university|project|job|role|internship|"
    r"insurer|telco|marketplace)\b|\blast (?:year|month|week|quarter|sprint|summer|spring|autumn|winter)\b|"
    r"\bin (?:19|20)\d\d\b|\bin my (?:last|previous|current|first|old) \w+\b|\bone (?:day|time|morning|night)\b",
    r"\bchez (?:(?:un|une|mon|ma|notre|nos) )?\w+|\bdans (?:mon|ma|notre) (?:dernier |dernière |précédent |"
    r"précédente |ancien |ancienne |actuel |actuelle )?(?:poste|emploi|stage|équipe|entreprise|projet|mission)\b|"
    r"\bl'(?:an|année) derni(?:er|ère)\b|\ben (?:19|20)\d\d\b|\blors d'(?:un|une)\b|\bun jour\b",
    r"(?:पिछली (?:नौकरी|कंपनी|company|टीम)|पिछले (?:साल|महीने|हफ़्ते|हफ्ते|प्रोजेक्ट|project)|"
    r"(?:एक|मेरी|हमारी|अपनी) [^\s।]+ (?:कंपनी|company|बैंक|दुकान|टीम|प्रोजेक्ट|project|स्टोर|store) में|"
    r"(?:एक|मेरी|हमारी|अपनी) (?:कंपनी|company|बैंक|टीम|प्रोजेक्ट|project|retail company) में|"
    r"में काम करते (?:हुए|समय)|(?:19|20)\d\d में)",
)
# How things ended. `answer_signals.OUTCOME` counts a bare "worked" as an outcome ("I worked at a bank"),
# which would hand a result to every story that starts with a job.
RESULT = _cues(
    r"\b(?:as a result|in the end|the result|the outcome|it worked|went live|on time|delivered|shipped|finished|"
    r"launched|dropped|fell|rose|grew|doubled|halved|reduced|cut|saved|improved|increased|decreased|went (?:from|"
    r"down|up)|(?:is|was|runs|ran) now|now (?:runs|takes|costs)|no (?:more )?(?:incidents?|complaints|errors|"
    r"issues|problems)|zero|passed|succeeded|approved|renewed)\b",
    r"\b(?:résultat|au final|finalement|a fonctionné|livrée?|terminée?|à temps|réussi|obtenu|sans incident|"
    r"(?:est|sont) passée?s?|a baissé|a augmenté|a diminué|réduite?s?|divisée?s?|doublée?s?|améliorée?s?|"
    r"économisée?s?|tourne (?:en|désormais|maintenant)|validée?s?|approuvée?s?|sans (?:problème|souci))",
    r"(?:नतीजा|नतीजे|परिणाम|आख़िर में|आखिर में|अंत में|समय पर|घटकर|बढ़कर|कम हो गया|कम हो गई|कम हुआ|कम हुई|"
    r"बढ़ गया|बढ़ गई|रह गया|रह गई|सफल|ठीक चला|पास हो (?:गया|गई)|मंज़ूर)",
)
