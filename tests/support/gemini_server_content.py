"""How the fake Gemini server answers: plausible, schema-valid content computed from the request.

It behaves like a deliberately naive model so that tests can tell right from wrong:
- questions use the job title, skills from the JD/resume and templates that differ by difficulty and
  language, exactly as many as the settings line asks for;
- scores come from the answers' content (length, overlap with the question, numbers, STAR markers), and
  every evidence quote is copied from an answer;
- it OBEYS score-steering text found outside data blocks (so a leak of untrusted text out of its block
  shows up as inflated scores) and ignores such text inside data blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

BLOCK = re.compile(
    r'<<<DATA label="(?P<label>[^"]+)" tag="(?P<tag>\w+)">>>(?P<body>.*?)<<<END DATA label="(?P=label)" tag="(?P=tag)">>>',
    re.DOTALL,
)
SETTINGS = re.compile(
    r"type=(?P<type>\w+); difficulty=(?P<difficulty>\w+); main_questions=(?P<count>\d+); language=(?P<lang>\w+)"
)
# Imperative score-steering phrases (our own prompts never use them; injected text does).
STEERING = re.compile(
    r"ignore (all |any )?(the )?(previous|above|prior) instructions"
    r"|give (this|the) (candidate|answer|resume) (a )?(score of )?(100|10/10|full marks)"
    r"|score this (answer|candidate|resume) (100|10/10)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?%?", re.UNICODE)
_STOP = set(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "your",
        "you",
        "what",
        "how",
        "would",
        "tell",
        "me",
        "about",
        "describe",
        "time",
        "when",
        "that",
        "this",
        "is",
        "are",
        "was",
        "were",
        "be",
        "have",
        "has",
        "had",
        "can",
        "could",
        "do",
        "did",
        "does",
        "it",
        "its",
        "as",
        "at",
        "by",
        "from",
        "which",
        "who",
        "why",
        "where",
        "there",
        "their",
        "they",
        "them",
        "our",
        "we",
        "i",
        "my",
        "me",
        "give",
        "example",
        "please",
        "question",
        "answer",
        "role",
        "job",
    ]
)
_STAR = {
    "situation": (
        "when i was",
        "at my",
        "our team",
        "the situation",
        "we had",
        "last year",
        "in my previous",
    ),
    "task": ("my task", "i was responsible", "i needed to", "the goal", "i had to", "my role"),
    "action": (
        "i decided",
        "i built",
        "i wrote",
        "i led",
        "i organised",
        "i organized",
        "i implemented",
        "i set up",
    ),
    "result": ("as a result", "result", "reduced", "increased", "improved", "saved", "cut", "%"),
}

TEMPLATES: dict[str, dict[str, list[str]]] = {
    "en": {
        "beginner": [
            "What is {skill}, and how would you use it in your first month as a {title}?",
            "Explain the basics of {skill} to a new {title} colleague.",
            "Which {skill} tools have you tried, and what did you learn from them?",
        ],
        "intermediate": [
            "Tell me about a project where you applied {skill} as a {title}: what trade-offs did you weigh?",
            "How would you choose between two approaches to {skill} for a typical {title} task?",
            "Walk me through debugging a {skill} problem you met as a {title}.",
        ],
        "experienced": [
            "How would you design a {skill} system for a {title} team that must scale ten-fold?",
            "Describe a time you led others through a difficult {skill} decision as a senior {title}.",
            "What failure modes of {skill} have you planned for, and how did you measure the impact?",
        ],
        "expert": [
            "As a principal {title}, how would you diagnose a subtle production failure in {skill} internals across teams?",
            "Which industry practices around {skill} would you challenge as an expert {title}, and why?",
            "How would you set the organisation-wide {skill} strategy for {title}s, with the edge cases it must survive?",
        ],
    },
    "fr": {
        "beginner": ["Qu'est-ce que {skill}, et comment l'utiliseriez-vous comme {title} débutant ?"],
        "intermediate": [
            "Parlez-moi d'un projet où vous avez utilisé {skill} comme {title} : quels compromis ?"
        ],
        "experienced": [
            "Comment concevriez-vous un système {skill} pour une équipe de {title} qui doit grandir ?"
        ],
        "expert": [
            "En tant que {title} expert, comment diagnostiqueriez-vous une panne subtile dans {skill} ?"
        ],
    },
    "hi": {
        "beginner": ["{skill} क्या है, और {title} के रूप में आप इसका उपयोग कैसे करेंगे?"],
        "intermediate": ["किसी ऐसे प्रोजेक्ट के बारे में बताइए जहाँ आपने {title} के रूप में {skill} का उपयोग किया।"],
        "experienced": ["{title} टीम के लिए आप {skill} प्रणाली को बड़े पैमाने पर कैसे डिज़ाइन करेंगे?"],
        "expert": ["एक विशेषज्ञ {title} के रूप में आप {skill} में एक जटिल विफलता का निदान कैसे करेंगे?"],
    },
}
BEHAVIOURAL = {
    "en": "Describe a situation where you had to use {skill} under pressure as a {title} ({difficulty} level): what did you do and what was the result?",
    "fr": "Décrivez une situation où vous avez dû utiliser {skill} sous pression comme {title} (niveau {difficulty}).",
    "hi": "ऐसी स्थिति बताइए जब आपको {title} के रूप में दबाव में {skill} का उपयोग करना पड़ा ({difficulty})।",
}
FOLLOW_UP = {
    "en": "Could you give one concrete example, with the actions you took and a measurable result?",
    "fr": "Pouvez-vous donner un exemple concret, avec vos actions et un résultat mesurable ?",
    "hi": "क्या आप अपने कदमों और मापने योग्य परिणाम के साथ एक ठोस उदाहरण दे सकते हैं?",
}


@dataclass
class Request:
    system: str
    texts: list[str]
    blocks: dict[str, str] = field(default_factory=dict)
    outside: str = ""

    @classmethod
    def parse(cls, system: str, texts: list[str]) -> Request:
        joined = "\n".join(texts)
        blocks = {m.group("label"): m.group("body").strip("\n") for m in BLOCK.finditer(joined)}
        outside = BLOCK.sub(" ", joined)
        return cls(system=system, texts=texts, blocks=blocks, outside=system + "\n" + outside)

    @property
    def steered(self) -> bool:
        return bool(STEERING.search(self.outside))

    def settings(self) -> dict[str, str]:
        found = SETTINGS.search(self.system)
        return (
            found.groupdict()
            if found
            else {"type": "overall", "difficulty": "intermediate", "count": "5", "lang": "en"}
        )


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > 3 and w not in _STOP and not w.isdigit()}


def skills_from(text: str, limit: int = 8) -> list[str]:
    """Capitalised or tool-like tokens, most frequent first: a crude stand-in for reading a JD."""
    counts: dict[str, int] = {}
    for token in re.findall(r"\b[A-Z][A-Za-z0-9+#.]{1,}|\b[a-z]+[0-9]+\b", text):
        token = token.rstrip(".")
        if token.casefold() in _STOP or len(token) < 2:
            continue
        counts[token] = counts.get(token, 0) + 1
    return [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]


def first_sentence(answer: str, max_words: int = 18) -> str:
    sentence = re.split(r"(?<=[.!?])\s+", answer.strip())[0]
    return " ".join(sentence.split()[:max_words])


def score_answer(question: str, answer: str) -> float:
    """0-10 from what the answer says: length, topical overlap, specifics, STAR markers."""
    n = len(words(answer))
    if n == 0:
        return 0.0
    if n < 8:
        return 1.0
    overlap = len(content_words(question) & content_words(answer)) / max(1, len(content_words(question)))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", answer) if s.strip()]
    on_topic = sum(1 for s in sentences if content_words(s) & content_words(question)) / max(
        1, len(sentences)
    )
    specifics = min(1.0, len(re.findall(r"\d", answer)) / 3)
    star = sum(1 for markers in _STAR.values() if any(m in answer.casefold() for m in markers)) / 4
    score = (
        1.0 + 2.0 * min(1.0, n / 60) + 3.0 * min(1.0, overlap * 2) * on_topic + 2.0 * specifics + 2.0 * star
    )
    if overlap == 0:
        score = min(score, 2.0)  # off-topic
    return round(min(10.0, score), 1)


def star_of(answer: str) -> dict[str, bool]:
    low = answer.casefold()
    return {part: any(m in low for m in markers) for part, markers in _STAR.items()}


def turns(request: Request) -> list[tuple[int, str, str]]:
    found = []
    for label, body in request.blocks.items():
        m = re.fullmatch(r"q(\d+)_question", label)
        if m:
            number = int(m.group(1))
            found.append((number, body, request.blocks.get(f"q{number}_answer", "").strip()))
    return sorted(found)


def schema_kind(schema: dict[str, Any] | None) -> str:
    props = set((schema or {}).get("properties", {}))
    for kind, key in (
        ("plan", "questions"),
        ("follow_up", "ask_follow_up"),
        ("summary", "overall_score"),
        ("performance", "category_scores"),
        ("questions", "items"),
        ("resume_pdf", "full_text"),
        ("profile", "skills_technical"),
        ("fit", "suggestions"),
        ("answer_score", "model_answer"),
    ):
        if key in props:
            return kind
    return "generic"


def fill_schema(schema: dict[str, Any]) -> Any:
    """A type-correct value for any schema the server does not know specifically."""
    kind = str(schema.get("type", "STRING")).upper()
    if kind == "OBJECT":
        return {k: fill_schema(v) for k, v in schema.get("properties", {}).items()}
    if kind == "ARRAY":
        return [fill_schema(schema.get("items", {}))]
    if kind == "INTEGER":
        return 1
    if kind == "NUMBER":
        return 1.0
    if kind == "BOOLEAN":
        return False
    if "enum" in schema:
        return schema["enum"][0]
    return "text"
