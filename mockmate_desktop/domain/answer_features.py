"""Pure text features of an answer used by the offline rubric: words, stems, sentences, STAR cues, numbers.

English is analysed best; French and Hindi get cue words for STAR and a few stop words, so an answer in
those languages is still scored on structure, numbers and named tools.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_][\w'’+#.-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?।])\s+|\n+")
MAX_QUOTE = 220

_STOP_EN = """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my myself no nor
    not now of off on once only or other our ours out over own same she should so some such than that the
    their theirs them then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours yourself describe explain tell give
    walk example time times question answer think know really thing things like one way get got go going
    well much many make made use used using want need let us please kind sort lot lots thank thanks yes
    yeah okay ok
"""
_STOP_FR = """
    le la les un une des de du et est en que qui pour dans sur avec pas par au aux ce cette ces vous nous
    je il elle ils elles on son sa ses mon ma mes votre vos notre nos comment quel quelle quels quelles
"""
_STOP_HI = """
    है हैं था थी थे का की के को में से पर और या एक यह वह आप मैं हम कि तो भी ने कैसे क्या क्यों
"""
STOP_WORDS = frozenset(_STOP_EN.split()) | frozenset(_STOP_FR.split()) | frozenset(_STOP_HI.split())

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")


def words(text: str) -> list[str]:
    """Word tokens as written (punctuation at the ends removed)."""
    return [w.strip(".-'’") for w in _WORD.findall(text) if w.strip(".-'’")]


def stem(word: str) -> str:
    """A crude, language-agnostic stem: folded case, a common English suffix removed, cut to 6 letters."""
    folded = word.casefold()
    for suffix in _SUFFIXES:
        if len(folded) > len(suffix) + 3 and folded.endswith(suffix):
            folded = folded[: -len(suffix)]
            break
    return folded[:6]


# Words an interviewer treats as the same idea: "a difficult problem" is answered by "our biggest challenge".
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "~problem": ("problem", "issue", "challenge", "difficult", "difficulty", "bug", "trouble", "obstacle"),
    "~speed": (
        "performance",
        "slow",
        "fast",
        "latency",
        "speed",
        "response",
        "bottleneck",
        "optimise",
        "optimize",
    ),
    "~conflict": ("conflict", "disagree", "disagreement", "argument", "tension", "dispute"),
    "~team": ("team", "colleague", "teammate", "coworker", "peer"),
    "~lead": ("lead", "leader", "leadership", "manage", "mentor", "coach", "guide"),
    "~failure": ("fail", "failure", "mistake", "error", "wrong", "setback"),
    "~learn": ("learn", "learned", "learnt", "lesson", "improve"),
    "~measure": (
        "measure",
        "measurement",
        "metric",
        "data",
        "numbers",
        "monitor",
        "benchmark",
        "investigate",
        "investigation",
        "analyse",
        "analyze",
        "analysis",
        "profile",
        "diagnose",
    ),
    "~fix": ("fix", "solve", "resolve", "solution", "remedy", "repair"),
    "~customer": ("customer", "client", "user", "stakeholder"),
    "~deadline": ("deadline", "pressure", "urgent", "tight"),
    "~priority": ("priority", "prioritise", "prioritize", "important", "urgent"),
    "~plan": ("plan", "planning", "roadmap", "schedule", "steps"),
    "~situation": ("situation", "context", "background"),
    "~task": ("task", "goal", "objective", "aim", "responsibility"),
    "~action": ("action", "actions", "did", "approach"),
    "~result": ("result", "outcome", "impact", "effect"),
    "~test": ("test", "testing", "tests", "verify", "validate", "check"),
    "~database": ("database", "sql", "query", "queries", "table", "index"),
}
_CONCEPT_OF: dict[str, str] = {}
for _name, _members in _CONCEPTS.items():
    for _member in _members:
        _CONCEPT_OF.setdefault(_member[:6], _name)


def _canonical_stem(word: str) -> str:
    stemmed = stem(word)
    return _CONCEPT_OF.get(stemmed) or _CONCEPT_OF.get(word.casefold()[:6]) or stemmed


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry meaning (stop words and one-letter words removed), related words folded."""
    return {_canonical_stem(w) for w in words(text) if len(w) > 1 and w.casefold() not in STOP_WORDS}


