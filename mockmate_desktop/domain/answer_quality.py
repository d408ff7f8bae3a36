"""Pure signs of gaming in an answer's text: keyword lists, STAR labels without a story, padding, repetition.

They are language-agnostic where they can be (fragment lengths, repeated word runs) and carry en/fr/hi
labels where words are needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import answer_features as fx

# A STAR label used as a heading ("Situation: ...", "Résultat :", "परिणाम:").
STAR_LABEL = re.compile(
    r"(?:^|[\s.;,])(?:situation|context|task|action|actions|result|results|outcome|tâche|tache|résultat|"
    r"resultat|contexte|स्थिति|कार्य|काम|कार्रवाई|परिणाम|नतीजा)\s*[:\-–—]",
    re.IGNORECASE,
)
_FRAGMENT_SPLIT = re.compile(r"[,;:.!?।\n/()]+|\s[-–—]\s|\b(?:and|et|और)\b", re.IGNORECASE)
_FILLER_WORDS = frozenset(
    [
        "um",
        "umm",
        "uh",
        "uhh",
        "er",
        "erm",
        "hmm",
        "basically",
        "actually",
        "like",
        "literally",
        "euh",
        "heu",
        "bon",
        "genre",
        "quoi",
        "voilà",
        "matlab",
        "मतलब",
        "यानी",
        "अं",
        "हम्म",
    ]
)
_DONT_KNOW = re.compile(
    r"\b(?:i (?:do not|don't|dont) know|no idea|not sure what|never (?:done|heard)|i can't remember|"
    r"je ne sais pas|aucune idée|je ne connais pas)\b|पता नहीं|नहीं पता|मालूम नहीं"
    # "Not sure" as the whole answer; inside a story ("I'm not sure it was right, but I…") it is a hedge.
    r"|^\W*(?:i'?m|i am) not (?:sure|certain)\W*$|^\W*je ne suis pas (?:sûre?|certaine?)\W*$",
    re.IGNORECASE,
)
# Under this many words the phrase is the answer; a longer answer that says it is unsure still answers.
_DONT_KNOW_WORDS = 40


def says_dont_know(text: str) -> bool:
    """The one reading of "the answer says it does not know": the scorer caps it, the interviewer reassures
    and asks how they would work it out."""
    return bool(_DONT_KNOW.search(text)) and len(fx.words(text)) < _DONT_KNOW_WORDS


# First-person past actions in en/fr/hi ("I owned", "j'ai réécrit", "मैंने"): any verb, not a fixed list.
FIRST_PERSON_ACTION = re.compile(
    r"\b(?:i|we)\s+(?:\w+ed|built|led|wrote|made|took|ran|set|cut|drew|got|gave|met|put|sent|spoke|found|"
    r"chose|kept|told|went|began|brought|sat|split|shipped|owned|rewrote|stood)\b|\bi'(?:ve|d)\s+\w+|"
    r"\b(?:j'ai|nous avons|on a|je l'ai)\s+\w+|मैंने|हमने",
    re.IGNORECASE,
)


# A keyword list has at least this many short fragments. "I don't know." or "Again, I prioritised." is short,
# and is told so, but calling it "a list of keywords" would be advice about something it is not.
MIN_LIST_ITEMS = 3


@dataclass(frozen=True)
class TextQuality:
    words: int
    unique_content: int = 0  # distinct content words: what length credit is based on
    list_share: float = 0.0  # share of words standing in fragments of at most 3 words (keyword lists)
    list_items: int = 0  # how many such fragments: one short sentence ("I don't know.") is not a list
    labels: int = 0  # STAR headings used
    repetition: float = 0.0  # share of the text that repeats earlier text (0 = none)
    fillers: float = 0.0  # filler words per word
    dont_know: bool = False

    @property
    def stuffed(self) -> bool:
        """A list of buzzwords or labels, not a story."""
        listed = self.list_share >= 0.55 and self.list_items >= MIN_LIST_ITEMS
        return listed or (self.labels >= 2 and self.list_share >= 0.3)

    @property
    def padded(self) -> bool:
        # Spontaneous speech has ~6 fillers per 100 words: only far more than that counts as padding.
        return self.repetition >= 0.12 or self.fillers >= 0.15


def _repetition(tokens: list[str]) -> float:
    """How much of the text says nothing new: the share of word trigrams already said earlier."""
    if len(tokens) < 12:
        return 0.0
    grams = [tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)]
    return round(1.0 - len(set(grams)) / len(grams), 3)


def assess_text(text: str) -> TextQuality:
    tokens = [t.casefold() for t in fx.words(text)]
    if not tokens:
        return TextQuality(words=0)
    fragments = [fx.words(f) for f in _FRAGMENT_SPLIT.split(text)]
    items = [f for f in fragments if 0 < len(f) <= 3]
    short = sum(len(f) for f in items)
    content = {t for t in tokens if len(t) > 1 and t not in fx.STOP_WORDS}
    return TextQuality(
        words=len(tokens),
        unique_content=len(content),
        list_share=round(short / len(tokens), 3),
        list_items=len(items),
        labels=len(STAR_LABEL.findall(text)),
        repetition=_repetition(tokens),
        fillers=round(sum(1 for t in tokens if t in _FILLER_WORDS) / len(tokens), 3),
        dont_know=says_dont_know(text),
    )


def story_sentences(sentences: list[str]) -> list[bool]:
    """Which sentences tell something (at least 6 words once a STAR label is removed), not a heading."""
    flags = []
    for sentence in sentences:
        body = STAR_LABEL.sub(" ", sentence)
        fragments = [fx.words(f) for f in _FRAGMENT_SPLIT.split(body)]
        long_parts = sum(len(f) for f in fragments if len(f) > 3)
        # A short sentence with its own verb ("I owned the migration.") tells something too.
        enough = len(fx.words(body)) >= 6 or (
            len(fx.words(body)) >= 3 and FIRST_PERSON_ACTION.search(body) is not None
        )
        flags.append(enough and long_parts >= 0.5 * max(1, len(fx.words(body))))
    return flags


def context_star_parts(context: str, reply: str) -> list[str]:
    """The STAR parts a follow-up's reply inherits from the earlier answer it completes: only parts that answer
    told in sentences that tell something, as in the answer itself ("Situation: deadline." tells nothing), and
    none for a reply that says it does not know, which completes nothing."""
    if not context.strip() or assess_text(reply).dont_know:
        return []
    sentences = fx.sentences(context)
    told = [s for s, ok in zip(sentences, story_sentences(sentences), strict=True) if ok]
    # The action is read as in the answer itself: a cue, or any first-person action ("I interviewed…").
    return [
        part
        for part, pattern in fx.STAR_CUES.items()
        if any(pattern.search(s) or (part == "action" and FIRST_PERSON_ACTION.search(s)) for s in told)
    ]
