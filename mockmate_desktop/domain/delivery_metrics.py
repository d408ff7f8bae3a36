"""Delivery analytics: pure functions over word timings (pace, fillers, pauses, hedging, repetition).

Filler rules: "um/uh/er"-type sounds always count; words that are also ordinary words ("like", "so",
"you know", French "genre", Hindi "matlab"...) count only where they are set off from the sentence: by a comma
or a pause of at least 300 ms on either side, at the start of the answer or of a sentence followed by a
comma/pause, or next to another filler. "I like Python" and "so that it scales" are not fillers.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from .delivery import CountedTerm, DeliveryMetrics, GuidanceBand, Pause, WordTiming
from .delivery_lexicon import CONTEXT_FILLERS, HEDGES, SOUND_FILLERS, STOPWORDS

PAUSE_S = 0.3
LONG_PAUSE_S = 2.0


def clean(word: str) -> str:
    return re.sub(r"^[^\w'-]+|[^\w'-]+$", "", word.lower())


def _ends_clause(word: str) -> bool:
    return word.rstrip().endswith((",", ".", "?", "!", ";", ":", "…"))


def _lang(language: str) -> str:
    return language if language in SOUND_FILLERS else "en"


def _gap_before(words: Sequence[WordTiming], i: int) -> float:
    return words[i].start - words[i - 1].end if i > 0 else 0.0


def _match(tokens: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(tokens[i : i + len(phrase)]) == phrase


def find_fillers(words: Sequence[WordTiming], language: str) -> list[tuple[int, str]]:
    """(index of the first word, filler) for every filler in the answer."""
    lang = _lang(language)
    tokens = [clean(w.word) for w in words]
    sounds = SOUND_FILLERS[lang]
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        if tokens[i] in sounds:
            found.append((i, tokens[i]))
            i += 1
            continue
        matched = next((p for p in CONTEXT_FILLERS[lang] if _match(tokens, i, p)), None)
        if matched is None:
            i += 1
            continue
        last = i + len(matched) - 1
        before_break = i == 0 or _ends_clause(words[i - 1].word) or _gap_before(words, i) >= PAUSE_S
        after_break = (
            last == len(words) - 1
            or _ends_clause(words[last].word)
            or _gap_before(words, last + 1) >= PAUSE_S
        )
        next_is_filler = last + 1 < len(words) and tokens[last + 1] in sounds
        prev_is_filler = i > 0 and tokens[i - 1] in sounds
        comma_after = words[last].word.rstrip().endswith(",")
        if (before_break and after_break) or comma_after or next_is_filler or prev_is_filler:
            found.append((i, " ".join(matched)))
            i = last + 1
            continue
        i += 1
    return found


def find_phrases(words: Sequence[WordTiming], phrases: tuple[tuple[str, ...], ...]) -> list[str]:
    tokens = [clean(w.word) for w in words]
    hits: list[str] = []
    i = 0
    while i < len(tokens):
        matched = next((p for p in phrases if _match(tokens, i, p)), None)
        if matched:
            hits.append(" ".join(matched))
            i += len(matched)
        else:
            i += 1
    return hits


def pauses(words: Sequence[WordTiming], silences: Sequence[tuple[float, float]] | None = None) -> list[Pause]:
    """Silent gaps >= 300 ms between the first and the last word.

    From word gaps, merged with `silences` (VAD spans of the audio, if known) that fall inside the answer:
    Whisper often stretches a word over the pause next to it, which hides the pause from word gaps.
    """
    gaps = [(a.end, b.start) for a, b in itertools.pairwise(words) if b.start - a.end >= PAUSE_S]
    if silences and words:
        first, last = words[0].start, words[-1].end
        gaps.extend(
            (max(s, first), min(e, last)) for s, e in silences if min(e, last) - max(s, first) >= PAUSE_S
        )
    merged: list[tuple[float, float]] = []
    for start, end in sorted(gaps):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return [Pause(start=s, end=e) for s, e in merged]


def most_repeated(words: Sequence[WordTiming], language: str, top: int = 5) -> list[CountedTerm]:
    stop = STOPWORDS[_lang(language)]
    counts = Counter(t for t in (clean(w.word) for w in words) if t and t not in stop and len(t) > 2)
    return [CountedTerm(term=t, count=c) for t, c in counts.most_common(top) if c >= 2]


def _counted(items: list[str]) -> list[CountedTerm]:
    return [CountedTerm(term=t, count=c) for t, c in Counter(items).most_common()]


def compute_delivery(
    words: list[WordTiming],
    duration_s: float,
    language: str,
    silences: Sequence[tuple[float, float]] | None = None,
) -> DeliveryMetrics:
    """Metrics of one answer. `silences`: optional VAD silent spans (seconds) of the same audio."""
    spoken = [w for w in words if clean(w.word)]
    duration = max(duration_s, spoken[-1].end if spoken else 0.0)
    if not spoken:
        return DeliveryMetrics(duration_s=duration)
    speaking = max(0.0, spoken[-1].end - spoken[0].start)
    minutes = (speaking if speaking >= 1.0 else max(duration, 1.0)) / 60.0
    fillers = [f for _, f in find_fillers(spoken, language)]
    hedges = find_phrases(spoken, HEDGES[_lang(language)])
    gaps = pauses(spoken, silences)
    return DeliveryMetrics(
        duration_s=duration,
        speaking_time_s=speaking,
        word_count=len(spoken),
        words_per_minute=round(len(spoken) / minutes, 1),
        filler_count=len(fillers),
        fillers=_counted(fillers),
        fillers_per_minute=round(len(fillers) / minutes, 2),
        fillers_per_100_words=round(100.0 * len(fillers) / len(spoken), 2),
        pause_count=len(gaps),
        long_pauses=[p for p in gaps if p.duration >= LONG_PAUSE_S],
        time_to_first_word_s=spoken[0].start,
        hedging_count=len(hedges),
        hedges=_counted(hedges),
        most_repeated=most_repeated(spoken, language),
    )


def _merge(lists: Sequence[list[CountedTerm]], top: int | None = None) -> list[CountedTerm]:
    total: Counter[str] = Counter()
    for items in lists:
        for item in items:
            total[item.term] += item.count
    return [CountedTerm(term=t, count=c) for t, c in total.most_common(top)]


def combine(answers: Sequence[DeliveryMetrics]) -> DeliveryMetrics:
    """A whole interview: sums, rates over total speaking time, average time to first word."""
    if not answers:
        return DeliveryMetrics()
    speaking = sum(a.speaking_time_s for a in answers)
    words = sum(a.word_count for a in answers)
    fillers = sum(a.filler_count for a in answers)
    minutes = speaking / 60.0
    firsts = [a.time_to_first_word_s for a in answers if a.time_to_first_word_s is not None]
    return DeliveryMetrics(
        duration_s=sum(a.duration_s for a in answers),
        speaking_time_s=speaking,
        word_count=words,
        words_per_minute=round(words / minutes, 1) if minutes > 0 else 0.0,
        filler_count=fillers,
        fillers=_merge([a.fillers for a in answers]),
        fillers_per_minute=round(fillers / minutes, 2) if minutes > 0 else 0.0,
        fillers_per_100_words=round(100.0 * fillers / words, 2) if words else 0.0,
        pause_count=sum(a.pause_count for a in answers),
        long_pauses=[p for a in answers for p in a.long_pauses],
        time_to_first_word_s=round(sum(firsts) / len(firsts), 2) if firsts else None,
        hedging_count=sum(a.hedging_count for a in answers),
        hedges=_merge([a.hedges for a in answers]),
        most_repeated=[t for t in _merge([a.most_repeated for a in answers], 5) if t.count >= 2],
    )


_PACE_SOURCE = (
    "Conversational English averages about 150 wpm (National Center for Voice and Speech); "
    "Tauroza & Allison (1990), 'Speech rates in British English', Applied Linguistics 11(1)"
)


# The bands' notes in the interview's language. A French report showed its French feedback above English notes
# ("French is spoken with more syllables..."), and a Hindi one its Hindi headings above English notes. Hindi
# keeps the English words Indian offices use ("filler"); the sources stay as published.
_NOTES: dict[str, dict[str, str]] = {
    "words_per_minute": {
        "en": "Comfortable interview pace; faster can sound rushed, slower can sound hesitant.",
        "hi": "हिंदी की बोलने की गति का कोई प्रकाशित मानक नहीं है: अंग्रेज़ी की सीमा सिर्फ़ मोटे अंदाज़े के लिए दी गई है।",
        "fr": "Le français se dit avec plus de syllabes par seconde ; la plage anglaise n'est qu'un repère approximatif.",
    },
    "fillers_per_minute": {
        "en": "A few fillers are normal in spontaneous speech; under about 5 a minute rarely distracts.",
        "hi": "बिना तैयारी के बोलने में कुछ filler शब्द ('मतलब', 'तो') आम हैं; मिनट में 5 से कम हों तो शायद ही खटकते हैं।",
        "fr": "Quelques mots de remplissage sont normaux à l'oral spontané ; sous 5 par minute environ, ils gênent rarement.",
    },
    "fillers_per_100_words": {
        "en": "Around 6 disfluencies per 100 words is typical of conversation.",
        "hi": "आम बातचीत में हर 100 शब्दों में लगभग 6 बार अटकना या filler आना सामान्य है।",
        "fr": "Environ 6 disfluences pour 100 mots, c'est l'ordinaire d'une conversation.",
    },
    "long_pauses": {
        "en": "A short pause to think reads well; several long silences can read as lost thread.",
        "hi": "सोचने के लिए छोटा ठहराव अच्छा लगता है; कई लंबी चुप्पियों से लग सकता है कि बात का सिरा छूट गया।",
        "fr": "Une courte pause pour réfléchir passe bien ; plusieurs longs silences font penser que le fil est perdu.",
    },
    "time_to_first_word_s": {
        "en": "Taking a moment is fine; saying a first sentence within ~3 s keeps the conversation going.",
        "hi": "एक पल सोचना ठीक है; लगभग 3 सेकंड में पहला वाक्य बोलने से बातचीत चलती रहती है।",
        "fr": "Prendre un instant est normal ; dire une première phrase en 3 s environ garde la conversation vivante.",
    },
    "hedging_count": {
        "en": "Some hedging is honest; frequent 'I think / maybe' can undersell your work.",
        "hi": "थोड़ी सावधानी ईमानदारी दिखाती है; बार-बार 'मुझे लगता है' या 'शायद' कहने से आपका काम कम आँका जा सकता है।",
        "fr": "Un peu de prudence est honnête ; des « je pense » ou « peut-être » fréquents dévalorisent votre travail.",
    },
}
_HEURISTIC = {
    "en": "MockMate heuristic (no single published norm)",
    "hi": "MockMate का अपना अनुमान, कोई प्रकाशित मानक नहीं",
    "fr": "heuristique de MockMate, sans norme publiée",
}


def _note(metric: str, lang: str) -> str:
    return _NOTES[metric].get(lang) or _NOTES[metric]["en"]


def guidance_bands(language: str) -> list[GuidanceBand]:
    """Ranges shown next to the figures as guidance, never as pass/fail; notes in `language`."""
    lang = _lang(language)
    heuristic = _HEURISTIC.get(lang) or _HEURISTIC["en"]
    return [
        GuidanceBand(
            metric="words_per_minute",
            low=100,
            high=165,
            unit="wpm",
            note=_note("words_per_minute", lang),
            source=_PACE_SOURCE,
        ),
        GuidanceBand(
            metric="fillers_per_minute",
            low=None,
            high=5,
            unit="per minute",
            note=_note("fillers_per_minute", lang),
            source="Clark & Fox Tree (2002), 'Using uh and um in spontaneous speaking', Cognition 84(1); MockMate guidance",
        ),
        GuidanceBand(
            metric="fillers_per_100_words",
            low=None,
            high=6,
            unit="per 100 words",
            note=_note("fillers_per_100_words", lang),
            source="Bortfeld et al. (2001), 'Disfluency rates in conversation', Language and Speech 44(2)",
        ),
        GuidanceBand(
            metric="long_pauses",
            low=None,
            high=2,
            unit="pauses of 2 s or more",
            note=_note("long_pauses", lang),
            source=heuristic,
        ),
        GuidanceBand(
            metric="time_to_first_word_s",
            low=None,
            high=3,
            unit="seconds",
            note=_note("time_to_first_word_s", lang),
            source=heuristic,
        ),
        GuidanceBand(
            metric="hedging_count",
            low=None,
            high=3,
            unit="per answer",
            note=_note("hedging_count", lang),
            source=heuristic,
        ),
    ]
