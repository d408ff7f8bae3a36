"""The offline performance report agrees with itself and reads French and Hindi answers as it reads English
ones: a category is not listed as a skill gap, cultural fit says what it was read from, the "approach" line
counts the reasoning words each answer's structure line reports, and the complexity, reasoning and teamwork
cues find the same ideas in every interview language."""

from __future__ import annotations

import pytest

from mockmate_desktop.domain import answer_features as fx
from mockmate_desktop.domain import scoring_texts
from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.report_text import render_markdown
from mockmate_desktop.domain.reports import PerformanceReport, ReportSet
from mockmate_desktop.engine.offline.analysis_texts import say
from mockmate_desktop.engine.offline.assess import assess
from tests.support.offline_sessions import answered_session

JD = "Backend engineer: Python, PostgreSQL, Redis, REST APIs, Kubernetes."
SAME_ANSWER = {
    "en": "In my last role I cut our API latency from 800 ms to 120 ms by adding a Redis cache and indexing "
    "PostgreSQL queries. I measured with traces, then rolled out gradually on Kubernetes.",
    "fr": "Dans mon dernier poste, j'ai réduit la latence de notre API de 800 ms à 120 ms avec un cache Redis et "
    "des index PostgreSQL. J'ai mesuré avec des traces, puis j'ai déployé progressivement sur Kubernetes.",
    "hi": "मेरी पिछली नौकरी में मैंने Redis कैश और PostgreSQL इंडेक्स से API की लेटेंसी 800 ms से 120 ms कर दी। "
    "मैंने traces से मापा, फिर Kubernetes पर धीरे-धीरे डिप्लॉय किया।",
}


def _performance(language: str, transcript: str, interview_type: str = "technical") -> PerformanceReport:
    session, engine = answered_session(
        {
            "job_title": "Backend engineer",
            "job_description": JD,
            "language": language,
            "interview_type": interview_type,
        },
        transcript,
    )
    return engine.performance_report(session)


def test_a_category_is_not_listed_as_a_skill_gap() -> None:
    report = _performance("en", "I don't know.")
    # Every answer is weak, so before this the generic competency was appended to the JD's gaps.
    assert "technical knowledge" not in report.skill_gaps, report.skill_gaps
    assert "Python" in report.skill_gaps


def test_cultural_fit_without_stories_says_what_it_was_read_from() -> None:
    report = _performance("en", SAME_ANSWER["en"])
    assert "no behavioural stories" in report.cultural_fit, report.cultural_fit
    assert "over 0 behavioural answers" not in report.cultural_fit
    assert "no behavioural stories" in report.category_scores.cultural_fit.comment
    assert "STAR stories and" not in report.category_scores.cultural_fit.comment
    # The count after its label: never "the 1 mentions" or "your 0 mentions".
    assert "(mentions: " in report.cultural_fit and "(mentions: " in report.category_scores.cultural_fit.comment
    assert " mentions of working" not in report.cultural_fit


def test_cultural_fit_with_stories_is_read_from_them() -> None:
    story = (
        "When our release slipped, I was responsible for the plan. I met the team, split the work and we "
        "shipped two days early, so the customer kept the launch date."
    )
    report = _performance("en", story, interview_type="behavioural")
    assert "behavioural answers, by how complete each one's STAR story is" in report.cultural_fit, (
        report.cultural_fit
    )


@pytest.mark.parametrize(
    ("language", "plain"),
    [
        ("en", "I added an index to the orders table and the query got faster."),
        ("fr", "J'ai ajouté un index à la table des commandes et la requête est devenue plus rapide."),
        ("hi", "मैंने orders table में इंडेक्स जोड़ा और query तेज़ हो गई।"),
    ],
)
def test_the_approach_line_counts_what_the_structure_lines_report(language: str, plain: str) -> None:
    session, engine = answered_session(
        {"job_title": "Backend engineer", "job_description": JD, "language": language}, plain
    )
    session.answers[0].transcript = SAME_ANSWER[language]
    turns = assess(session, engine.bank)
    no_words = {scoring_texts.say("reasoning_none", language, n=n) for n in range(20)}
    told = [
        t.label
        for t in turns
        if not t.behavioural
        for c in t.score.criteria
        if c.name == "structure" and c.explanation not in no_words
    ]
    # Only the first answer names a reasoning word ("then", "puis", "फिर"); structure scores of 4+ without
    # one were counted as "step-by-step reasoning" before.
    assert told == ["Q1"], [
        (t.label, [c.explanation for c in t.score.criteria if c.name == "structure"]) for t in turns
    ]
    technical = [t for t in turns if t.answered and not t.behavioural]
    approach = engine.performance_report(session).comparative_analysis.approach
    assert approach == say("approach", Language(language), a=1, b=len(technical)), approach


@pytest.mark.parametrize("language", ["fr", "hi"])
def test_complexity_is_heard_in_every_language(language: str) -> None:
    english = _performance("en", SAME_ANSWER["en"]).comparative_analysis.complexity
    other = _performance(language, SAME_ANSWER[language]).comparative_analysis.complexity
    assert english.startswith("Complexity, scale or trade-offs discussed in 5 of 5"), english
    assert "5" in other.replace("sur 5", "").replace("5 में से", ""), other


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J'ai d'abord mesuré, puis j'ai ajouté un index, car la requête lisait toute la table.", 2),
        ("मैंने पहले मापा, ताकि असली वजह मिले; अंत में इंडेक्स जोड़ा।", 3),
    ],
)
def test_french_and_hindi_reasoning_words_count_like_english_ones(text: str, expected: int) -> None:
    assert len(fx.find_all(fx.REASONING, text)) >= expected, fx.find_all(fx.REASONING, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nous avons livré avec le client et j'ai aidé un collègue.",
        "हमने ग्राहक के साथ मिलकर काम किया और मदद की।",
    ],
)
def test_teamwork_is_heard_in_french_and_hindi(text: str) -> None:
    assert len(fx.find_all(fx.TEAMWORK, text)) >= 3, fx.find_all(fx.TEAMWORK, text)


