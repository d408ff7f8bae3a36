"""When has the candidate finished answering? Silence length combined with whether the words look finished.

A candidate who stops after "...so we moved the cache to Redis." has probably finished; one who stops after
"...and then we" or "because" is thinking. The policy gives the silence that ends the answer for the words
so far: the configured silence when they look finished, longer when they trail off, and the longer one too
while the last words are not transcribed yet. Silence before any speech never ends an answer (the window
asks the candidate instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a sentence cannot have ended: conjunctions, prepositions, articles, auxiliaries,
# possessives and fillers. Compared lower-cased without punctuation.
_TRAILING_WORDS = {
    "en": """and but or so because since although though while if when whether that which who whom whose where
        then also plus like as than the a an of to in on for with at by from about into onto over under
        between through during without my our your their his her its this these those is are was were be
        been being am will would can could should might must have has had do does did i we you they he she it
        it's i'm we're they're i've we've um uh umm uhh er erm hmm basically actually mean know kind sort
        very really just not no either neither both such""",
    "fr": """et mais ou donc car parce que qu qui quand si puis alors comme lorsque puisque le la les l un une
        des du de d à au aux pour avec dans sur sans par en chez vers entre mon ma mes notre nos votre vos
        leur leurs son sa ses ce cette ces est sont était étaient a ont avait je j nous vous ils elles il elle
        on euh ben bah bon genre enfin voilà très pas ne""",
    "hi": """और लेकिन पर या तो क्योंकि कि जो जब अगर फिर मतलब यानी कैसे क्या का की के को में से ने एक यह वह
        इस उस मैं हम हमने मैंने मेरा मेरी हमारा हमारी है हैं था थे थी उम्म अं""",
}
_TRAILING = {language: frozenset(words.split()) for language, words in _TRAILING_WORDS.items()}
# Marks with which Whisper writes a trailing-off voice: "so...", "and," or a dash.
_OPEN_END = re.compile(r"(?:\.\.\.|…|,|;|:|-|–|—)\s*$")
_CLOSED_END = re.compile(r"[.!?।]['\")\]]*\s*$")
_WORD = re.compile(r"[^\w']+", re.UNICODE)


@dataclass(frozen=True)
class EndOfTurnConfig:
    # The answer_end_silence_s setting: longer than the 2-4 s pauses candidates take to think, so those
    # never end an answer whose words look finished.
    finished_silence_s: float = 5.0
    # Extra silence when the words trail off ("and", "because", a comma): the candidate is mid-thought.
    unfinished_extra_s: float = 3.0
    # Silence before any speech never ends the answer: a candidate may think for long before starting, and
    # the window asks "Still thinking?" instead of cutting them off.
    end_before_speech: bool = False
    language: str = "en"


@dataclass(frozen=True)
class Verdict:
    finished: bool | None  # None: nothing transcribed to judge by
    reason: str

    def __str__(self) -> str:
        return self.reason


class EndOfTurnPolicy:
    def __init__(self, config: EndOfTurnConfig | None = None) -> None:
        self.config = config or EndOfTurnConfig()
        self._trailing = _TRAILING.get(self.config.language[:2], _TRAILING["en"])

    def judge(self, text: str) -> Verdict:
        """Do the words so far look like a finished answer?"""
        stripped = text.strip()
        if not stripped:
            return Verdict(None, "no words yet")
        words = [w for w in (_WORD.sub("", raw.lower()) for raw in stripped.split()) if w]
        last = words[-1] if words else ""
        if last in self._trailing:
            return Verdict(False, f'ends on "{last}"')
        if _OPEN_END.search(stripped):
            return Verdict(False, "trails off (comma, dash or ellipsis)")
        if _CLOSED_END.search(stripped):
            return Verdict(True, "ends a sentence")
        # Whisper punctuates nearly every sentence it hears end; no mark after a content word is a pause
        # within a sentence as often as an ending, so it counts as finished only with a longer silence.
        return Verdict(False, "no sentence end")

    def silence_needed(self, text: str | None) -> float:
        """Seconds of silence that end the answer now; `text` None means the last words are not known."""
        cfg = self.config
        verdict = self.judge(text) if text is not None else Verdict(None, "not transcribed yet")
        return cfg.finished_silence_s if verdict.finished else cfg.finished_silence_s + cfg.unfinished_extra_s
