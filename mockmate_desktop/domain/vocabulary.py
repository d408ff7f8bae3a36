"""The interview's own words, for Whisper to hear them, and for putting near-misses back into canonical spelling.

Plain Whisper base writes "post-grisql" for PostgreSQL and "Cuban It's" for Kubernetes; a prompt that
carries the job's terms fixes much of it (measured: `mockmate bench speech`). This module is pure: it picks
the terms (the current question's first, then the job description's, the resume's, the candidate's
employers and tools), keeps them within Whisper's prompt budget, and canonicalises a transcript against
them. speech/vocabulary_prompt.py turns a `Vocabulary` into Whisper arguments.

    interview = InterviewVocabulary.build(job_text=jd, resume_text=resume, role="Backend engineer",
                                          extra=["Acme Corp"])
    vocab = interview.for_question(question_text)          # refreshed for every question
    vocab.prompt()                     # "Backend engineer interview. Redis, Python, PostgreSQL."
    canonicalise("we used postgres sql", vocab).text       # "we used PostgreSQL"
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from .config import InterviewConfig
from .skills import SkillLexicon, default_lexicon, extract_skills, unique_skills


@dataclass(frozen=True)
class VocabularyConfig:
    # Whisper keeps at most 223 prompt tokens (half its 448-token text context, minus one). Technical terms
    # cost about one token per 3 characters; 480 characters leave room for a disfluent prompt beside them.
    max_prompt_chars: int = 480
    max_terms: int = 48  # a longer list dilutes the prompt; the question's and JD's terms come first
    # Canonicalising: a near-miss is replaced only when its spelling is this close to a term (0-1)...
    min_similarity: float = 0.84
    # ...and it is at least this long once spaces and punctuation are gone: shorter words are too often
    # ordinary words ("rest", "go", "swift").
    min_key_chars: int = 5
    max_ngram: int = 4  # "post gre sql" is three words for one term, "G R P C" four


# How the terms are written in Whisper's prompt: a list ("Backend engineer interview. Redis, Python,
# PostgreSQL.") or one English sentence ("In this Backend engineer interview I talk about PostgreSQL, Python
# and Redis."). Which form suits which pass was measured (see `Vocabulary.prompt`); the caller chooses.
PromptForm = Literal["list", "sentence"]


@dataclass(frozen=True)
class Vocabulary:
    """Terms in canonical spelling, most important first."""

    terms: tuple[str, ...]
    config: VocabularyConfig = field(default_factory=VocabularyConfig)
    role: str = ""  # the job title: "Backend engineer interview." before the terms heard best (measured)

    def prompt(self, form: PromptForm = "list") -> str:
        """The role and the terms as Whisper's prompt text, cut to the budget (whole terms only; the most
        important are kept first).

        "list": "<role> interview. <terms, most important last>." "sentence": "In this <role> interview I talk
        about <terms, most important first>." Measured on the spoken set's tune split (30 English answers, 82
        job terms, two runs each; docs/issue-notes/issue-15d.md):
        - live passes (greedy, base, short windows, one pass per stretch): the sentence heard 91.5-92.7 % of
          the terms in four runs against 89.0 % for the list in four, WER 19.5-20.7 % against 21.8-21.9 %; the
          sentence with the most important terms last heard 84.1 %;
        - one full pass over the answer: the list heard 90.2 % against 87.8 %, and the sentence put 5-10
          terms where none was said (the list 2), WER 25.1-25.3 % against 19.9 %.
        """
        role = self.role.strip().rstrip(".")
        if form == "sentence":
            lead = f"In this {role} interview I talk about " if role else "In this interview I talk about "
            kept = self._kept(len(lead))
            if not kept:
                return ""
            named = kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + f" and {kept[-1]}"
            return f"{lead}{named}."
        lead = f"{role} interview. " if role else ""
        kept = self._kept(len(lead))
        return (lead + ", ".join(reversed(kept)) + ("." if kept else "")).strip()

    def _kept(self, used: int) -> list[str]:
        """The most important terms that fit in the budget after `used` characters."""
        kept: list[str] = []
        for term in self.terms[: self.config.max_terms]:
            cost = len(term) + 2
            if used + cost > self.config.max_prompt_chars:
                break
            kept.append(term)
            used += cost
        return kept

    def __bool__(self) -> bool:
        return bool(self.terms)


@dataclass(frozen=True)
class InterviewVocabulary:
    """What stays for the whole interview: JD and resume skills, employers and tools."""

    job_terms: tuple[str, ...] = ()
    resume_terms: tuple[str, ...] = ()
    extra_terms: tuple[str, ...] = ()  # employers, products, tools the lexicon does not know
    config: VocabularyConfig = field(default_factory=VocabularyConfig)
    role: str = ""  # the job title

    @classmethod
    def build(
        cls,
        *,
        job_text: str = "",
        resume_text: str = "",
        role: str = "",
        extra: Iterable[str] = (),
        config: VocabularyConfig | None = None,
        lexicon: SkillLexicon | None = None,
    ) -> InterviewVocabulary:
        lex = lexicon or default_lexicon()
        technical = {s.name for s in lex.skills if s.kind == "technical"}

        def skills(text: str) -> tuple[str, ...]:
            return tuple(s for s in unique_skills(extract_skills(text, lex)) if s in technical)

        return cls(
            job_terms=skills(job_text),
            resume_terms=skills(resume_text),
            extra_terms=tuple(" ".join(t.split()) for t in extra if t.strip()),
            config=config or VocabularyConfig(),
            role=" ".join(role.split())[:80],
        )

    @classmethod
    def from_interview(
        cls, config: InterviewConfig, resume_text: str = "", extra: Iterable[str] = ()
    ) -> InterviewVocabulary:
        """The vocabulary of an interview: its job title and description, and the candidate's resume."""
        return cls.build(
            job_text=config.job_description, resume_text=resume_text, role=config.job_title, extra=extra
        )

    def for_question(self, question_text: str = "", lexicon: SkillLexicon | None = None) -> Vocabulary:
        """The vocabulary while this question is answered: its own terms first."""
        lex = lexicon or default_lexicon()
        technical = {s.name for s in lex.skills if s.kind == "technical"}
        asked = [s for s in unique_skills(extract_skills(question_text, lex)) if s in technical]
        ordered: dict[str, None] = {}
        for term in (*asked, *self.job_terms, *self.extra_terms, *self.resume_terms):
            ordered.setdefault(term, None)
        return Vocabulary(tuple(ordered), self.config, self.role)


