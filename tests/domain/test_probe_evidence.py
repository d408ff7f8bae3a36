"""The structural readers of a follow-up probe's points (domain/probe_evidence.py), in en, fr and hi."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain.probe_evidence import (
    DEFAULT_CONFIG,
    Evidence,
    ProbeReply,
    alternative_named,
    change_named,
    cost_named,
    first_step,
    how_known,
    own_actions,
    own_responsibility,
    probe_evidence,
    real_case,
    reason_given,
    result,
    result_with_figure,
    tied_to,
    tools_named,
    when_otherwise,
)
from mockmate_desktop.domain.scoring import AnswerScore, ScoringInput, score_answer
from mockmate_desktop.domain.scoring_meaning import PointCoverage, with_structure

CASE = {
    "en": "At a retailer last year I ranked the stores of each region in PostgreSQL.",
    "fr": "Chez un distributeur l'an dernier, j'ai classé les magasins de chaque région dans PostgreSQL.",
    "hi": "पिछले साल एक retail company में मैंने PostgreSQL में हर region की दुकानों की ranking बनाई।",
}


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_past_action_with_its_setting_is_one_real_case(language: str) -> None:
    found = real_case([CASE[language]], DEFAULT_CONFIG)
    assert found is not None and found.status == "covered" and found.quote == CASE[language]
    assert found.shown_by in CASE[language]


def test_a_setting_told_in_its_own_sentence_makes_the_story_one_real_case() -> None:
    story = ["Last year our payment service went down during a sale.", "I rolled back the release."]
    assert real_case(story, DEFAULT_CONFIG) == Evidence("covered", story[0], "Last year")
    # A setting with nothing done is a scene, not a case; a figure elsewhere is a detail, not a setting.
    assert real_case(story[:1], DEFAULT_CONFIG) is None
    detail = real_case(["I rolled back the release.", "It took 20 minutes."], DEFAULT_CONFIG)
    assert detail is not None and detail.status == "partly"


def test_a_past_action_without_a_setting_figure_or_tool_is_partly_a_case() -> None:
    found = real_case(["I talked to the people involved about the problem."], DEFAULT_CONFIG)
    assert found == Evidence("partly", "I talked to the people involved about the problem.", "I talked")


@pytest.mark.parametrize(
    "habit",
    [
        "I always try my best and work with the team.",
        "J'essaie toujours de faire de mon mieux et je travaille avec l'équipe.",
        "मैं हमेशा अपनी पूरी कोशिश करता हूँ और टीम के साथ काम करता हूँ।",
        "I'd use PostgreSQL at a retailer for that.",  # a plan, not something done
        "I need to work with the team at a company like ours.",  # a need, though "need" ends in -ed
        "I used to like SQL a lot.",  # a habit
        "J'ai toujours aimé le travail en équipe chez un client.",
        "J'ai besoin de collègues motivés.",
    ],
)
def test_a_habit_or_a_plan_is_no_real_case_and_no_action(habit: str) -> None:
    assert real_case([habit], DEFAULT_CONFIG) is None
    assert own_actions([habit], DEFAULT_CONFIG) is None


def test_own_actions_need_two_sentences_where_the_speaker_acts() -> None:
    # `answer_signals.own_steps` would count both of these first-person sentences as steps.
    assert own_actions(["I always try my best.", "I work with the team every day."], DEFAULT_CONFIG) is None
    one = own_actions(["I rewrote the query with a window function."], DEFAULT_CONFIG)
    assert one is not None and one.status == "partly"
    two = own_actions(["J'ai réécrit la requête.", "J'ai vérifié les totaux."], DEFAULT_CONFIG)
    assert two == Evidence("covered", "J'ai réécrit la requête.", "J'ai réécrit; J'ai vérifié")
    hindi = own_actions(["मैंने query दोबारा लिखी।", "मैंने totals जाँचे।"], DEFAULT_CONFIG)
    assert hindi is not None and hindi.status == "covered"


def test_tools_are_quoted_as_written() -> None:
    found = tools_named(
        ["Nothing special here.", "We moved the reports to Postgres and dbt."], DEFAULT_CONFIG
    )
    assert found is not None and found.quote == "We moved the reports to Postgres and dbt."
    assert "Postgres" in found.shown_by and "dbt" in found.shown_by


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        ("We chose Kafka rather than RabbitMQ for the replay.", "rather than"),
        ("Nous avons pris Kafka au lieu de RabbitMQ pour rejouer les événements.", "au lieu de"),
        ("Nous avons choisi Kafka plutôt que RabbitMQ.", "plutôt que"),
        ("हमने RabbitMQ के बजाय Kafka चुना।", "के बजाय"),
        ("हमने RabbitMQ की जगह Kafka लगाया।", "की जगह"),
    ],
)
def test_the_alternative_is_named_by_a_comparison_marker(sentence: str, marker: str) -> None:
    assert alternative_named([sentence], DEFAULT_CONFIG) == Evidence("covered", sentence, marker)


def test_a_choice_alone_names_no_alternative_and_no_reason() -> None:
    for said in ("We chose Kafka for the order events.", "हमने Kafka चुना।", "Nous avons choisi Kafka."):
        assert alternative_named([said], DEFAULT_CONFIG) is None
        assert reason_given([said], DEFAULT_CONFIG) is None


def test_a_reason_in_each_language_and_never_the_english_car() -> None:
    assert reason_given(["I drove the car to the data centre twice."], DEFAULT_CONFIG) is None
    for said in (
        "We kept it because replays mattered.",
        "On l'a gardé car il permet de rejouer les événements.",
        "हमने इसे रखा क्योंकि replay ज़रूरी था।",
    ):
        found = reason_given([said], DEFAULT_CONFIG)
        assert found is not None and found.status == "covered", said


def test_a_result_with_a_figure_is_covered_and_without_one_partly() -> None:
    sized = result_with_figure(["The report now runs in 2 seconds instead of 40."], DEFAULT_CONFIG)
    assert sized == Evidence("covered", "The report now runs in 2 seconds instead of 40.", "2")
    # A year dates the story; it does not size the result.
    dated = result_with_figure(["We shipped the new report in 2021."], DEFAULT_CONFIG)
    assert dated is not None and dated.status == "partly" and dated.shown_by == "shipped"
    french = result_with_figure(["Le temps de réponse a baissé de 30 %."], DEFAULT_CONFIG)
    assert french is not None and french.status == "covered"
    hindi = result_with_figure(["रिपोर्ट का समय 40 से घटकर 2 सेकंड रह गया।"], DEFAULT_CONFIG)
    assert hindi is not None and hindi.status == "covered"
    # "I worked at a bank" starts a story; it does not end one.
    assert result(["I worked at a bank on their payment systems."], DEFAULT_CONFIG) is None


@pytest.mark.parametrize(
    "ending",
    [
        "He agreed, we fixed both findings, and the audit later passed with no issues.",
        "L'audit a été validé sans problème.",
        "दो हफ़्ते बाद audit पास हो गया।",
    ],
)
def test_an_audit_that_passed_is_a_result(ending: str) -> None:
    # The report's STAR chips showed the result told while the follow-up's "The result" point was missing.
    found = result(["I showed him the two open findings.", ending], DEFAULT_CONFIG)
    assert found is not None and found.quote == ending


@pytest.mark.parametrize(
    "said",
    [
        "I checked the totals against the finance report.",
        "J'ai vérifié les totaux avec le rapport financier.",
        "मैंने totals को finance report से मिलाकर जाँचा।",
        "We saw it on the Grafana dashboard the next morning.",
    ],
)
def test_how_they_knew_is_a_check_or_a_measurement(said: str) -> None:
    found = how_known([said], DEFAULT_CONFIG)
    assert found is not None and found.quote == said


def test_responsibility_cost_and_when_otherwise() -> None:
    assert own_responsibility(["My role was to cut the report's run time."], DEFAULT_CONFIG) is not None
    assert own_responsibility(["J'étais responsable du rapport mensuel."], DEFAULT_CONFIG) is not None
    assert own_responsibility(["मेरी ज़िम्मेदारी monthly report की थी।"], DEFAULT_CONFIG) is not None
    cost = cost_named(["The downside was more disk space for a week of events."], DEFAULT_CONFIG)
    assert cost is not None and cost.status == "covered"
    weighed = cost_named(["However, the team needed some time."], DEFAULT_CONFIG)
    assert weighed is not None and weighed.status == "partly"
    assert when_otherwise(["If we only needed simple work queues, I would pick RabbitMQ."], DEFAULT_CONFIG)
    assert when_otherwise(["Si on avait peu de messages, je choisirais RabbitMQ."], DEFAULT_CONFIG)
    assert when_otherwise(["अगर messages कम हों तो RabbitMQ बेहतर रहेगा।"], DEFAULT_CONFIG)
    assert when_otherwise(["We used Kafka for the order events."], DEFAULT_CONFIG) is None


def test_a_change_is_covered_and_a_lesson_alone_partly() -> None:
    change = change_named(["Next time I would write the tests first."], DEFAULT_CONFIG)
    assert change is not None and change.status == "covered"
    french = change_named(["J'aurais dû prévenir l'équipe plus tôt."], DEFAULT_CONFIG)
    assert french is not None and french.status == "covered"
    hindi = change_named(["अगली बार मैं पहले tests लिखूँगा।"], DEFAULT_CONFIG)
    assert hindi is not None and hindi.status == "covered"
    lesson = change_named(["I learned a lot from it."], DEFAULT_CONFIG)
    assert lesson is not None and lesson.status == "partly"
    assert change_named(["I would say it went well overall."], DEFAULT_CONFIG) is None


def test_a_first_step() -> None:
    for said in (
        "First I would read the query plan.",
        "Je commencerais par lire le plan d'exécution.",
        "सबसे पहले मैं query plan पढ़ूँगा।",
    ):
        assert first_step([said], DEFAULT_CONFIG) is not None, said
    assert first_step(["It is hard to say."], DEFAULT_CONFIG) is None


def test_headings_and_keyword_lists_are_never_evidence() -> None:
    assert probe_evidence("concrete", ["Python, SQL, Docker, teamwork, results"]) == [None, None, None]
    assert probe_evidence("star_result", ["Result: 100%"]) == [None, None]


def test_each_point_in_rubric_order_and_nothing_for_an_unknown_probe() -> None:
    found = probe_evidence("why", ["We picked Kafka rather than RabbitMQ because replays mattered."])
    assert [e.shown_by if e else None for e in found] == ["rather than", "because"]
    assert probe_evidence("bank", ["We picked Kafka rather than RabbitMQ because replays mattered."]) == []


def test_a_reply_is_tied_to_what_the_probe_digs_into() -> None:
    window = ProbeReply("concrete", "What are window functions in SQL?\nPARTITION BY and ORDER BY; rank")
    assert tied_to("I ranked the stores with RANK() OVER (PARTITION BY region) in Postgres.", window)
    assert tied_to(
        "I moved it all to SQL.", ProbeReply("concrete", "How do you index a SQL table?")
    )  # a tool
    # One word in common with a long rubric can be chance ("every"): two are needed there.
    assert not tied_to("At a bakery I baked bread every morning.", ProbeReply("concrete", "Every row stays."))
    # One word is enough with the candidate's own story, which a reply refers back to briefly.
    story = ProbeReply(
        "star_result", "Describe a disagreement.", "I disagreed with a teammate on the API design."
    )
    assert tied_to("In the end we shipped his design with my caching idea.", story)
    # The words of every story ("the result") tie a reply to no story in particular.
    assert not tied_to("The result was good for the bakery.", ProbeReply("star_result", "", "The result?"))
    assert tied_to("Anything at all.", ProbeReply("more", ""))  # nothing to hold it to


def _point(status: str, quote: str = "", similarity: float = 0.0) -> PointCoverage:
    return PointCoverage.model_validate(
        {"point": "p", "status": status, "similarity": similarity, "quote": quote}
    )


def test_structure_raises_a_point_and_never_lowers_one() -> None:
    meaning = [_point("missing"), _point("covered", "By meaning.", 3.5), _point("partly", "Close.", 2.0)]
    shown = [
        Evidence("covered", "I ranked the stores.", "I ranked"),
        Evidence("partly", "I did it.", "I did"),
        None,
    ]
    raised = with_structure(meaning, shown)
    assert (raised[0].status, raised[0].basis, raised[0].quote) == (
        "covered",
        "structure",
        "I ranked the stores.",
    )
    assert raised[0].similarity == 0.0  # the meaning reading is kept beside it
    assert raised[1] == meaning[1] and raised[2] == meaning[2]
    # Evidence for another rubric (another number of points) is not applied.
    assert with_structure(meaning, shown[:2]) == meaning


CONCRETE_POINTS = ["One real case", "Tools or methods named", "Their own actions"]
WINDOW_TOPIC = "What are window functions in SQL?\nOVER with PARTITION BY and ORDER BY\nRunning total, rank"


def _by_keywords(transcript: str, probe: str) -> AnswerScore:
    return score_answer(
        ScoringInput(
            question="Can you make that concrete: take one real case, what did you do, and with what?",
            expected_points=CONCRETE_POINTS,
            transcript=transcript,
            probe=probe,
            topic=WINDOW_TOPIC,
            context="A window function computes over related rows: RANK with OVER and PARTITION BY.",
        )
    )


def test_without_the_sentence_model_the_keyword_scorer_reads_probe_points_by_structure_too() -> None:
    reply = (
        "At a retailer last year I ranked the stores of each region with RANK() OVER (PARTITION BY region) in "
        "PostgreSQL. I replaced three old scripts with one query and I checked the totals."
    )
    assert "One real case" in _by_keywords(reply, "").missing_points  # keywords alone: no "real", no "case"
    score = _by_keywords(reply, "concrete")
    assert score.method == "keywords" and score.covered_points == CONCRETE_POINTS
    completeness = score.criterion("completeness")
    assert completeness is not None and completeness.evidence[0] in reply
    for nothing in ("I don't know, I have never used them.", "Python, SQL, Docker, teamwork, results"):
        assert _by_keywords(nothing, "concrete").covered_points == [], nothing