def sentences(text: str) -> list[str]:
    """Sentences as verbatim slices of `text`; long ones cut at a word boundary (still verbatim)."""
    found: list[str] = []
    last = 0
    for match in _SENTENCE_END.finditer(text):
        found.append(text[last : match.start()])
        last = match.end()
    found.append(text[last:])
    return [quote_from(s) for s in found if s.strip()]


def quote_from(sentence: str) -> str:
    cleaned = sentence.strip()
    if len(cleaned) <= MAX_QUOTE:
        return cleaned
    cut = cleaned.rfind(" ", 0, MAX_QUOTE)
    return cleaned[: cut if cut > 40 else MAX_QUOTE].rstrip()


def sentence_with(text: str, pattern: re.Pattern[str]) -> str | None:
    """The first sentence of `text` in which `pattern` matches, verbatim."""
    for sentence in sentences(text):
        if pattern.search(sentence):
            return sentence
    return None


def sentence_with_stems(text: str, wanted: set[str]) -> str | None:
    """The sentence sharing the most content stems with `wanted` (the first on a tie), verbatim."""
    best: tuple[int, str] | None = None
    for sentence in sentences(text):
        overlap = len(content_stems(sentence) & wanted)
        if overlap and (best is None or overlap > best[0]):
            best = (overlap, sentence)
    return best[1] if best else None


def _cues(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


STAR_CUES: dict[str, re.Pattern[str]] = {
    "situation": _cues(
        r"\bwhen (?:i|we)\b",
        r"\b(?:in|at) my (?:last|previous|current|first|old) (?:role|job|team|company|position|internship)\b",
        r"\bin my last\b",
        r"\b(?:last|this|one) (?:year|month|quarter|semester|summer)\b",
        r"\bwe were\b",
        r"\bthere was\b",
        r"\bour (?:team|company|project|product|client|customers?)\b",
        r"\bsituation\b",
        r"\bi was working\b",
        r"\bwhile (?:working|at)\b",
        r"\bin (?:19|20)\d\d\b",
        # A story that opens on a "when…" clause in the past sets its scene whoever the subject is ("When a
        # colleague and I disagreed…"); the subject-bound cues above only saw "when I" and "when we". The past
        # tense keeps out the platitude "When there is a conflict, I listen".
        r"^\s*(?:when|while|during)\b[^,.;]*\b(?:was|were|had|did|\w{3,}ed|lost|took|got|made|ran|went|broke|came|began|found|left|told|gave|became|chose)\b",
        r"^\s*(?:quand|lorsque|pendant que|alors que)\b[^,.;]*\b(?:\w+(?:ait|aient|ions|iez)|(?<!\by )a|ont|avons|avez)\b",
        r"\b(?:lorsque|quand (?:je|nous))\b",
        r"\bdans mon (?:dernier|précédent|ancien) (?:poste|emploi|stage)\b",
        r"जब|पिछली (?:नौकरी|कंपनी)",
    ),
    "task": _cues(
        r"\bmy (?:task|goal|job|role|responsibility|aim) was\b",
        r"\bi was (?:asked|responsible|tasked|expected)\b",
        r"\bresponsible for\b",
        r"\bthe (?:goal|aim|task|objective) was\b",
        r"\b(?:we|i) needed to\b",
        r"\b(?:we|i) had to\b",
        r"\bchallenges?\b",
        r"\bobjective\b",
        r"\bdeadline\b",
        r"\bproblem was\b",
        r"\b(?:je devais|nous devions|mon rôle|objectif|l'enjeu)\b",
        r"ज़िम्मेदारी|जिम्मेदारी|लक्ष्य|मेरा काम",
    ),
    "action": _cues(
        r"\bi (?:started|proposed|wrote|built|led|designed|implemented|decided|created|organi[sz]ed|set up|"
        r"talked|spoke|met|measured|analy[sz]ed|investigated|introduced|suggested|discussed|added|moved|"
        r"rolled|fixed|refactored|automated|migrated|scheduled|reached out|asked|took|made|changed|tested|"
        r"reviewed|trained|coordinated|negotiated|explained|profiled|debugged|deployed|wrote|listened|"
        r"prioriti[sz]ed|split|documented|mentored|escalated|called|focused|reduced)\b",
        r"\bj'ai (?!été\b)\w+",
        r"मैंने",
    ),
    "result": _cues(
        r"\bas a result\b",
        r"\bresult(?:s|ed)?\b",
        r"\boutcome\b",
        r"\bin the end\b",
        r"\b(?:dropped|increased|decreased|reduced|improved|saved|grew|fell|cut|achieved|delivered|"
        r"launched|shipped|doubled|halved)\b",
        r"\bi (?:learned|learnt)\b",
        r"\bpercent\b|%",
        r"\b(?:résultat|au final|a permis|réduit|augmenté|amélioré)\b",
        r"नतीजा|परिणाम|सीखा",
    ),
}

ACTION_CUE = STAR_CUES["action"]

_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|half|double|twice|dozen|"
    r"deux|trois|quatre|cinq|dix|vingt|cent|mille|moitié"
)
# The unit stays with its figure in every language ("30 percent", "30 pour cent", "30 प्रतिशत"), so the
# figure a report quotes back is the one the candidate said.
NUMBER = re.compile(
    rf"\b\d+(?:[.,]\d+)?\s*(?:%|percent\b|pour cent\b|प्रतिशत)?|\b(?:{_NUMBER_WORDS})\b|\d+\s*%",
    re.IGNORECASE,
)