# ---- canonicalising ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Replacement:
    heard: str
    term: str
    similarity: float


@dataclass(frozen=True)
class Canonicalised:
    text: str
    replacements: tuple[Replacement, ...]


_TOKEN = re.compile(r"\S+")
LONGER_SPAN_BONUS = 0.06
_EDGE_PUNCT = "\"'“”‘’()[]{}.,;:!?…"


def canonicalise(text: str, vocabulary: Vocabulary, lexicon: SkillLexicon | None = None) -> Canonicalised:
    """`text` with near-misses of the vocabulary's terms written as the terms are ("postgres sql" ->
    "PostgreSQL"). Only confident matches are replaced; everything else is left exactly as it was."""
    cfg = vocabulary.config
    keys = _term_keys(vocabulary.terms, lexicon or default_lexicon(), cfg)
    if not keys or not text.strip():
        return Canonicalised(text, ())
    tokens = list(_TOKEN.finditer(text))
    out: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    index = 0
    while index < len(tokens):
        match = _best_match(tokens, index, keys, cfg)
        if match is None:
            index += 1
            continue
        count, term, similarity = match
        first, last = tokens[index], tokens[index + count - 1]
        lead = first.group(0)[: len(first.group(0)) - len(first.group(0).lstrip(_EDGE_PUNCT))]
        trail = last.group(0)[len(last.group(0).rstrip(_EDGE_PUNCT)) :]
        heard = text[first.start() + len(lead) : last.end() - len(trail)]
        out.append(text[cursor : first.start()])
        out.append(f"{lead}{term}{trail}")
        cursor = last.end()
        if heard != term:
            replacements.append(Replacement(heard, term, round(similarity, 3)))
        index += count
    out.append(text[cursor:])
    return Canonicalised("".join(out), tuple(replacements))


