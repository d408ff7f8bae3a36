"""Scores explained in the interview's language (issue 13): a French or Hindi answer, scored by meaning with the
real bundled e5 model or by the keyword fallback, gets its criteria and caps in French or Hindi, and the
language of the wording never changes a score."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.delivery import DeliveryMetrics, Pause
from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.interview import Answer, InterviewSession
from mockmate_desktop.domain.scoring import AnswerScore, ScoringInput, score_answer
from mockmate_desktop.engine.offline.bank import load_bank
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.engine.semantic.loader import shared_loader
from mockmate_desktop.engine.semantic.measure import measure
from tests.support.offline_bank import write_bank

STRONG = (
    (Path(__file__).resolve().parents[1] / "fixtures" / "speech" / "espeak_answer_16k.txt")
    .read_text(encoding="utf-8")
    .strip()
)
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# The fixed English phrases of every explanation and cap (quotes of the answer and of the points aside).
ENGLISH = re.compile(
    r"\b(?:Covers|expected points|figures|named tools|sentences with|STAR by meaning|parts (?:told|present)|"
    r"missing:|On the question asked|probability|quality|By meaning|against other questions|Keyword list|"
    r"buzzwords without|Padding|General claims|Only \d|far too short|Delivery|words/min|fillers|long pauses|"
    r"within|outside|at most|hedges|none|reasoning|The answer says|Off the question|Off topic|Shares|"
    r"job-description|Very short|Short \(|No answer|No rubric|first-person)\b"
)

QUESTIONS = {
    "fr": "Qu'est-ce qu'un index dans une base de données, et quand un index peut-il nuire ?",
    "hi": "डेटाबेस में index क्या होता है, और index कब नुकसान कर सकता है?",
}
POINTS = {
    "fr": [
        "Un index accélère les recherches comme l'index d'un livre",
        "Structure typique en arbre B",
        "Ralentit les écritures et occupe de l'espace",
        "Les index peu sélectifs ou inutilisés gaspillent des ressources",
    ],
    "hi": [
        "Index किताब की सूची की तरह खोज तेज़ करता है",
        "आम तौर पर B-tree संरचना",
        "लिखने की गति धीमी करता है और जगह लेता है",
        "कम चयनात्मक या बिना उपयोग वाले index संसाधन बर्बाद करते हैं",
    ],
}
ANSWERS = {
    "fr": {
        "good": (
            "Un index est une structure triée à part, le plus souvent un arbre B, qui permet à la base d'aller "
            "directement aux lignes voulues au lieu de parcourir toute la table. Dans mon dernier poste, j'ai "
            "ajouté un index composite qui a fait passer un rapport de 6 secondes à 40 millisecondes. Mais chaque "
            "insertion doit aussi mettre l'index à jour, donc les tables très sollicitées en écriture ralentissent."
        ),
        "stuffed": (
            "Situation : index, arbre B. Tâche : performance. Action : j'ai analysé, optimisé, priorisé. "
            "Outils : SQL, PostgreSQL, MySQL, Redis, Kafka. Résultat : 100 % de succès, bonnes pratiques, impact."
        ),
        "dont_know": "Je ne sais pas.",
    },
    "hi": {
        "good": (
            "Index एक अलग sorted संरचना है, आम तौर पर B-tree, जिससे database पूरी table पढ़े बिना सीधे सही rows "
            "तक पहुँच जाता है। मेरी पिछली नौकरी में मैंने एक composite index जोड़ा और एक report 6 सेकंड से 40 "
            "मिलीसेकंड में आने लगी। लेकिन हर insert और update पर index भी बदलना पड़ता है, इसलिए ज़्यादा लिखने "
            "वाली tables धीमी हो जाती हैं।"
        ),
        "stuffed": (
            "स्थिति: index, B-tree. काम: performance. कदम: मैंने analyse, optimise, prioritise किया. "
            "Tools: SQL, PostgreSQL, MySQL, Redis, Kafka. नतीजा: 100 % सफलता, best practices, impact."
        ),
        "dont_know": "मुझे नहीं पता।",
    },
}
SPOKEN = DeliveryMetrics(
    word_count=60,
    words_per_minute=185,
    speaking_time_s=20,
    filler_count=9,
    fillers_per_100_words=15,
    long_pauses=[Pause(start=1, end=4), Pause(start=8, end=11), Pause(start=14, end=17)],
    hedging_count=4,
)


def _input(language: str, kind: str, behavioural: bool, with_meaning: bool = True) -> ScoringInput:
    answer = ANSWERS[language][kind]
    meaning = None
    if with_meaning:
        embedder = shared_loader().get()
        assert embedder is not None, shared_loader().error
        meaning = measure(embedder, QUESTIONS[language], answer, POINTS[language])
    return ScoringInput(
        question=QUESTIONS[language],
        expected_points=POINTS[language],
        behavioural=behavioural,
        transcript=answer,
        delivery=SPOKEN,
        meaning=meaning,
    )


def _texts(result: AnswerScore) -> list[str]:
    return [c.explanation for c in result.criteria] + result.caps


def _without_quotes(text: str, language: str) -> str:
    """The wording alone: quotes of the answer, of another question and of the expected points left out."""
    for quoted in [
        *POINTS[language],
        *(s for a in ANSWERS[language].values() for s in re.split(r"(?<=[.।])\s+", a)),
    ]:
        text = text.replace(quoted, "")
    return re.sub(r"«[^»]*»|\"[^\"]*\"", "", text)


@pytest.mark.parametrize("language", ["fr", "hi"])
def test_criteria_and_caps_by_meaning_are_in_the_interview_language(language: str) -> None:
    results = [
        score_answer(_input(language, "good", behavioural=False), language),
        score_answer(_input(language, "stuffed", behavioural=True), language),
        score_answer(_input(language, "dont_know", behavioural=True), language),
    ]
    assert all(r.method == "meaning" for r in results)
    # Every criterion, the delivery one included, and the caps of gaming and non-answers are exercised.
    assert {c.name for r in results for c in r.criteria} >= {
        "relevance",
        "structure",
        "specificity",
        "delivery",
    }
    assert results[1].stuffed and results[2].dont_know and results[1].caps and results[2].caps
    for text in (t for r in results for t in _texts(r)):
        assert not ENGLISH.search(_without_quotes(text, language)), text
        if language == "hi":
            assert DEVANAGARI.search(text), text
        else:
            assert re.search(r"\b(?:la|les|des|de|du|sur|réponse|mots?|chiffres)\b", text), text


def test_the_wording_language_never_changes_a_score() -> None:
    for kind, behavioural in (("good", False), ("stuffed", True), ("dont_know", True)):
        data = _input("fr", kind, behavioural)
        english, french = score_answer(data, "en"), score_answer(data, "fr")
        assert english.score == french.score
        assert [(c.name, c.score, c.weight) for c in english.criteria] == [
            (c.name, c.score, c.weight) for c in french.criteria
        ]
        assert len(english.caps) == len(french.caps)
        assert _texts(english) != _texts(french)


def test_the_keyword_fallback_explains_in_french() -> None:
    results = [
        score_answer(_input("fr", "good", behavioural=True, with_meaning=False), "fr"),
        score_answer(_input("fr", "dont_know", behavioural=False, with_meaning=False), "fr"),
        score_answer(ScoringInput(question=QUESTIONS["fr"], transcript=""), "fr"),
    ]
    assert all(r.method != "meaning" for r in results)
    assert results[1].caps and results[2].caps == ["Aucune réponse n'a été donnée."]
    for text in (t for r in results for t in _texts(r)):
        assert not ENGLISH.search(_without_quotes(text, "fr")), text
    completeness = next(c for c in results[0].criteria if c.name == "completeness")
    assert completeness.explanation.startswith("Couvre ")


@pytest.mark.parametrize(
    ("language", "told"),
    [("fr", "Probabilité que la réponse porte sur la question posée"), ("hi", "पूछे गए प्रश्न पर होने की संभावना")],
    ids=["fr", "hi"],
)
def test_the_performance_report_quotes_the_explanations_in_the_interview_language(
    tmp_path: Path, language: str, told: str
) -> None:
    engine = OfflineEngine(load_bank(write_bank(tmp_path / "bank")))
    config = InterviewConfig(job_title="Backend Engineer", question_count=5, language=Language(language))
    session = InterviewSession(config=config)
    session.questions = engine.plan_questions(config, None)
    for question, text in zip(session.questions, [STRONG, STRONG, "Oui.", STRONG, STRONG], strict=True):
        session.answers.append(Answer(session_id=session.id, question_id=question.id, transcript=text))
    qualitative = engine.performance_report(session).qualitative_analysis
    assert told in qualitative
    few = {"fr": "Seulement 1 mot", "hi": "केवल 1 शब्द"}[language]
    assert few in qualitative
    for english in ("By meaning", "On the question asked", "Only 1 word", "far too short"):
        assert english not in qualitative
