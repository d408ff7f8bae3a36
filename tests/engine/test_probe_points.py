"""A follow-up probe's points are read from the reply's structure as well as its meaning (issue 13).

Seen in a French interview: after "Pouvez-vous être concret : prenez un cas réel, qu'avez-vous fait, et avec
quoi ?" to an SQL window-functions question, a reply that told a real case with its own actions and a figure
was reported "manquants : Un cas réel". The rubric's points name moves of the reply, not topics, so the
sentence model could not see them. Real components throughout: the bank, the e5 model, the offline engine.
"""

from __future__ import annotations

import re
from uuid import uuid4

import pytest

from mockmate_desktop.domain.config import InterviewConfig
from mockmate_desktop.domain.enums import Language, Source
from mockmate_desktop.domain.interview import Answer, InterviewSession, Question
from mockmate_desktop.domain.probe_evidence import READERS, probe_point_count
from mockmate_desktop.domain.scoring import AnswerScore
from mockmate_desktop.domain.scoring_meaning import PointCoverage
from mockmate_desktop.engine.offline.assess import score_turn
from mockmate_desktop.engine.offline.bank import BankEntry, QuestionBank, load_bank
from mockmate_desktop.engine.offline.engine import OfflineEngine
from mockmate_desktop.engine.offline.follow_up_texts import PROBE_POINTS, probe, probe_points
from tests.support.follow_up_replies import score_probe_reply

WINDOW_ANSWER = {
    Language.EN: "A window function computes a value over rows related to the current row without grouping "
    "them: ROW_NUMBER, RANK or SUM with OVER, PARTITION BY and ORDER BY.",
    Language.FR: "Une fonction analytique calcule une valeur sur des lignes liées à la ligne courante sans les "
    "regrouper : ROW_NUMBER, RANK ou SUM avec OVER, PARTITION BY et ORDER BY.",
    Language.HI: "Window function हर row के लिए उससे जुड़ी rows पर एक value निकालता है, उन्हें group किए बिना: "
    "ROW_NUMBER, RANK या SUM को OVER, PARTITION BY और ORDER BY के साथ।",
}
# A real case, the speaker's own actions (two sentences), a tool and a figure.
CONCRETE_REPLY = {
    Language.EN: "At a retailer last year I ranked the stores of each region with RANK() OVER (PARTITION BY "
    "region ORDER BY sales) in PostgreSQL. I replaced the three old scripts with one query and I checked the "
    "totals against the finance report. The monthly report now runs in two seconds instead of forty.",
    Language.FR: "Chez un distributeur l'an dernier, j'ai classé les magasins de chaque région avec RANK() OVER "
    "(PARTITION BY region ORDER BY ventes) dans PostgreSQL. J'ai remplacé les trois anciens scripts par une "
    "seule requête et j'ai vérifié les totaux avec le rapport financier. Le rapport mensuel tourne maintenant "
    "en deux secondes au lieu de quarante.",
    Language.HI: "पिछले साल एक retail company में मैंने PostgreSQL में RANK() OVER (PARTITION BY region ORDER BY "
    "sales) से हर region की दुकानों की ranking बनाई। मैंने तीन पुरानी scripts की जगह एक query लिखी और totals "
    "को finance report से मिलाकर जाँचा। अब monthly report चालीस की जगह 2 सेकंड में चलती है।",
}
VAGUE_REPLY = {
    Language.EN: "I always try my best and work with the team.",
    Language.FR: "J'essaie toujours de faire de mon mieux et je travaille avec l'équipe.",
    Language.HI: "मैं हमेशा अपनी पूरी कोशिश करता हूँ और टीम के साथ काम करता हूँ।",
}
DONT_KNOW = {Language.EN: "I don't know.", Language.FR: "Je ne sais pas.", Language.HI: "मुझे नहीं पता।"}
KEYWORDS = "Python, SQL, Docker, teamwork, results"
LANGUAGES = [Language.EN, Language.FR, Language.HI]


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank()


def _entry(bank: QuestionBank, words: str) -> BankEntry:
    return next(e for e in bank.entries if words in e.text[Language.EN].lower())


def _reply_score(
    bank: QuestionBank, entry: BankEntry, language: Language, key: str, first: str, reply: str
) -> AnswerScore:
    score = score_probe_reply(bank, entry, language, key, first, reply)
    assert score.method == "meaning", "the sentence model is installed: these replies are read by meaning"
    return score


def _point(score: AnswerScore, key: str, index: int, language: Language) -> PointCoverage:
    wanted = probe_points(key, language)[index]
    return next(p for p in score.points if p.point == wanted)