def _best_match(
    tokens: list[re.Match[str]], index: int, keys: dict[str, str], cfg: VocabularyConfig
) -> tuple[int, str, float] | None:
    best: tuple[int, str, float] | None = None
    for count in range(1, cfg.max_ngram + 1):
        if index + count > len(tokens):
            break
        words = [t.group(0) for t in tokens[index : index + count]]
        # A sentence end inside the span means the words belong to different thoughts.
        if any(w.rstrip("\"')”’").endswith((".", "?", "!", ",")) for w in words[:-1]):
            break
        key = spelling_key(" ".join(words))
        if len(key) < cfg.min_key_chars:
            # Letters spoken one by one come back split ("a WS", "G R P C"): a short key is taken only
            # then, and only when it is exactly a term's.
            spelled = count >= 2 and all(len(spelling_key(w)) <= 2 for w in words)
            if spelled and key in keys and (best is None or best[0] < count):
                best = (count, keys[key], 1.0)
            continue
        if count == 1 and _has_devanagari(words[0]):
            # A romanised Devanagari word carries vowels the Latin spelling does not ("payathan" for
            # Python): compared by consonants, and only exactly.
            term = keys.get(_SKELETON + skeleton(key))
            if term is not None and best is None:
                best = (1, term, 0.9)
            continue
        for term_key, term in keys.items():
            if term_key.startswith(_SKELETON) or _number_only(key, spelling_key(term)):
                continue
            if abs(len(term_key) - len(key)) > max(2, len(term_key) // 4):
                continue
            if key == term_key:
                similarity = 1.0
            else:
                similarity = SequenceMatcher(None, key, term_key, autojunk=False).ratio()
                if similarity < cfg.min_similarity or len(term_key) < cfg.min_key_chars:
                    continue
                # Same first sound: near-misses keep the word's onset ("post-grisql"), unrelated words
                # that happen to share letters do not.
                if _onset(key) != _onset(term_key):
                    continue
            if count > 1 and any(_same_word(_key_of(part), term) for part in (words[1:], words[:-1])):
                continue  # "an Android", "Prometheus a": the term is there already; the extra word stays
            # A longer span that still matches well wins: "postgres sql" is one term, not "postgres" + "sql".
            score = similarity + LONGER_SPAN_BONUS * (count - 1)
            if best is None or score > best[2] + LONGER_SPAN_BONUS * (best[0] - 1):
                best = (count, term, similarity)
    return best


def _key_of(words: list[str]) -> str:
    return spelling_key(" ".join(words))


def _term_keys(terms: Iterable[str], lexicon: SkillLexicon, cfg: VocabularyConfig) -> dict[str, str]:
    """Spelling key -> canonical term, for every term and those of its lexicon aliases that are spellings of
    it. An alias that is another word ("EKS", "ml models", "client-side" for their skills) or the term with
    more after it ("Java 8", "python3") is not: rewriting it would change what the candidate said."""
    keys: dict[str, str] = {}
    for term in terms:
        skill = lexicon.get(term)
        term_key = spelling_key(term)
        for alias in (term, *(skill.aliases if skill else ())):
            key = spelling_key(alias)
            if len(key) < 3 or not _spelling_of(key, term_key, cfg) or _fewer_words(key, term):
                continue
            keys.setdefault(key, term)
            if len(skeleton(key)) >= 3:
                keys.setdefault(_SKELETON + skeleton(key), term)
    return keys


def _spelling_of(alias_key: str, term_key: str, cfg: VocabularyConfig) -> bool:
    if alias_key == term_key:
        return True
    if term_key in alias_key:
        return False
    return SequenceMatcher(None, alias_key, term_key, autojunk=False).ratio() >= cfg.min_similarity


def _fewer_words(alias_key: str, term: str) -> bool:
    """Some of the term's words ("Tailwind" for "Tailwind CSS"), not a spelling of it: rewriting it would put
    words in the candidate's mouth."""
    words = term.split()
    parts = {_key_of(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return len(words) > 1 and alias_key in parts - {_key_of(words)}


def _same_word(key: str, term: str) -> bool:
    term_key = spelling_key(term)
    return key == term_key or _number_only(key, term_key)


def _number_only(key: str, term_key: str) -> bool:
    """The term in another number ("dashboard" for "Dashboards"): said as it was meant, left alone."""
    return key != term_key and (key + "s" == term_key or term_key + "s" == key)


_SKELETON = "~"  # prefix of consonant-skeleton keys in the same table (never a spelling key)


def skeleton(key: str) -> str:
    """Consonants only, doubled letters once: "python" and "payathan" are both "pythn"."""
    out: list[str] = []
    for ch in key:
        if ch in "aeiou" or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out)


def _has_devanagari(word: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in word)


def spelling_key(text: str) -> str:
    """Lower-case letters and digits only, Devanagari transliterated: "Post-gre SQL" -> "postgresql"."""
    folded = unicodedata.normalize("NFKD", transliterate_devanagari(text).lower())
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())


def _onset(key: str) -> str:
    sounds = {"c": "k", "q": "k", "k": "k", "s": "s", "z": "s", "f": "f", "p": "p", "v": "v", "w": "v"}
    return sounds.get(key[0], key[0]) if key else ""


# Whisper writes English terms in Hindi answers in Devanagari ("पायथन" for Python); a rough romanisation
# lets those be compared with the lexicon's Latin spellings.
_ROMAN = (
    "a aa i ee u oo e ai o au k kh g gh n ch chh j jh n t th d dh n t th d dh n p f b bh m y r l v sh sh s h"
)
_DEVANAGARI = dict(zip("अआइईउऊएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह", _ROMAN.split(), strict=True))
_MATRA_ROMAN = "a i ee u oo e ai o au ri"
_MATRAS = dict(zip("ािीुूेैोौृ", _MATRA_ROMAN.split(), strict=True))
_VIRAMA, _NUKTA, _ANUSVARA, _CANDRABINDU = "्", "़", "ं", "ँ"


def transliterate_devanagari(text: str) -> str:
    """Devanagari romanised simply (inherent vowel dropped at word ends); other scripts unchanged."""
    out: list[str] = []
    chars = list(text)
    for i, ch in enumerate(chars):
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch in _DEVANAGARI:
            out.append(_DEVANAGARI[ch])
            consonant = ch not in "अआइईउऊएऐओऔ"
            if consonant and nxt not in _MATRAS and nxt not in (_VIRAMA, _NUKTA) and _is_letter(nxt):
                out.append("a")
        elif ch in _MATRAS:
            out.append(_MATRAS[ch])
        elif ch in (_ANUSVARA, _CANDRABINDU):
            out.append("n")
        elif ch in (_VIRAMA, _NUKTA):
            continue
        else:
            out.append(ch)
    return "".join(out)


def _is_letter(ch: str) -> bool:
    return ch in _DEVANAGARI
