"""What an answer did, read the way an interviewer listens for the next question (en, hi, fr).

These cues only choose which follow-up to ask; they never score. Each pattern covers the three interview
languages: a choice stated without a reason ("I used Redis") invites "why that over the alternative?", an
improvement without a figure ("it got much faster") invites "by how much?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answer_quality import says_dont_know


def _cues(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


CHOICE = _cues(
    r"\b(?:I|we)\s+(?:chose|picked|went with|decided (?:on|to)|opted|used|switched to|moved to|migrated to|"
    r"introduced|adopted|would (?:use|choose|pick|go with)|'d (?:use|choose|pick|go with))\b",
    r"\b(?:j'ai|nous avons|on a)\s+(?:choisi|opté|utilisé|adopté|migré|introduit)\b|\bj'(?:utiliserais|opterais)\b",
    r"(?:चुना|अपनाया|इस्तेमाल किया|इस्तेमाल करूँगा|इस्तेमाल करूँगी|इस्तेमाल करेंगे|लगाया)",
)
JUSTIFY = _cues(
    r"\b(?:because|since|so that|the reason|trade-?offs?|instead of|rather than|compared (?:to|with)|versus|"
    r"vs\.?|downside|drawback|at the cost of|at the expense of|which meant|that way)\b",
    r"\b(?:parce que|car|puisque|afin de|pour que|plutôt que|au lieu de|compromis|inconvénient)\b",
    r"(?:क्योंकि|ताकि|इसलिए|के बजाय|बजाय|trade-off|नुकसान|की तुलना में)",
)
TRADE_OFF = _cues(
    r"\b(?:trade-?offs?|downside|drawback|at the cost of|at the expense of|cost us|the price|risk|but it|"
    r"however|on the other hand|gave up)\b",
    r"\b(?:compromis|inconvénient|au prix de|risque|en revanche|cependant|mais cela)\b",
    r"(?:trade-off|नुकसान|कमी|जोखिम|लेकिन इससे|दूसरी ओर)",
)
IMPROVEMENT = _cues(
    r"\b(?:improved|reduced|increased|decreased|cut|grew|saved|lowered|boosted|doubled|halved|sped up|dropped)\b",
    r"\b(?:got|became|was|were|is now|much|a lot|far)\s+(?:much\s+|a lot\s+)?(?:faster|quicker|better|cheaper|"
    r"fewer|smaller|less busy)\b",
    r"\b(?:amélioré|réduit|augmenté|diminué|plus rapide|économisé|divisé|accéléré|baissé)\b",
    r"(?:सुधार|कम किया|कम कर दिया|बढ़ाया|बढ़ गया|तेज़|बचत|घटा|घटाया)",
)
REFLECTION = _cues(
    r"\b(?:differently|learned|learnt|next time|in hindsight|looking back|would have|my mistake|lesson|"
    r"if I did it again|if I were to do it again|if I had to do it again|I would now)\b",
    r"\b(?:différemment|appris|la prochaine fois|avec le recul|rétrospectivement|mon erreur|leçon|"
    r"si c'était à refaire|si je devais recommencer)\b",
    r"(?:अलग तरीके|सीखा|अगली बार|ग़लती|गलती|सबक|दोबारा करूँ|फिर से करना)",
)
# What happened in the end: an outcome stated, with or without a figure.
OUTCOME = _cues(
    r"\b(?:as a result|in the end|the result|it worked|worked|went live|on time|delivered|shipped|finished|"
    r"renewed|passed|succeeded|launched|fixed|dropped|fell|rose|grew|got a|we got|no incident|zero)\b",
    r"\b(?:résultat|au final|finalement|a fonctionné|livré|terminé|à temps|réussi|obtenu|sans incident|"
    r"sont passées|est passé)\b",
    r"(?:नतीजा|आख़िर में|अंत में|ठीक चला|समय पर|पूरा किया|मिले|मिला|घटकर|बढ़कर|सफल)",
)
# A sentence where the speaker does something: "I checked", "we rolled back", "je vérifierais", "मैंने लिखा".
_FIRST_PERSON = _cues(r"\b(?:I|we)\b", r"\b(?:je|j'|nous)\b", r"(?:मैं|मैंने|हम|हमने)")
# Words of an answer that says nothing yet ("I just did my best", "it depends"): a fragment to draw out,
# not an answer to another question.
_EMPTY_TEXT = """
    i me my we our you it it's its that this the a an and or but so just did do done does my best try
    tried hard work worked working good well fine ok okay yes no not really very much depends depend
    always usually think guess maybe sure know thing things stuff like lot always everything something
    all as much as possible je j'ai fait mon mieux ça dépend oui non bien pas vraiment मैंने मैं अपना
    पूरा कोशिश की किया हाँ नहीं ठीक अच्छा बस
"""
_EMPTY_WORDS = frozenset(_EMPTY_TEXT.split())


@dataclass(frozen=True)
class AnswerSignals:
    choice_without_reason: bool
    improvement_without_figure: bool
    trade_off: bool
    reflection: bool
    dont_know: bool
    empty: bool  # nothing but filler words: nothing to judge as on- or off-topic yet
    outcome: bool  # the answer says how things ended
    own_steps: int  # sentences in which the speaker acts


def read_signals(transcript: str, has_figures: bool) -> AnswerSignals:
    text = transcript or ""
    return AnswerSignals(
        choice_without_reason=bool(CHOICE.search(text)) and not JUSTIFY.search(text),
        improvement_without_figure=bool(IMPROVEMENT.search(text)) and not has_figures,
        trade_off=bool(TRADE_OFF.search(text)),
        reflection=bool(REFLECTION.search(text)),
        dont_know=says_dont_know(text),
        empty=all(w.strip(".,!?;:।'’").casefold() in _EMPTY_WORDS for w in text.split()),
        outcome=bool(OUTCOME.search(text)) or has_figures,
        own_steps=sum(1 for s in re.split(r"(?<=[.!?।])\s+", text) if _FIRST_PERSON.search(s)),
    )