REASONING = _cues(
    r"\bbecause\b",
    r"\bso that\b",
    r"\bfirst(?:ly)?\b",
    r"\bthen\b",
    r"\bfinally\b",
    r"\bfor (?:example|instance)\b",
    r"\btrade-?offs?\b",
    r"\bhowever\b",
    r"\bwhich means\b",
    r"\binstead\b",
    r"\bit depends\b",
    r"\bon the other hand\b",
    # The English cues' equivalents (then, so that, finally, instead, which means, it depends, on the other hand),
    # so the same reasoning told in French or Hindi earns the same structure.
    r"\bparce que\b|\bcar\b|\bd'abord\b|\bensuite\b|\bpuis\b|\benfin\b|\bpar exemple\b|\bcependant\b"
    r"|\bpour que\b|\bafin que\b|\bau lieu de\b|\bc'est-à-dire\b|\bce qui signifie\b|\bça dépend\b"
    r"|\bcela dépend\b|\ben revanche\b|\bcompromis\b",
    r"क्योंकि|पहले|फिर|उदाहरण|ताकि|अंत में|आख़िर में|लेकिन|हालाँकि|इसका मतलब|के बजाय|की जगह|निर्भर करता",
)

TEAMWORK = _cues(
    r"\bteam(?:mates?|work)?\b",
    r"\bcolleagues?\b",
    r"\bstakeholders?\b",
    r"\bmanager\b",
    r"\bcustomers?\b",
    r"\bwe\b",
    r"\btogether\b",
    r"\bhelp(?:ed)?\b",
    r"\bfeedback\b",
    # The English cues' equivalents, so a French or Hindi story of teamwork is counted like an English one.
    r"\b(?:équipe|collègues?|ensemble|nous|clients?|manager|responsable|parties prenantes|aid(?:é|er|ais)|retours?)\b",
    r"टीम|साथ|हम|सहकर्मी|ग्राहक|मैनेजर|मदद|फ़ीडबैक|फीडबैक",
)


def find_all(pattern: re.Pattern[str], text: str) -> list[str]:
    return [m.group(0).strip() for m in pattern.finditer(text) if m.group(0).strip()]
