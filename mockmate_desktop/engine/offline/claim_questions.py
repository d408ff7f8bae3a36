"""Questions about a claim on the candidate's resume, composed as whole sentences in en/hi/fr.

The claim is quoted, never cut into a template slot: English turns a verb-led bullet into "You cut p95
latency from 8 s to 400 ms at ShipFast: how did you find the bottleneck?"; otherwise, and in Hindi and French,
the line is quoted as the resume wrote it and the probe follows as its own sentence.
"""

from __future__ import annotations

from ...domain.enums import Language
from ...domain.resume_claims import ClaimKind, ResumeClaim

# kind -> language -> the probe that kind of result deserves
_PROBES: dict[ClaimKind, dict[str, str]] = {
    "speed": {
        "en": "how did you find the bottleneck, and how did you check that the gain held?",
        "hi": "आपने bottleneck कैसे ढूँढा, और कैसे पक्का किया कि सुधार बना रहा?",
        "fr": "comment avez-vous trouvé le goulot d'étranglement, et comment avez-vous vérifié que le gain tenait ?",
    },
    "reliability": {
        "en": "what was failing before, and what did you change so that it stopped?",
        "hi": "पहले क्या टूट रहा था, और आपने क्या बदला जिससे वह रुक गया?",
        "fr": "qu'est-ce qui échouait avant, et qu'avez-vous changé pour que cela cesse ?",
    },
    "money": {
        "en": "how did you measure that figure, and what did it cost to get there?",
        "hi": "आपने यह आँकड़ा कैसे मापा, और वहाँ तक पहुँचने में क्या कीमत चुकानी पड़ी?",
        "fr": "comment avez-vous mesuré ce chiffre, et qu'est-ce que cela a coûté pour y arriver ?",
    },
    "growth": {
        "en": "how do you know your change caused it and not something else?",
        "hi": "आप कैसे जानते हैं कि यह आपके बदलाव से हुआ, किसी और वजह से नहीं?",
        "fr": "comment savez-vous que c'est votre changement qui l'a produit, et rien d'autre ?",
    },
    "scale": {
        "en": "what broke first as the load grew, and how did you fix it?",
        "hi": "load बढ़ने पर सबसे पहले क्या टूटा, और आपने उसे कैसे ठीक किया?",
        "fr": "qu'est-ce qui a cédé en premier quand la charge a augmenté, et comment l'avez-vous réparé ?",
    },
    "people": {
        "en": "what was the hardest people decision along the way, and how did you make it?",
        "hi": "इस दौरान लोगों से जुड़ा सबसे कठिन फ़ैसला कौन सा था, और आपने उसे कैसे लिया?",
        "fr": "quelle a été la décision humaine la plus difficile en chemin, et comment l'avez-vous prise ?",
    },
    "other": {
        "en": "what exactly was your part, and how did you measure the result?",
        "hi": "इसमें ठीक-ठीक आपका योगदान क्या था, और आपने नतीजा कैसे मापा?",
        "fr": "quelle a été exactement votre part, et comment avez-vous mesuré le résultat ?",
    },
}
_POINTS: dict[ClaimKind, tuple[str, ...]] = {
    "speed": ("How the bottleneck was measured and found", "The change made and why it was chosen",
              "How the gain was verified and kept", "Trade-offs of the fix"),
    "reliability": ("What was failing and how it was detected", "The root cause", "The lasting fix",
                    "How reliability was measured afterwards"),
    "money": ("How the figure was measured", "What was changed to get it", "What it cost or risked",
              "Their own part versus the team's"),
    "growth": ("The baseline and the measurement", "How cause was separated from coincidence",
               "What they personally changed", "What they learned"),
    "scale": ("What broke first under load", "How it was diagnosed", "The fix and its trade-offs",
              "How capacity was checked afterwards"),
    "people": ("The people decision and its context", "How they decided and whom they involved",
               "The outcome for the team", "What they would do differently"),
    "other": ("Their own part in the result", "How the result was measured", "Obstacles and how they were handled",
              "What they learned"),
}  # fmt: skip
# Further questions about the same claim, for the sessions soon after the one that asked the first.
_LATER_PROBES: tuple[dict[str, str], ...] = (
    {
        "en": "if you did it again, what would you do differently?",
        "hi": "अगर आपको यह फिर से करना हो, तो आप क्या अलग करेंगे?",
        "fr": "si c'était à refaire, que feriez-vous différemment ?",
    },
    {
        "en": "what was the hardest part of getting there, and how did you get past it?",
        "hi": "वहाँ तक पहुँचने में सबसे कठिन हिस्सा क्या था, और आपने उसे कैसे पार किया?",
        "fr": "quelle a été la partie la plus difficile, et comment l'avez-vous surmontée ?",
    },
)
CLAIM_VARIANTS = 1 + len(_LATER_PROBES)
_QUOTED = {
    "en": "Your resume says: “{line}”. {probe}",
    "hi": "आपके resume में लिखा है: “{line}”। {probe}",
    "fr": "Votre CV indique : « {line} ». {probe}",
}


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def claim_question(claim: ResumeClaim, language: Language, variant: int = 0) -> str:
    probe = (_PROBES[claim.kind] if variant == 0 else _LATER_PROBES[(variant - 1) % len(_LATER_PROBES)])[
        language.value
    ]
    if language is Language.EN and claim.verb_led:
        return f"{claim.as_you_said()}: {probe}"
    line = claim.statement + (f" ({claim.organisation})" if claim.organisation else "")
    return _QUOTED[language.value].format(line=line, probe=_sentence_case(probe))


def claim_points(claim: ResumeClaim) -> list[str]:
    return list(_POINTS[claim.kind])
