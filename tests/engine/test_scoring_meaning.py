"""Scoring by meaning with the real bundled e5 model: gaming earns nothing, meaning counts across wording and
languages, wrong-question and "I don't know" answers are told apart, and the same input gives the same score."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.scoring import AnswerScore, ScoringInput, score_answer
from mockmate_desktop.engine.semantic.loader import shared_loader
from mockmate_desktop.engine.semantic.measure import measure

QUESTION = "What is an index in a database, and when can an index hurt?"
POINTS = [
    "Index speeds lookups like a book index",
    "Typical B-tree structure",
    "Slows writes and uses storage",
    "Low-selectivity or unused indexes waste resources",
]
WORDED = (
    "An index is a separate sorted structure, usually a B-tree, that lets the database jump to the matching "
    "rows instead of scanning the whole table, like the index at the back of a book. In my last job a "
    "composite index on customer_id and created_at took a report query from 6 seconds to 40 milliseconds. "
    "But every insert and update must also maintain the index, so heavy write tables get slower, and each "
    "index uses disk and memory. An index on a low-selectivity column like a boolean, or one that no query "
    "uses, costs all that for nothing, so I check the usage statistics and drop unused ones."
)
SYNONYM = (
    "Think of it as a sorted lookup table kept beside the data, normally a balanced tree, so the engine can "
    "go straight to the rows it needs rather than reading every page. At my previous company one such "
    "structure on two columns cut a monthly report from six seconds to forty milliseconds. The price is paid "
    "on every write: each new or changed row has to be placed in that tree too, and it takes space on disk "
    "and in RAM. On a yes-or-no column it barely narrows anything down, and some are never read by any query "
    "at all, so I review the usage statistics and remove the dead ones."
)
VAGUE = (
    "Indexes are about database performance. They are very useful and every good developer should know them."
)
STUFFED = (
    "Situation: index, B-tree. Task: performance. Action: I analysed, optimised, prioritised and delivered. "
    "Tools: SQL, PostgreSQL, MySQL, Redis, Kafka. Result: 100% success, best practices, scalability, impact."
)
WRONG = (
    "When two teammates disagreed about the release date, I met each of them separately, listened to their "
    "concerns and proposed a plan with a smaller first release. We shipped on time, the client was happy and "
    "both of them still work well together; I learned to bring facts to a disagreement early."
)


def _score(
    text: str, question: str = QUESTION, points: list[str] | None = None, behavioural: bool = False
) -> AnswerScore:
    embedder = shared_loader().get()
    assert embedder is not None, shared_loader().error
    wanted = POINTS if points is None else points
    signals = measure(embedder, question, text, wanted)
    return score_answer(
        ScoringInput(
            question=question,
            expected_points=wanted,
            behavioural=behavioural,
            transcript=text,
            meaning=signals,
        )
    )


def test_model_loads_from_the_package_and_scores_by_meaning() -> None:
    result = _score(WORDED)
    assert result.method == "meaning" and "e5" in result.model
    assert result.score >= 6.0


def test_keyword_stuffing_earns_nothing() -> None:
    stuffed = _score(STUFFED)
    assert stuffed.stuffed and stuffed.score <= 2.0
    assert stuffed.score <= _score(VAGUE).score + 0.5
    assert any("buzzwords" in cap for cap in stuffed.caps)


def test_meaning_without_the_words_scores_well_above_a_vague_answer() -> None:
    assert _score(SYNONYM).score >= _score(VAGUE).score + 2.0


@pytest.mark.xfail(
    strict=True,
    reason="issue 13 target not met on this example: the synonym-only index answer scores 7.0 against 8.2 for "
    "the worded one (1.2 apart) with the learned combination; held-out means in the issue note",
)
def test_meaning_without_the_words_is_within_one_point_of_the_worded_answer() -> None:
    assert abs(_score(WORDED).score - _score(SYNONYM).score) <= 1.0


def test_padding_and_repetition_earn_nothing() -> None:
    partial = "An index makes queries faster in the database, for example on the email column."
    padded = (
        "Um, so, basically, that is a really good question. "
        + (partial + " Like I said, basically, it is really, really important. ") * 4
    )
    result = _score(padded)
    assert result.padded and result.score <= _score(partial).score + 0.5


def test_right_answer_to_the_wrong_question_is_off_topic_and_said_so() -> None:
    result = _score(WRONG)
    assert result.off_topic and result.score <= 2.0
    assert any("Off the question" in cap for cap in result.caps)


def test_dont_know_is_told_apart_from_an_off_topic_answer() -> None:
    unknown = _score("I don't know, sorry. I have never done that.")
    hobby = _score("I love cooking Italian food for my friends and I play football every Sunday in the park.")
    assert unknown.dont_know and not hobby.dont_know
    assert hobby.off_topic and unknown.score <= 1.0


def test_each_point_is_covered_partly_or_missing_with_a_verbatim_quote() -> None:
    result = _score(WORDED)
    assert [p.point for p in result.points] == POINTS
    assert {p.status for p in result.points} <= {"covered", "partly", "missing"}
    assert any(p.status == "covered" for p in result.points)
    for p in result.points:
        assert (p.quote in WORDED) if p.status != "missing" else p.quote == ""


def test_first_person_actions_count_for_star_without_a_fixed_verb_list() -> None:
    story = (
        "Last year our billing database had to move to PostgreSQL before the old licence expired. "
        "I owned the migration. I planned the cut over for a Sunday night and wrote the runbook. "
        "As a result the switch took 40 minutes instead of two hours and no invoice was lost."
    )
    result = _score(
        story,
        question="Tell me about a time you led a risky technical change.",
        points=["Context and stakes", "Their own actions", "Measured result"],
        behavioural=True,
    )
    assert result.star is not None and result.star.action and result.star.result
    assert "40" in result.numbers


@pytest.mark.parametrize("language", ["fr", "hi"])
def test_the_same_answer_scores_within_one_point_across_languages(language: str) -> None:
    question = {
        "en": "How would you find and fix a slow database query?",
        "fr": "Comment trouveriez-vous et corrigeriez-vous une requête de base de données lente ?",
        "hi": "आप धीमी डेटाबेस क्वेरी को कैसे खोजेंगे और ठीक करेंगे?",
    }
    answer = {
        "en": "I would turn on the slow query log and run EXPLAIN on the worst query. It scanned the whole "
        "table, so I added an index on the filter column. The p95 dropped from eight seconds to 400 ms.",
        "fr": "J'activerais le journal des requêtes lentes et je lancerais EXPLAIN sur la pire requête. Elle "
        "parcourait toute la table, donc j'ai ajouté un index sur la colonne filtrée. Le p95 est passé de "
        "huit secondes à 400 ms.",
        "hi": "मैं स्लो क्वेरी लॉग चालू करूँगा और सबसे खराब क्वेरी पर EXPLAIN चलाऊँगा। वह पूरी टेबल स्कैन "
        "कर रही थी, इसलिए मैंने फ़िल्टर कॉलम पर इंडेक्स जोड़ा। p95 आठ सेकंड से 400 ms पर आ गया।",
    }
    points = [
        "Reads the query plan with EXPLAIN",
        "Adds an index on filtered columns",
        "Measures before and after",
    ]
    english = _score(answer["en"], question["en"], points).score
    other = _score(answer[language], question[language], points).score
    assert abs(english - other) <= 1.0


def test_same_input_same_score() -> None:
    first, second = _score(SYNONYM), _score(SYNONYM)
    assert first.model_dump() == second.model_dump()