def test_the_english_export_names_star_in_capitals() -> None:
    story = "When our release slipped, I split the work and we shipped two days early."
    session, engine = answered_session(
        {"job_title": "Backend engineer", "job_description": JD, "interview_type": "behavioural"}, story
    )
    session.reports = ReportSet(
        summary=engine.summary_report(session), performance=engine.performance_report(session)
    )
    markdown = render_markdown(session)
    assert "- STAR: " in markdown and "- Star:" not in markdown


@pytest.mark.parametrize(
    "opening",
    [
        "When a colleague and I disagreed about which database to pick, I suggested a benchmark.",
        "While my manager was away, our release slipped by a week.",
        "Quand un collègue et moi n'étions pas d'accord sur la base de données, j'ai proposé un test.",
        "Lorsque mon chef m'a demandé un rapport urgent, je l'ai écrit le soir même.",
    ],
)
def test_a_story_opening_on_a_past_when_clause_sets_its_situation(opening: str) -> None:
    assert fx.STAR_CUES["situation"].search(opening), opening


@pytest.mark.parametrize(
    "platitude",
    [
        "When there is a conflict, I listen first.",
        "When you have a disagreement, talk it through.",
        "Quand il y a un conflit, j'écoute d'abord.",
    ],
)
def test_a_general_when_clause_is_no_situation(platitude: str) -> None:
    assert not fx.STAR_CUES["situation"].search(platitude), platitude


def test_a_percentage_keeps_its_unit_in_every_language() -> None:
    said = "30 percent faster, 40 pour cent de moins, वह 30 प्रतिशत तेज़ था"
    assert fx.find_all(fx.NUMBER, said) == ["30 percent", "40 pour cent", "30 प्रतिशत"]


def test_a_behavioural_interview_lists_no_untested_job_skill_as_a_gap() -> None:
    story = "When our release slipped, I split the work with the team and we shipped two days early."
    behavioural = _performance("en", story, interview_type="behavioural")
    # Stories alone never asked for Python or Kubernetes: "untested" is not "missing".
    assert not {"Python", "Kubernetes", "PostgreSQL"} & set(behavioural.skill_gaps), behavioural.skill_gaps
    technical = _performance("en", story)
    assert "Python" in technical.skill_gaps


def test_a_business_field_named_in_passing_is_no_skill_shown() -> None:
    story = (
        "Our sales team made decisions without reliable data. I wrote SQL with RANK() OVER (PARTITION BY "
        "region ORDER BY sales) and built a dashboard; the forecast got 30% more accurate."
    )
    analyst = _performance_for("Data analyst", "SQL, Python, dashboards.", story)
    assert "Sales" not in analyst.comparative_analysis.stack and "SQL" in analyst.comparative_analysis.stack
    seller = _performance_for("Sales manager", "B2B sales, CRM, negotiation.", story)
    assert "Sales" in seller.comparative_analysis.stack
    # The count beside the stack line counts what the stack line names, no more.
    for report in (analyst, seller):
        named = report.comparative_analysis.stack.split(":", 1)[1].rstrip(".").split(", ")
        assert f"named tools: {len(named)}." in report.quantitative_analysis, report.quantitative_analysis


def _performance_for(job_title: str, job_description: str, transcript: str) -> PerformanceReport:
    session, engine = answered_session(
        {"job_title": job_title, "job_description": job_description, "interview_type": "technical"}, transcript
    )
    return engine.performance_report(session)


def _first_answer_only(language: str, keep_questions: int) -> PerformanceReport:
    """The first question answered, the rest of the first `keep_questions` questions left unanswered, as a
    candidate who ends early leaves them."""
    config = {"job_title": "Backend engineer", "job_description": JD, "language": language}
    session, engine = answered_session(config, SAME_ANSWER[language])
    session.questions = session.questions[:keep_questions]
    session.answers = session.answers[:1]
    return engine.performance_report(session)


@pytest.mark.parametrize("language", ["en", "fr", "hi"])
def test_a_skipped_question_weighs_as_much_as_an_answered_one(language: str) -> None:
    alone = _first_answer_only(language, 1).category_scores.communication
    of_five = _first_answer_only(language, 5).category_scores.communication
    # One answer of five: that answer's own mean of structure and relevance, over five questions. Pooling
    # the two criteria with one zero a skip gave the answer two votes to each skip's one.
    assert alone.score >= 3, alone
    assert of_five.score == pytest.approx(alone.score / 5, abs=0.06), (of_five.score, alone.score)
    said = {"en": "From 1 of 5 questions", "fr": "Sur 1 des 5 questions", "hi": "कुल 5 प्रश्न, उत्तर 1;"}
    assert of_five.comment.startswith(said[language]), of_five.comment


def test_one_answer_is_not_called_answers() -> None:
    comment = _first_answer_only("en", 1).category_scores.communication.comment
    assert comment.startswith("From 1 answer:"), comment