def test_every_probe_point_has_a_reader_in_every_language() -> None:
    assert {key for key, _ in READERS} == set(PROBE_POINTS)
    for key, table in PROBE_POINTS.items():
        assert sorted(i for k, i in READERS if k == key) == list(range(probe_point_count(key)))
        for language, points in table.items():
            assert len(points) == probe_point_count(key), (key, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_real_case_with_own_actions_covers_the_concrete_probe_with_its_sentence(
    bank: QuestionBank, language: Language
) -> None:
    reply = CONCRETE_REPLY[language]
    score = _reply_score(
        bank, _entry(bank, "window function"), language, "concrete", WINDOW_ANSWER[language], reply
    )
    real_case, tools, own_actions = (_point(score, "concrete", i, language) for i in range(3))
    # Before: "Un cas réel" / "One real case" / "एक असली उदाहरण" reported missing beside this very reply.
    for point in (real_case, tools, own_actions):
        assert point.status == "covered", (point, score.points)
        assert point.basis == "structure" or point.similarity >= 3.0, point
        assert point.quote and point.quote in reply, point  # a sentence of the reply, verbatim
        # What shows it (the setting, the tools, the actions) is read in the reply as written.
        assert point.shown_by and all(part in reply for part in re.split(r"; |, ", point.shown_by)), point
    assert (
        real_case.point
        == {"en": "One real case", "fr": "Un cas réel", "hi": "एक असली उदाहरण"}[language.value]
    )
    assert "PostgreSQL" in tools.shown_by
    assert not score.missing_points
    completeness = score.criterion("completeness")
    assert completeness is not None and completeness.score >= 9.0, completeness
    assert real_case.quote in completeness.evidence  # the report cites the sentence that shows the case


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_vague_reply_shows_no_real_case_nor_own_actions(bank: QuestionBank, language: Language) -> None:
    entry = _entry(bank, "window function")
    score = _reply_score(bank, entry, language, "concrete", WINDOW_ANSWER[language], VAGUE_REPLY[language])
    assert _point(score, "concrete", 0, language).status == "missing"
    own_actions = _point(score, "concrete", 2, language)
    # The meaning reading may find a habit "partly" like actions; the structure never adds to it.
    assert own_actions.status != "covered" and own_actions.basis == "meaning", own_actions
    assert all(p.basis == "meaning" for p in score.points)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dont_know_and_a_keyword_list_get_no_structural_credit_and_stay_capped(
    bank: QuestionBank, language: Language
) -> None:
    entry = _entry(bank, "window function")
    unsure = _reply_score(bank, entry, language, "concrete", WINDOW_ANSWER[language], DONT_KNOW[language])
    assert unsure.dont_know and unsure.score <= 1.0, unsure.caps
    stuffed = _reply_score(bank, entry, language, "concrete", WINDOW_ANSWER[language], KEYWORDS)
    # The list names tools, but nothing was done with them: held down as a keyword list.
    assert stuffed.stuffed and stuffed.score <= 1.5, stuffed.caps
    for score in (unsure, stuffed):
        assert all(p.status == "missing" and p.basis == "meaning" for p in score.points), score.points


def test_a_story_about_something_else_gets_no_structural_credit(bank: QuestionBank) -> None:
    # A real case with own actions and figures, but not about window functions: the probe's words ("one real
    # case, what did you do") fit any story, so meaning does not call it off topic; the structure must not
    # then hand it the probe's points.
    bakery = (
        "At a bakery last year I baked two hundred croissants every morning. I cleaned the ovens and I served "
        "the customers at the counter."
    )
    entry = _entry(bank, "window function")
    score = _reply_score(bank, entry, Language.EN, "concrete", WINDOW_ANSWER[Language.EN], bakery)
    assert all(p.basis == "meaning" for p in score.points), score.points
    assert _point(score, "concrete", 0, Language.EN).status == "missing"


WHY_REPLY = {
    Language.EN: "We chose Kafka rather than RabbitMQ because we needed to replay a week of order events after "
    "an outage, and Kafka keeps them on disk.",
    Language.FR: "Nous avons choisi Kafka plutôt que RabbitMQ parce qu'il fallait rejouer une semaine "
    "d'événements de commande après une panne, et Kafka les garde sur disque.",
    Language.HI: "हमने RabbitMQ के बजाय Kafka चुना क्योंकि outage के बाद हमें एक हफ़्ते के order events दोबारा "
    "चलाने थे, और Kafka उन्हें disk पर रखता है।",
}
QUEUE_ANSWER = {
    Language.EN: "I would put a message queue between them; I used Kafka for our order events.",
    Language.FR: "Je mettrais une file de messages entre eux ; j'ai utilisé Kafka pour nos événements de commande.",
    Language.HI: "मैं उनके बीच message queue रखूँगा; मैंने order events के लिए Kafka इस्तेमाल किया।",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_naming_the_alternative_covers_the_why_probe(bank: QuestionBank, language: Language) -> None:
    entry = _entry(bank, "message queue between two services")
    reply = WHY_REPLY[language]
    score = _reply_score(bank, entry, language, "why", QUEUE_ANSWER[language], reply)
    alternative, reason = _point(score, "why", 0, language), _point(score, "why", 1, language)
    assert alternative.status == "covered" and reason.status == "covered", score.points
    assert alternative.quote == reply and reason.quote == reply
    vague = {
        Language.EN: "Kafka is a good tool and many teams like it a lot in many companies.",
        Language.FR: "Kafka est un bon outil et beaucoup d'équipes l'aiment bien dans beaucoup d'entreprises.",
        Language.HI: "Kafka एक अच्छा tool है और बहुत सी कंपनियों में बहुत सी टीमें इसे पसंद करती हैं।",
    }[language]
    loose = _reply_score(bank, entry, language, "why", QUEUE_ANSWER[language], vague)
    assert _point(loose, "why", 0, language).status == "missing", loose.points


def test_the_follow_up_question_carries_its_probe_to_the_scorer(bank: QuestionBank) -> None:
    """The whole path: the engine asks "make that concrete", the question remembers the probe, and the reply
    to it is read by structure. A bank follow-up keeps the bank's points and no probe."""
    engine = OfflineEngine(bank)
    entry = _entry(bank, "window function")
    session = InterviewSession(config=InterviewConfig(job_title="Data Analyst", question_count=5))
    main = Question(
        session_id=session.id,
        position=0,
        text=entry.text_in(Language.EN) or "",
        source=Source.OFFLINE,
        expected_points=list(entry.points_in(Language.EN)),
    )
    session.questions = [main]
    vague = (
        "Well I would look at it carefully and try different things until it is better, talk with people "
        "about it and then see what happens and keep going until everybody is happy with it."
    )
    first = Answer(session_id=session.id, question_id=main.id, transcript=vague)
    session.answers = [first]
    follow = engine.decide_follow_up(session, main, first)
    assert follow is not None and follow.text.endswith(probe("concrete", Language.EN))
    assert follow.probe == "concrete" and follow.expected_points == probe_points("concrete", Language.EN)
    session.questions.append(follow)
    reply = Answer(session_id=session.id, question_id=follow.id, transcript=CONCRETE_REPLY[Language.EN])
    session.answers.append(reply)
    _found, _behavioural, score = score_turn(session, bank, follow, reply, [])
    assert _point(score, "concrete", 0, Language.EN).basis == "structure"
    assert not score.missing_points

    short = "I use ROW_NUMBER() OVER (PARTITION BY customer ORDER BY day) in PostgreSQL to number orders."
    second = main.model_copy(update={"id": uuid4(), "position": 2})
    session.questions.append(second)
    answer = Answer(session_id=session.id, question_id=second.id, transcript=short)
    session.answers.append(answer)
    from_bank = engine.decide_follow_up(session, second, answer)
    assert from_bank is not None and from_bank.text.endswith(entry.follow_ups_in(Language.EN)[0])
    assert from_bank.probe == ""  # its points are the bank's: read by meaning alone


STORY = {
    Language.EN: "In my last job I disagreed with a teammate about the API design. I set up a meeting and we "
    "compared both designs on a small prototype.",
    Language.FR: "Dans mon dernier poste, je n'étais pas d'accord avec un collègue sur la conception de l'API. "
    "J'ai organisé une réunion et nous avons comparé les deux conceptions.",
    Language.HI: "मेरी पिछली नौकरी में API design पर एक साथी से मेरी असहमति थी। मैंने meeting रखी और हमने दोनों "
    "designs की तुलना की।",
}
# Refers back to the story in few words ("his design"), gives a figure and says how they knew.
RESULT_REPLY = {
    Language.EN: "In the end we shipped his design with my caching idea, and the p95 latency fell from 800 to "
    "300 milliseconds. I knew because we tracked it on the Grafana dashboard for two weeks.",
    Language.FR: "Au final, nous avons livré sa conception avec mon cache, et la latence est passée de 800 à 300 "
    "millisecondes. Je l'ai su parce que nous l'avons suivie sur le tableau de bord Grafana pendant deux semaines.",
    Language.HI: "आख़िर में हमने उसका design मेरे caching idea के साथ ship किया, और p95 latency 800 से घटकर 300 "
    "milliseconds रह गई। यह हमें Grafana dashboard पर दो हफ़्ते देखने से पता चला।",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_result_with_a_figure_and_a_source_covers_the_star_result_probe(
    bank: QuestionBank, language: Language
) -> None:
    entry = _entry(bank, "disagreement you had in a team")
    reply = RESULT_REPLY[language]
    score = _reply_score(bank, entry, language, "star_result", STORY[language], reply)
    result, known = _point(score, "star_result", 0, language), _point(score, "star_result", 1, language)
    assert result.status == "covered" and known.status == "covered", score.points
    assert "800" in result.quote and result.quote in reply
    assert known.quote in reply and known.shown_by in known.quote
    if language is Language.EN:
        assert known.shown_by == "tracked"
    shrug = _reply_score(
        bank,
        entry,
        Language.EN,
        "star_result",
        STORY[Language.EN],
        "It was fine I think, everyone was happy with how things went with the design in general.",
    )
    assert all(p.status == "missing" for p in shrug.points), shrug.points
